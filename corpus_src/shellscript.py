"""Labelled intent cases for shell script (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("shellscript")


DEPLOY = """\
#!/usr/bin/env bash
set -euo pipefail

APP=api
REGISTRY=registry.example.com
TAG=${1:-latest}

log() {
  printf '[%s] %s\\n' "$(date +%H:%M:%S)" "$*"
}

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "deploy.sh",
        DEPLOY + "# build the docker image, tag it with TAG and push it to REGISTRY\n█\n",
        "build the docker image, tag it with TAG and push it to REGISTRY",
    ),
    case.comment(
        "comment/inside-function",
        "backup.sh",
        """\
#!/bin/bash
set -e

BACKUP_DIR=/var/backups/db
KEEP_DAYS=14

backup() {
  local file="$BACKUP_DIR/db-$(date +%F).sql.gz"
  pg_dump "$DATABASE_URL" | gzip > "$file"
  # delete backups older than KEEP_DAYS days
  █
}

backup
""",
        "delete backups older than KEEP_DAYS days",
    ),
    case.comment(
        "comment/inside-loop",
        "resize.sh",
        """\
#!/bin/sh
SRC=photos
DST=thumbs
mkdir -p "$DST"

for img in "$SRC"/*.jpg; do
  name=$(basename "$img")
  # resize the image to 300px wide with ImageMagick and write it to DST
  █
done
""",
        "resize the image to 300px wide with ImageMagick and write it to DST",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "wait-for.sh",
        """\
#!/usr/bin/env bash
set -u

HOST=${1:?host required}
PORT=${2:?port required}
TIMEOUT=${3:-30}

# Wait until HOST:PORT accepts TCP connections.
# Try once per second and exit with status 1 after TIMEOUT seconds.
█
""",
        "Wait until HOST:PORT accepts TCP connections.\nTry once per second and exit with status 1 after TIMEOUT seconds.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "cleanup.sh",
        """\
#!/bin/bash
set -euo pipefail

LOG_DIR=/var/log/myapp
MAX_SIZE_MB=500
ARCHIVE=/mnt/archive

# 压缩超过七天的日志文件并移动到归档目录
█
""",
        "压缩超过七天的日志文件并移动到归档目录",
    ),
    case.comment(
        "non-english/german",
        "sync.sh",
        """\
#!/bin/bash
QUELLE=/home/anna/Dokumente
ZIEL=nas:/backup/anna
PROTOKOLL=/tmp/sync.log

sichern() {
  echo "Start: $(date)" >> "$PROTOKOLL"
  # Dateien mit rsync synchronisieren und gelöschte Dateien auch am Ziel löschen
  █
}
""",
        "Dateien mit rsync synchronisieren und gelöschte Dateien auch am Ziel löschen",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "deploy.sh",
        DEPLOY + "# build the docker image█\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "deploy.sh",
        DEPLOY + "█# build the docker image and push it\n\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "env.sh",
        """\
export APP_ENV=production
export APP_PORT=█8080 # behind nginx
export APP_WORKERS=4
export APP_LOG_LEVEL=info
export APP_DATA=/srv/app/data
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/echo-and-rm",
        "build.sh",
        """\
#!/bin/bash
set -e

rm -rf dist
npm ci
npm run lint
npm run build
# echo "build done in $SECONDS s"
# rm -rf node_modules
█
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/shellcheck-disable",
        "run.sh",
        """\
#!/bin/bash
set -euo pipefail

OPTS="--verbose --color"
TARGET=${1:-all}

make clean
make $OPTS "$TARGET"
# shellcheck disable=SC2086
█
""",
    ),
    case.completion(
        "directive/shellcheck-source",
        "start.sh",
        """\
#!/usr/bin/env bash
set -e
cd "$(dirname "$0")"
export PATH="$PWD/bin:$PATH"
export APP_HOME="$PWD"
export APP_ENV=${APP_ENV:-dev}

# shellcheck source=./lib/common.sh
█
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/shebang-only",
        "install.sh",
        """\
#!/bin/sh
█
set -e
PREFIX=${PREFIX:-/usr/local}
mkdir -p "$PREFIX/bin"
cp bin/tool "$PREFIX/bin/tool"
chmod +x "$PREFIX/bin/tool"
echo "installed to $PREFIX/bin/tool"
""",
    ),
    case.completion(
        "header/license",
        "tools/lint.sh",
        """\
#!/usr/bin/env bash
# Copyright 2024 The Acme Authors.
# SPDX-License-Identifier: Apache-2.0
█

set -euo pipefail
shellcheck scripts/*.sh
shfmt -d scripts
yamllint .
markdownlint docs
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/hashes",
        "setup.sh",
        """\
#!/bin/bash
set -e
apt-get update
apt-get install -y curl git jq
git config --global init.defaultBranch main
git config --global pull.rebase true

##############################################################################
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "check.sh",
        """\
#!/bin/bash
status=$(curl -s -o /dev/null -w '%{http_code}' https://example.com/health)
if [ "$status" != 200 ]; then
  echo "unhealthy: $status"
  exit 1
fi
# ok
█
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/function",
        "deploy.sh",
        DEPLOY + "rollback() {\n  █\n}\n",
    ),
    case.empty_function(
        "empty-function/function-keyword",
        "lib.sh",
        """\
#!/bin/bash

die() {
  echo "error: $*" >&2
  exit 1
}

function require_cmd {
  █
}

require_cmd jq
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/if-then",
        "check-root.sh",
        """\
#!/bin/bash
set -e
USER_ID=$(id -u)
LOG=/tmp/check.log

if [ "$USER_ID" -ne 0 ]; then
  █
fi
echo "running as root" >> "$LOG"
""",
    ),
    case.completion(
        "empty-block/for-loop",
        "ping-all.sh",
        """\
#!/bin/bash
HOSTS="web1 web2 db1"
TIMEOUT=2
FAILED=0

for host in $HOSTS; do
  █
done
exit "$FAILED"
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/shebang-and-set",
        "entrypoint.sh",
        """\
#!/bin/sh
# Container entrypoint.
set -e
█
""",
    ),
    case.small_file(
        "small-file/few-exports",
        ".envrc",
        """\
export AWS_PROFILE=dev
export KUBECONFIG=$PWD/.kube/config
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/command-arguments",
        "release.sh",
        """\
#!/bin/bash
set -euo pipefail
VERSION=$(git describe --tags --abbrev=0)
NEXT=$(echo "$VERSION" | awk -F. '{print $1"."$2"."$3+1}')
git tag -a "$NEXT" -m "release $NEXT"
git push origin █
""",
    ),
    case.completion(
        "completion/variable-expansion",
        "paths.sh",
        """\
#!/bin/bash
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONFIG=$ROOT/config
DATA=$ROOT/data
LOGS=$ROOT/logs
mkdir -p "$DATA" "${█}"
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/function-doc-comment",
        "lib/retry.sh",
        """\
#!/bin/bash
MAX_TRIES=5
DELAY=2

log() {
  echo "[retry] $*" >&2
}

# retry: run the given command until it succeeds,
# at most MAX_TRIES times, sleeping DELAY seconds between tries.
█
""",
        "retry: run the given command until it succeeds,\nat most MAX_TRIES times, sleeping DELAY seconds between tries.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "build-docs.sh",
        """\
#!/bin/bash
set -e
# build the docs with mkdocs
pip install -q mkdocs
mkdocs build --strict
cp -r site /var/www/docs
echo "docs published"
█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-echo",
        "notify.sh",
        """\
#!/bin/bash
set -e
STATUS=${1:-ok}
HOST=$(hostname)
URL=https://hooks.example.com/notify
curl -s -X POST "$URL" -d "text=🚀 デプロイ完了 $HOST █"
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "wsl-setup.sh",
        crlf("""\
#!/bin/bash
set -e
sudo apt-get update
sudo apt-get install -y build-essential
WIN_HOME=$(wslpath "$(cmd.exe /c 'echo %USERPROFILE%' 2>/dev/null)")

# link the Windows Downloads folder into the Linux home directory
█
"""),
        "link the Windows Downloads folder into the Linux home directory",
    ),
]
