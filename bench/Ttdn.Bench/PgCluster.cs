using System.Diagnostics;
using Npgsql;

namespace Ttdn.Bench;

/// <summary>
/// A PostgreSQL cluster on loopback for one benchmark run, started the way the tests start theirs
/// (tests/Ttdn.Tests/Infrastructure/PostgresServer.cs): initdb + pg_ctl from /usr/lib/postgresql/*/bin, as the postgres user
/// (runuser) when we are root. A temporary cluster is removed when stopped; one under --pg-root is kept for the next run.
/// </summary>
public sealed class PgCluster
{
    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asRoot;
    private readonly bool _keep;

    public int Port { get; }
    public string Version { get; }

    private PgCluster(string root, string bin, int port, bool asRoot, bool keep) =>
        (_root, _bin, Port, _asRoot, _keep, Version) = (root, bin, port, asRoot, keep, Path.GetFileName(Path.GetDirectoryName(bin)!));

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    /// <summary>Settings: durability off only while loading data would matter; the read benchmark itself does not write.</summary>
    public const string ServerSettings = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=2GB";

    public static async Task<PgCluster> StartAsync(string? keptRoot, TextWriter log)
    {
        var bin = FindBinaries();
        var keep = keptRoot is not null;
        var root = keptRoot is not null ? Path.GetFullPath(keptRoot) : Path.Combine(Path.GetTempPath(), $"ttdn-bench-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var asRoot = Environment.UserName == "root";
        var data = Path.Combine(root, "data");
        var fresh = !File.Exists(Path.Combine(data, "PG_VERSION"));
        Directory.CreateDirectory(root);
        if (asRoot) Run("chown", ["postgres:postgres", root], asPostgres: false);
        if (fresh)
            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = Servers.FreePort();
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-t", "120", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 {ServerSettings}", "start"], asRoot);
        var cluster = new PgCluster(root, bin, port, asRoot, keep);
        log.WriteLine($"PostgreSQL {cluster.Version}: {(fresh ? "new" : "existing")} cluster in {root}, port {port}{(keep ? " (kept)" : " (removed afterwards)")}");
        return cluster;
    }

    /// <summary>The database's connection string, creating it when missing; true when it was created.</summary>
    public async Task<(string ConnectionString, bool Created)> DatabaseAsync(string name)
    {
        await using var c = new NpgsqlConnection(ConnectionString("postgres"));
        await c.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", c);
        exists.Parameters.AddWithValue("n", name);
        var created = await exists.ExecuteScalarAsync() is null;
        if (created)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await create.ExecuteNonQueryAsync();
        }
        return (ConnectionString(name), created);
    }

    /// <summary>The postmaster's process id (its backends are its children).</summary>
    public int? PostmasterPid()
    {
        try { return int.Parse(File.ReadLines(Path.Combine(_root, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Stop(TextWriter log)
    {
        NpgsqlConnection.ClearAllPools();
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], _asRoot); }
        catch (InvalidOperationException e) { log.WriteLine("pg_ctl stop: " + e.Message); }
        if (_keep) return;
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException e) { log.WriteLine($"could not remove {_root}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { log.WriteLine($"could not remove {_root}: {e.Message}"); }
        log.WriteLine($"PostgreSQL cluster stopped and {_root} removed");
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new BenchException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt package postgresql), or pass --connection");
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {error} {output.Result}");
    }
}
