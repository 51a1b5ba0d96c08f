using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ttdn.Audit;
using Ttdn.Data;

namespace Ttdn.Tests.Infrastructure;

/// <summary>A bare AppDb on a fresh database of either provider, for tests below the web layer.</summary>
public static class TestDb
{
    public static AppDb Create(Db provider, FakeTimeProvider? clock = null)
    {
        var settings = provider == Db.Postgres
            ? new DatabaseSettings(DatabaseProvider.Postgres, PostgresServer.Instance.CreateDatabase(), Path.GetTempPath())
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Folder.Value, $"{Guid.NewGuid():N}.db")}", Path.GetTempPath());
        var options = new DbContextOptionsBuilder<AppDb>();
        settings.Configure(options);
        return new AppDb(options.Options, new AuditTrail(clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero))) { BackgroundActor = "test" });
    }

    /// <summary>
    /// This run's SQLite files, deleted when the run ends (or by a later run, when the runner ended this one before
    /// ProcessExit ran): tests do not delete them, and they piled up in /tmp.
    /// </summary>
    private static readonly Lazy<string> Folder = new(() =>
    {
        Leftovers.Remove("ttdn-testdb");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ttdn-testdb-{Environment.ProcessId}")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return folder;
    });
}
