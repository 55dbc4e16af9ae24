"""Labelled intent cases for C# (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("csharp")


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
    case.comment(
        "comment/in-class-body",
        "OrderService.cs",
        SERVICE
        + "    // return the orders of a customer placed in the last 30 days, newest first\n    █\n}\n",
        "return the orders of a customer placed in the last 30 days, newest first",
    ),
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.completion(
        "on-comment/end-of-comment",
        "OrderService.cs",
        SERVICE + "    // return the orders of a customer█\n}\n",
    ),
    case.completion(
        "on-comment/xml-doc-comment",
        "OrderService.cs",
        SERVICE
        + "    /// <summary>Cancel the order and █refund the payment.</summary>\n    public void Cancel(Guid id) => _repo.Cancel(id);\n}\n",
    ),
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.empty_function(
        "empty-function/method",
        "OrderService.cs",
        SERVICE + "    public decimal TotalFor(Guid customerId)\n    {\n        █\n    }\n}\n",
    ),
    case.empty_function(
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
    case.empty_function(
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
    case.empty_function(
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
    case.completion(
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
    case.small_file(
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
    case.completion(
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
    case.completion(
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
    case.comment(
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
    case.completion(
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
    case.completion(
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
    case.comment(
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
    case.empty_function(
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
    case.completion(
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
