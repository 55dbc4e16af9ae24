"""Labelled intent cases for C# (corpus part A). The cursor is marked with █."""

LANG = "csharp"


def _case(cid, filename, text, intent, gtype=None, instruction=None, note=None):
    case = {
        "id": f"csharp/{cid}",
        "language": LANG,
        "filename": filename,
        "text": text,
        "intent": intent,
        "generation_type": gtype,
        "user_instruction": instruction,
    }
    if note:
        case["note"] = note
    return case


def gen(cid, filename, text, instruction, note=None):
    return _case(cid, filename, text, "generation", "comment", instruction, note)


def efn(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "empty_function", None, note)


def small(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "small_file", None, note)


def comp(cid, filename, text, note=None):
    return _case(cid, filename, text, "completion", None, None, note)


def crlf(text):
    return text.replace("\n", "\r\n")



SERVICE = """\
using System;
using System.Collections.Generic;
using System.Linq;

namespace Acme.Orders;

public class OrderService
{
    private readonly IOrderRepository _repo;

    public OrderService(IOrderRepository repo)
    {
        _repo = repo;
    }

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    gen(
        "comment/in-class-body",
        "OrderService.cs",
        SERVICE + "    // return the orders of a customer placed in the last 30 days, newest first\n    █\n}\n",
        "return the orders of a customer placed in the last 30 days, newest first",
    ),
    gen(
        "comment/inside-method",
        "Program.cs",
        """\
using System;
using System.IO;

internal static class Program
{
    private static int Main(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : Environment.CurrentDirectory;
        // list the ten largest files under dir recursively with their sizes in MB
        █
        return 0;
    }
}
""",
        "list the ten largest files under dir recursively with their sizes in MB",
    ),
    gen(
        "comment/inside-empty-method",
        "TemperatureConverter.cs",
        """\
namespace Acme.Weather;

public static class TemperatureConverter
{
    public static double CelsiusToFahrenheit(double c) => c * 9 / 5 + 32;

    public static double FahrenheitToKelvin(double f)
    {
        // convert to Celsius first, then add 273.15
        █
    }
}
""",
        "convert to Celsius first, then add 273.15",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    gen(
        "multiline-comment/line-comments",
        "PasswordPolicy.cs",
        """\
using System.Linq;

namespace Acme.Security;

public sealed class PasswordPolicy
{
    public int MinLength { get; init; } = 12;

    // Validate the password against the policy:
    // at least MinLength characters, one digit, one upper-case letter.
    // Return the list of violated rules.
    █
}
""",
        "Validate the password against the policy:\nat least MinLength characters, one digit, one upper-case letter.\nReturn the list of violated rules.",
    ),
    gen(
        "multiline-comment/block-comment",
        "Slug.cs",
        """\
using System.Globalization;
using System.Text;

namespace Acme.Text;

public static partial class Slug
{
    /*
     * Build a URL slug: remove diacritics, lower-case,
     * and replace runs of non-alphanumerics with a single dash.
     */
    █
}
""",
        "Build a URL slug: remove diacritics, lower-case,\nand replace runs of non-alphanumerics with a single dash.",
    ),
    # --- non-english ------------------------------------------------------------------------
    gen(
        "non-english/chinese",
        "CacheHelper.cs",
        """\
using System;
using Microsoft.Extensions.Caching.Memory;

public class CacheHelper
{
    private readonly IMemoryCache _cache;

    public CacheHelper(IMemoryCache cache) => _cache = cache;

    // 从缓存中获取数据，如果不存在就调用工厂方法并缓存十分钟
    █
}
""",
        "从缓存中获取数据，如果不存在就调用工厂方法并缓存十分钟",
    ),
    gen(
        "non-english/french",
        "Commande.cs",
        """\
using System.Collections.Generic;

public class Commande
{
    public List<Ligne> Lignes { get; } = new();

    public decimal Total()
    {
        decimal total = 0m;
        // additionner le prix de chaque ligne multiplié par sa quantité
        █
    }
}
""",
        "additionner le prix de chaque ligne multiplié par sa quantité",
    ),
    # --- on-comment -------------------------------------------------------------------------
    comp(
        "on-comment/end-of-comment",
        "OrderService.cs",
        SERVICE + "    // return the orders of a customer█\n}\n",
    ),
    comp(
        "on-comment/xml-doc-comment",
        "OrderService.cs",
        SERVICE + "    /// <summary>Cancel the order and █refund the payment.</summary>\n    public void Cancel(Guid id) => _repo.Cancel(id);\n}\n",
    ),
    comp(
        "on-comment/trailing-comment",
        "Limits.cs",
        """\
