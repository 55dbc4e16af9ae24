"""Labelled intent cases for PowerShell (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("powershell")


BACKUP = """\
param(
    [string]$Source = "C:\\Data",
    [string]$Target = "\\\\nas\\backups",
    [int]$KeepDays = 30
)

$ErrorActionPreference = "Stop"
$stamp = Get-Date -Format "yyyyMMdd-HHmm"

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "Backup.ps1",
        BACKUP + "# zip the Source folder into Target with the timestamp in the file name\n█\n",
        "zip the Source folder into Target with the timestamp in the file name",
    ),
    case.comment(
        "comment/inside-function",
        "Users.ps1",
        """\
Import-Module ActiveDirectory

function Get-StaleUsers {
    param([int]$Days = 90)
    $cutoff = (Get-Date).AddDays(-$Days)
    # return enabled users whose last logon is older than cutoff, sorted by name
    █
}

Get-StaleUsers -Days 120 | Format-Table
""",
        "return enabled users whose last logon is older than cutoff, sorted by name",
    ),
    case.comment(
        "comment/inside-foreach",
        "Services.ps1",
        """\
$services = @("Spooler", "W32Time", "BITS")
$report = @()
$computer = $env:COMPUTERNAME

foreach ($name in $services) {
    $svc = Get-Service -Name $name
    # restart the service if it is stopped and add a line to the report
    █
}
""",
        "restart the service if it is stopped and add a line to the report",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block-comment",
        "Archive.ps1",
        """\
$logRoot = "D:\\Logs"
$archive = "D:\\Archive"
$days = 14
$now = Get-Date
$pattern = "*.log"

<#
  Move every log file older than $days days from $logRoot to $archive,
  keeping the folder structure.
#>
█
""",
        "Move every log file older than $days days from $logRoot to $archive,\nkeeping the folder structure.",
    ),
    case.comment(
        "multiline-comment/line-comments",
        "Disk.ps1",
        """\
$threshold = 10
$mailTo = "ops@example.com"
$smtp = "smtp.example.com"
$drives = Get-PSDrive -PSProvider FileSystem
$hostName = $env:COMPUTERNAME

# For each drive, compute the free space in percent.
# Send one email listing the drives below the threshold.
█
""",
        "For each drive, compute the free space in percent.\nSend one email listing the drives below the threshold.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/german",
        "Bereinigung.ps1",
        """\
$pfad = "C:\\Temp"
$tage = 7
$protokoll = "C:\\Logs\\bereinigung.log"
$jetzt = Get-Date
$anzahl = 0

# Alle Dateien im Pfad löschen, die älter als die angegebene Anzahl Tage sind
█
""",
        "Alle Dateien im Pfad löschen, die älter als die angegebene Anzahl Tage sind",
    ),
    case.comment(
        "non-english/japanese",
        "Report.ps1",
        """\
$csv = "C:\\Reports\\sales.csv"
$rows = Import-Csv $csv
$total = 0
$month = (Get-Date).ToString("yyyy-MM")
$out = "C:\\Reports\\summary-$month.txt"

# 地域ごとの売上合計を計算してテキストファイルに書き出す
█
""",
        "地域ごとの売上合計を計算してテキストファイルに書き出す",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "Backup.ps1",
        BACKUP + "# zip the Source folder█\n",
    ),
    case.completion(
        "on-comment/inside-help-block",
        "Get-Weather.ps1",
        """\
function Get-Weather {
    <#
    .SYNOPSIS
    Gets the current █weather for a city.
    #>
    param([string]$City)
    Invoke-RestMethod "https://wttr.in/$($City)?format=3"
}

Get-Weather -City Oslo
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "Settings.ps1",
        """\
$config = @{
    Port     = 8080
    Timeout  = █30 # seconds
    LogLevel = "Info"
    Retries  = 3
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/write-host",
        "Deploy.ps1",
        """\
$site = "Default Web Site"
$pool = "AppPool"
$src = ".\\publish"
$dst = "C:\\inetpub\\wwwroot\\app"
Stop-WebAppPool -Name $pool
Copy-Item "$src\\*" $dst -Recurse -Force
# Write-Host "copied to $dst"
█
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/requires",
        "Setup.ps1",
        """\
#Requires -Version 7.0
#Requires -RunAsAdministrator
█

$features = @("Web-Server", "Web-Asp-Net45")
foreach ($f in $features) {
    Install-WindowsFeature -Name $f
}
Restart-Service W3SVC
""",
    ),
    case.completion(
        "directive/region",
        "Module.psm1",
        """\
function Get-Greeting {
    param([string]$Name)
    "Hello, $Name"
}

Export-ModuleMember -Function Get-Greeting

#region Private helpers
█
#endregion
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/copyright",
        "Tools.ps1",
        """\
# Copyright (c) Contoso Ltd. All rights reserved.
# Licensed under the MIT License.
█

$root = Split-Path -Parent $MyInvocation.MyCommand.Path
$modules = Join-Path $root "modules"
Get-ChildItem $modules -Filter *.psm1 | ForEach-Object { Import-Module $_.FullName }
Write-Verbose "modules loaded"
$env:TOOLS_ROOT = $root
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "Network.ps1",
        """\
$adapters = Get-NetAdapter | Where-Object Status -eq "Up"
$dns = "1.1.1.1", "8.8.8.8"
$log = "C:\\Logs\\network.log"
$adapters | Format-Table Name, LinkSpeed
Add-Content $log "checked $(Get-Date)"

# ----------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "Ping.ps1",
        """\
$hosts = @("web1", "web2", "db1")
$failed = @()
foreach ($h in $hosts) {
    if (-not (Test-Connection $h -Count 1 -Quiet)) { $failed += $h }
}
# ok
█
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/function",
        "Backup.ps1",
        BACKUP + "function Remove-OldBackups {\n    █\n}\n",
    ),
    case.empty_function(
        "empty-function/class-method",
        "Inventory.ps1",
        """\
class Inventory {
    [hashtable]$Items = @{}

    [void] Add([string]$sku, [int]$qty) {
        $this.Items[$sku] += $qty
    }

    [int] Count([string]$sku) {
        █
    }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/if-body",
        "Check.ps1",
        """\
$path = "C:\\App\\config.json"
$backup = "$path.bak"
$exists = Test-Path $path
$size = 0

if (-not $exists) {
    █
}
""",
    ),
    case.empty_function(
        "empty-block/class-body",
        "Errors.ps1",
        """\
class AppError : System.Exception {
    AppError([string]$message) : base($message) {
        $this.HResult = 1
    }
}

class ConfigError : AppError {
    █
}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "Profile.ps1",
        """\
# PowerShell profile
Import-Module posh-git
Import-Module PSReadLine
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/pipeline",
        "Top.ps1",
        """\
$limit = 10
$sortBy = "CPU"
$minCpu = 1
$procs = Get-Process
$procs | Where-Object { $_.CPU -gt $minCpu } | Sort-Object $sortBy -Descending | Select-Object █
""",
    ),
    case.completion(
        "completion/member-access",
        "Files.ps1",
        """\
$root = "C:\\Projects"
$ext = ".cs"
$files = Get-ChildItem $root -Recurse -Filter "*$ext"
$count = $files.Count
$largest = $files | Sort-Object Length -Descending | Select-Object -First 1
Write-Output $largest.█
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/help-comment-block",
        "Convert.ps1",
        """\
$inputDir = ".\\in"
$outputDir = ".\\out"
$quality = 85
$format = "webp"
New-Item -ItemType Directory -Force $outputDir | Out-Null

<#
Convert every PNG in inputDir to WebP at the given quality.
#>
█
""",
        "Convert every PNG in inputDir to WebP at the given quality.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "Helpers.ps1",
        """\
function Write-Log {
    param([string]$Message)
    Add-Content -Path $env:TEMP\\app.log -Value $Message
    # TODO add timestamps
}
█
Write-Log "started"
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "Toast.ps1",
        """\
$title = "Build"
$ok = $true
$user = $env:USERNAME
$icon = if ($ok) { "✅" } else { "❌" }
$msg = "$icon ビルド完了 🎉 $user "
Write-Host ($msg + █)
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "Shares.ps1",
        crlf("""\
$server = "fileserver01"
$shares = Get-SmbShare -CimSession $server
$report = "C:\\Reports\\shares.csv"
$today = Get-Date -Format "yyyy-MM-dd"
$admins = "BUILTIN\\Administrators"

# export each share with its path and access rights to the report CSV
█
"""),
        "export each share with its path and access rights to the report CSV",
    ),
]
