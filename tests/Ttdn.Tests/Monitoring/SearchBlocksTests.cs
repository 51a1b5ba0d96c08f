using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ttdn.Data;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>
/// PostgreSQL finds the newest matches chunk by chunk of id blocks (decision 0026): across many blocks, with gaps and
/// a window that ends inside a chunk, it must return exactly what one plain "newest first" walk of the index returns.
/// </summary>
public sealed class SearchBlocksTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_chunked_window_equals_a_plain_newest_first_walk_across_many_blocks()
    {
        await using var db = TestDb.Create(Db.Postgres, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Kho (test)");
        var ingest = new MediaIngest(Clock);
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        // 2,400 items in 60 runs of 40; before each run the id sequence jumps a block and a bit, so runs fall in 60 blocks
        // with empty blocks between. Every item says "hội chợ"; every 7th also "Phú Lương"; the newest run says "chè".
        var n = 0;
        for (var run = 0; run < 60; run++)
        {
            await JumpIdsAsync(db, 5_000);
            var items = Enumerable.Range(0, 40).Select(_ => n++).Select(i => new IncomingItem($"https://kho.example.vn/{i}", $"Tin {i}",
                "Hội chợ " + (i % 7 == 0 ? "Phú Lương " : "") + (run == 59 ? "chè " : "") + i, start.AddMinutes(i), "vi")).ToList();
            await ingest.IngestAsync(db, source, items);
        }

        var engine = MediaSearch.For(db);
        foreach (var text in new[] { "hội chợ", "phu luong", "chè", "\"hội chợ phú\"", "zzqxv" })
        {
            var expected = await MediaCorpus.PlainNewestAsync(db, text);
            var first = await engine.SearchAsync(db, new MediaFilter(text, Limit: MediaSearch.MaxLimit));
            Assert.Equal(Math.Min(expected.Count, MediaSearch.CountCap), first.Total);
            Assert.Equal(expected.Count > MediaSearch.CountCap, first.TotalIsAtLeast);
            // No title holds the words, so the order is the newest first; pages through the window give exactly the plain walk's first 2,000.
            var window = new List<long>();
            for (var offset = 0; offset < MediaSearch.RankWindow; offset += MediaSearch.MaxLimit)
                window.AddRange((await engine.SearchAsync(db, new MediaFilter(text, Limit: MediaSearch.MaxLimit, Offset: offset))).Ids);
            Assert.Equal(expected.Take(MediaSearch.RankWindow), window);
        }
        Assert.True(await BlocksAsync(db) >= 60, "the items should span at least 60 id blocks");
    }

    private static async Task JumpIdsAsync(AppDb db, int by) =>
        await db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence('\"MediaItems\"', 'Id'), (SELECT COALESCE(max(\"Id\"), 0) FROM \"MediaItems\") + {by})");


    private static async Task<long> BlocksAsync(AppDb db) =>
        await db.Database.SqlQueryRaw<long>($"SELECT count(DISTINCT \"Id\" >> {PostgresMediaSearch.BlockBits}) AS \"Value\" FROM \"MediaItems\"").SingleAsync();
}
