using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ttdn.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Which database the app talks to. The embedded SQLite file under the data directory is the default;
/// a PostgreSQL connection string (ConnectionStrings:Postgres) switches to the server.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDir = Path.GetFullPath(configuration["DataDir"] ?? "./data");
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new(DatabaseProvider.Postgres, postgres, dataDir);
        return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDir, "ttdn.db")}", dataDir);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({Path.Combine(DataDirectory, "ttdn.db")})"
        : "PostgreSQL";

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString);
        else
            options.UseSqlite(ConnectionString);
        // Migrations are hand-written SQL (docs/decisions/0002); their equality with the model is proven by
        // a test on both providers, not by EF's model snapshot, which we do not keep.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