public static class Limits
{
    public const int MaxUsers = 500;
    public const int MaxUploadMb = █25; // per file
    public const int MaxProjects = 20;
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    comp(
        "commented-out-code/console-writeline",
        "Importer.cs",
        """\
using System;
using System.IO;

public class Importer
{
    public int Import(string path)
    {
        var lines = File.ReadAllLines(path);
        // Console.WriteLine($"read {lines.Length} lines");
        █
        return lines.Length;
    }
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    comp(
        "directive/resharper-disable",
        "Interop.cs",
        """\
using System.Runtime.InteropServices;

internal static class NativeMethods
{
    [DllImport("user32.dll")]
    internal static extern bool MessageBeep(uint type);

    // ReSharper disable once InconsistentNaming
    █
}
""",
    ),
    comp(
        "directive/region",
        "Customer.cs",
        """\
public class Customer
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public int Orders { get; set; }

    #region Helpers
    █
    #endregion
}
""",
    ),
    comp(
        "directive/pragma-warning",
        "Generated.cs",
        """\
#pragma warning disable CS1591
█
namespace Acme.Generated;

public partial class ApiClient
{
    public string BaseUrl { get; set; } = "https://api.example.com";
    public int TimeoutSeconds { get; set; } = 30;
}
""",
    ),
    # --- header -----------------------------------------------------------------------------
    comp(
        "header/license",
        "Result.cs",
        """\
// Licensed to the .NET Foundation under one or more agreements.
// The .NET Foundation licenses this file to you under the MIT license.
█

namespace Acme.Common;

public readonly record struct Result<T>(T? Value, string? Error)
{
    public bool IsOk => Error is null;
    public static Result<T> Ok(T value) => new(value, null);
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    comp(
        "separator/dashes",
        "Startup.cs",
        """\
using Microsoft.AspNetCore.Builder;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();

// ---------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    comp(
        "short-comment/ok",
        "Flags.cs",
        """\
public class Flags
{
    private bool _on;

    public void Toggle()
    {
        _on = !_on;
        // ok
        █
    }
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    efn(
        "empty-function/method",
        "OrderService.cs",
        SERVICE + "    public decimal TotalFor(Guid customerId)\n    {\n        █\n    }\n}\n",
    ),
    efn(
        "empty-function/lambda-block",
        "Buttons.cs",
        """\
using System;
using System.Windows.Forms;

public class MainForm : Form
{
    private readonly Button _save = new() { Text = "Save" };

    public MainForm()
    {
        _save.Click += (sender, e) => {█};
        Controls.Add(_save);
    }
}
""",
    ),
    efn(
        "empty-function/local-function",
        "Fibonacci.cs",
        """\
using System.Collections.Generic;

public static class Fibonacci
{
    public static IEnumerable<long> Take(int n)
    {
        var results = new List<long>();
        long Next(long a, long b)
        {
            █
        }
        return results;
    }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    efn(
        "empty-block/class-body",
        "Errors.cs",
        """\
using System;

namespace Acme.Errors;

public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }
}

public class ConflictException : DomainException
{
    █
}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    comp(
        "empty-block/foreach-body",
        "Sum.cs",
        """\
public static class Sum
{
    public static int Of(int[] values)
    {
        var total = 0;
        foreach (var v in values)
        {
            █
        }
        return total;
    }
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    small(
        "small-file/global-usings",
        "GlobalUsings.cs",
        """\
global using System;
global using System.Linq;
global using System.Threading.Tasks;
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    comp(
        "completion/linq-after-dot",
        "Report.cs",
        """\
using System.Collections.Generic;
using System.Linq;

public class Report
{
    public IEnumerable<string> TopCustomers(IEnumerable<Order> orders) =>
        orders.GroupBy(o => o.Customer).OrderByDescending(g => g.Count()).█
}
""",
    ),
    comp(
        "completion/inside-arguments",
        "Log.cs",
        """\
using Microsoft.Extensions.Logging;

public class Worker
{
    private readonly ILogger<Worker> _log;
    public Worker(ILogger<Worker> log) => _log = log;
    public void Tick(int n) => _log.LogInformation("tick {N} at {Time}", n, █);
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    gen(
        "docstring/xml-doc",
        "Geo.cs",
        """\
using System;

namespace Acme.Geo;

public static class Geo
{
    public const double EarthRadiusKm = 6371.0;

    /// Great-circle distance in kilometres between two coordinates,
    /// computed with the haversine formula.
    █
}
""",
        "Great-circle distance in kilometres between two coordinates,\ncomputed with the haversine formula.",
    ),
    # --- scope ------------------------------------------------------------------------------
    comp(
        "scope/comment-in-closed-method",
        "Counter.cs",
        """\
public class Counter
{
    private int _n;

    public void Increment()
    {
        _n++;
        // TODO use Interlocked for thread safety
    }
    █
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    comp(
        "unicode/interpolated-emoji",
        "Greeter.cs",
        """\
public static class Greeter
{
    public static string Hello(string name, int unread)
    {
        var icon = unread > 0 ? "📬" : "📭";
        return $"{icon} こんにちは {name}、未読 {█} 件";
    }
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    gen(
        "crlf/comment",
        "RegistryReader.cs",
        crlf("""\
using Microsoft.Win32;

public static class RegistryReader
{
    public const string Root = @"HKEY_CURRENT_USER\\Software\\Acme";

    // read a string value from Root, returning the fallback when it is missing
    █
}
"""),
        "read a string value from Root, returning the fallback when it is missing",
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    efn(
        "type-body/empty-interface",
        "Clock.cs",
        """\
using System;

namespace Shop
{
    public interface IClock
    {
        █
    }
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition",
    ),
    comp(
        "type-body/namespace",
        "Orders.cs",
        """\
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Shop.Orders
{
    █
}
""",
        note="a namespace is not a definition: team precision 1 leaves it completion",
    ),
]
