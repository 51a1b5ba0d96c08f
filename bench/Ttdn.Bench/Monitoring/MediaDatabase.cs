using Npgsql;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// The database `ingest` fills and `search` reads. SQLite: a bench-owned data directory (marked, so a user's data
/// directory is never emptied). PostgreSQL: --connection, or else a cluster kept under --pg-root (default
/// /tmp/ttdn-bench-media-pg) so `search` finds what `ingest` wrote; the cluster is stopped, not removed, after each command.
/// </summary>
public sealed class MediaDatabase : IAsyncDisposable
{
    public const string PgDatabase = "ttdn_media";
    private const string Marker = ".ttdn-bench-media";

    public Target Target { get; private init; } = null!;

    public PgCluster? Cluster { get; private init; }

    public static async Task<MediaDatabase> OpenAsync(Args a, bool fresh)
    {
        var target = Target.From(a);
        if (!target.IsPostgres)
        {
            if (!a.Has("data-dir"))
            {
                target = target with { DataDir = Path.Combine(Path.GetTempPath(), "ttdn-bench-media-sqlite") };
            }

            if (fresh)
            {
                EmptySqliteDir(target.DataDir);
            }

            return new MediaDatabase { Target = target };
        }

        if (target.Connection is not null)
        {
            return new MediaDatabase { Target = target };
        }

        var cluster = await PgCluster.StartAsync(a.Get("pg-root", Path.Combine(Path.GetTempPath(), "ttdn-bench-media-pg")), Console.Out);
        if (fresh)
        {
            await using var c = new NpgsqlConnection(cluster.ConnectionString("postgres"));
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PgDatabase}\" WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync();
        }

        var (connection, _) = await cluster.DatabaseAsync(PgDatabase);
        return new MediaDatabase { Target = target with { Connection = connection }, Cluster = cluster };
    }

    /// <summary>The bench's own directory is emptied; any other directory must not hold a database yet.</summary>
    private static void EmptySqliteDir(string dir)
    {
        var db = Path.Combine(dir, "ttdn.db");
        if (File.Exists(db) && !File.Exists(Path.Combine(dir, Marker)))
        {
            throw new BenchException($"{dir} already holds a database that the bench did not create: give an empty --data-dir");
        }

        Directory.CreateDirectory(dir);
        foreach (string suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(db + suffix);
        }

        File.WriteAllText(Path.Combine(dir, Marker), "created by ttdn-bench ingest; emptied by the next ingest\n");
    }

    /// <summary>The app's settings for this database; EF's log of the migration history query failing on a new database is noise here.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = Target.Settings();
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical";
        return settings;
    }

    public string Describe() => Target.IsPostgres
        ? $"PostgreSQL{(Cluster is null ? "" : " " + Cluster.Version)} ({(Cluster is null ? "--connection" : "bench cluster, fsync off")})"
        : $"SQLite ({Path.Combine(Target.DataDir, "ttdn.db")})";

    public ValueTask DisposeAsync()
    {
        Cluster?.Stop(Console.Out);
        return ValueTask.CompletedTask;
    }
}
