using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ttdn.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster on loopback, started once per test run (initdb + pg_ctl, as the postgres
/// user when the run is root) and removed when the run ends. Each test gets its own database.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresServer Instance => Shared.Value;

    private readonly string _root;
    private readonly string _bin;
    private readonly int _port;
    private int _databases;

    private PostgresServer(string root, string bin, int port) => (_root, _bin, _port) = (root, bin, port);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A fresh, empty database that belongs to one test.</summary>
    public string CreateDatabase(string? template = null)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        Leftovers.Remove("ttdn-pg");
        var root = Path.Combine(Path.GetTempPath(), $"ttdn-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["postgres:postgres", root], asPostgres: false);
        var data = Path.Combine(root, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        // Durability settings off: this cluster lives for one test run.
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start"], asRoot);
        var server = new PostgresServer(root, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], asRoot); }
        catch (InvalidOperationException) { /* already gone */ }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: run scripts/install-test-deps.sh (apt package postgresql).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
