using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>How PostgreSQL keeps and reads the search index (decision 0022).</summary>
public sealed class PostgresSearchStorageTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_long_items_tsvector_is_kept_inline_and_uncompressed_and_search_settings_end_with_the_search()
    {
        await using var db = TestDb.Create(Db.Postgres, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Báo (test)");
        // ~4 KB of tsvector: the tsvector is well over the 2 KB at which PostgreSQL would compress or move it by default.
        var text = string.Join(' ', Enumerable.Range(0, 250).Select(n => $"tu{n} van hoa"));
        await new MediaIngest(Clock).IngestAsync(db, source, [new IncomingItem("https://bao.example.vn/1", "Văn hóa Thái Nguyên", text, Clock.GetUtcNow().UtcDateTime, "vi")]);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            SELECT pg_column_size("Document"), pg_column_compression("Document") FROM "MediaSearch"
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetInt32(0) > 2_100, $"tsvector of {reader.GetInt32(0)} bytes: the sample is too short to test this");
            Assert.True(reader.IsDBNull(1), "the tsvector was compressed");
        }
        await using (var toast = new NpgsqlCommand("""
            SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'MediaSearch'
            """, connection))
            Assert.Equal(0L, (long)(await toast.ExecuteScalarAsync())!); // nothing moved out of line either

        var before = await SettingsAsync(connection);
        var hits = await MediaSearch.For(db).SearchAsync(db, new MediaFilter("tu249 van hoa"));
        Assert.Single(hits.Ids);
        Assert.Equal(before, await SettingsAsync(connection)); // SET LOCAL ended with the search's own transaction
    }

    private static async Task<string> SettingsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('jit') || ' ' || current_setting('max_parallel_workers_per_gather')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
