using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ttdn.Bench;

/// <summary>
/// generate (unless the data is already there) → start the app and the plain endpoint → load both with the same client →
/// print Markdown (machine, dataset, results) → stop everything (and remove a temporary PostgreSQL cluster).
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(Args a)
    {
        var log = Console.Out;
        var target = Target.From(a);
        var options = GenerateCommand.Options(a);
        PgCluster? cluster = null;
        Servers.Child? app = null, plain = null;
        try
        {
            string? connection = target.Connection;
            if (target.IsPostgres && connection is null)
            {
                cluster = await PgCluster.StartAsync(a.Get("pg-root"), log);
                (connection, _) = await cluster.DatabaseAsync("ttdn_bench");
                target = target with { Connection = connection };
            }
            var sw = Stopwatch.StartNew();
            await GenerateCommand.GenerateAsync(target, options, log, skipIfPresent: true);
            var generateSeconds = sw.Elapsed.TotalSeconds;

            List<(string, long)> counts;
            string dbVersion;
            await using (var c = await GenerateCommand.OpenAsync(target, ConnectionString(target)))
            {
                counts = await GenerateCommand.CountsAsync(c);
                dbVersion = target.IsPostgres
                    ? "PostgreSQL " + await ScalarText(c, "SHOW server_version")
                    : "SQLite " + await ScalarText(c, "SELECT sqlite_version()") + $" (journal_mode {await ScalarText(c, "PRAGMA journal_mode")})";
            }
            if (!target.IsPostgres) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            var appArgs = new List<string> { "serve-app", "--provider", target.Provider, "--data-dir", target.DataDir, "--today", options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            if (connection is not null) appArgs.AddRange(["--connection", connection]);
            app = await Servers.StartChildAsync("app", appArgs, log);
            plain = await Servers.StartChildAsync("plain", ["serve-plain"], log);

            var load = LoadOptions.From(a, app.Url, plain.Url) with { Provinces = options.Provinces };
            List<EndpointResult> results;
            var postmaster = cluster?.PostmasterPid();
            (int[], bool)? ServersOf(string phase) => phase == "plain"
                ? ([plain.Pid], false)
                : postmaster is { } pm ? ([app.Pid, pm], true) : ([app.Pid], false);
            using (var client = new LoadClient(load, log, ServersOf))
                results = await client.RunAsync();

            var md = Report(a, target, dbVersion, counts, generateSeconds, load, results);
            log.WriteLine();
            log.WriteLine(md);
            if (a.Get("out") is { } file)
            {
                await File.WriteAllTextAsync(file, md);
                log.WriteLine($"written to {file}");
            }
            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }
        finally
        {
            if (app is not null) await app.StopAsync();
            if (plain is not null) await plain.StopAsync();
            cluster?.Stop(log);
        }
    }

    private static string ConnectionString(Target t) =>
        t.IsPostgres ? t.Connection! : $"Data Source={Path.Combine(t.DataDir, "ttdn.db")}";

    private static async Task<string> ScalarText(System.Data.Common.DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string Report(Args a, Target target, string dbVersion, List<(string Table, long Rows)> counts, double generateSeconds,
        LoadOptions load, List<EndpointResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {target.Provider} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- App code: {AppVersion()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():F1} GiB RAM, {RuntimeInformation.OSDescription}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription} (SDK {DotnetVersion()}), server GC; database: {dbVersion}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Load: {load.Users} signed-in users, closed loop (no think time), warm-up {load.WarmupSeconds} s, measured {load.DurationSeconds} s per phase; client and servers on the same machine, 127.0.0.1");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Setup (migrate if needed + generate if needed): {generateSeconds:F0} s");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Command: `ttdn-bench run {string.Join(' ', Environment.GetCommandLineArgs().Skip(1 + (a.Command == "run" ? 1 : 0)))}`");
        sb.AppendLine();
        sb.AppendLine("| table | rows |");
        sb.AppendLine("|---|---:|");
        foreach (var (t, n) in counts) sb.AppendLine(CultureInfo.InvariantCulture, $"| {t} | {n:N0} |");
        sb.AppendLine();
        sb.Append(LoadClient.Table(results, load.Users));
        return sb.ToString();
    }

    /// <summary>The commit of the app code measured (read-only git), and whether src/ had uncommitted changes.</summary>
    public static string AppVersion()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ttdn.sln"))) dir = dir.Parent;
        if (dir is null) return "unknown (not built from the repository)";
        string Git(string args)
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo("git", $"-C \"{dir.FullName}\" {args}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var output = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit();
                return p.ExitCode == 0 ? output : "";
            }
            catch (System.ComponentModel.Win32Exception) { return ""; }
        }
        var head = Git("rev-parse --short HEAD");
        if (head.Length == 0) return $"{dir.FullName} (no git)";
        var dirty = Git("status --porcelain -- src").Length > 0;
        return $"commit {head}{(dirty ? " + uncommitted changes in src/" : "")} ({Git("log -1 --format=%s")})";
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException) { return "?"; }
    }

    private static double MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        }
        catch (IOException) { return 0; }
    }

    private static string DotnetVersion()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() })!;
            var v = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return v;
        }
        catch (System.ComponentModel.Win32Exception) { return "?"; }
    }
}
