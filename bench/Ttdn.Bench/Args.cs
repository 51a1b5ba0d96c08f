using System.Globalization;

namespace Ttdn.Bench;

/// <summary>A problem the user can fix (bad option, missing data): printed without a stack trace.</summary>
public sealed class BenchException(string message) : Exception(message);

/// <summary>"command --name value --flag" — deliberately tiny; every option has a default shown in the usage text.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    public static Args Parse(string[] args)
    {
        var parsed = new Args { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
                throw new BenchException($"unexpected argument '{a}'");
            var name = a[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            parsed._options[name] = value;
        }
        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _options.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) =>
        _options.GetValueOrDefault(name) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new BenchException($"--{name}: '{v}' is not a whole number")
            : fallback;

    public double Double(string name, double fallback) =>
        _options.GetValueOrDefault(name) is { } v
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new BenchException($"--{name}: '{v}' is not a number")
            : fallback;

    public DateOnly Date(string name, DateOnly fallback) =>
        _options.GetValueOrDefault(name) is { } v
            ? DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new BenchException($"--{name}: '{v}' is not yyyy-MM-dd")
            : fallback;

    /// <summary>The options again as command-line words (for passing on to a child process).</summary>
    public IEnumerable<string> Pass(params string[] names)
    {
        foreach (var n in names)
        {
            if (!_options.TryGetValue(n, out var v)) continue;
            yield return "--" + n;
            if (v is not null) yield return v;
        }
    }
}

/// <summary>Where the data lives: the same two settings the app reads (DataDir, ConnectionStrings:Postgres).</summary>
public sealed record Target(string Provider, string DataDir, string? Connection)
{
    public bool IsPostgres => Provider == "postgres";

    public static Target From(Args a)
    {
        var provider = a.Get("provider", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres")) throw new BenchException("--provider must be sqlite or postgres");
        var connection = a.Get("connection");
        if (provider == "postgres" && connection is null && a.Command is not ("run" or "profile" or "report" or "ingest" or "search"))
            throw new BenchException("--provider postgres needs --connection \"Host=127.0.0.1;Port=…;Username=…;Database=…\"");
        var dataDir = Path.GetFullPath(a.Get("data-dir") ?? Path.Combine(Path.GetTempPath(), $"ttdn-bench-{provider}"));
        return new Target(provider, dataDir, connection);
    }

    /// <summary>The app's configuration for this target: demo data off, known admin password, quiet logs.</summary>
    public Dictionary<string, string?> Settings(string? connectionOverride = null)
    {
        var s = new Dictionary<string, string?>
        {
            ["DataDir"] = DataDir,
            ["Admin:Password"] = Generator.Password,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        var cs = connectionOverride ?? Connection;
        if (IsPostgres) s["ConnectionStrings:Postgres"] = cs;
        return s;
    }
}
