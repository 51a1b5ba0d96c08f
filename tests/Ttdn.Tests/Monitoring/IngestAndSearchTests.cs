using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

public sealed class IngestAndSearchTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 7, 2, 0, 0, TimeSpan.Zero));

    private static async Task<AppDb> LoadedAsync(Db provider)
    {
        var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Tổng hợp (test)");
        var result = await new MediaIngest(Clock).IngestAsync(db, source, MediaCorpus.Items);
        Assert.Equal(MediaCorpus.Items.Length, result.Imported);
        return db;
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Items_are_stored_once_with_language_places_story_and_tone(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var source = await db.MediaSources.SingleAsync();

        var again = await new MediaIngest(Clock).IngestAsync(db, source, [.. MediaCorpus.Items, new IncomingItem("http://baothainguyen.vn/tin/1/", "x", "y", null, null)]);
        Assert.Equal((0, MediaCorpus.Items.Length + 1), (again.Imported, again.Duplicates)); // same URLs, also written differently

        var items = await db.MediaItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(["vi", "vi", "vi", "vi", "vi", "en", "zh", "ko", "vi"], items.Select(i => i.Language).ToArray());
        Assert.Contains(" thai-nguyen ", items[0].Provinces);
        Assert.DoesNotContain("thai-nguyen", items[4].Provinces); // Thái Bình
        Assert.Contains("dien-bien", items[2].Provinces); // NFD text
        Assert.Contains("thai-nguyen", items[6].Provinces); // 太原省
        Assert.Contains("thai-nguyen", items[7].Provinces); // 타이응우옌
        Assert.Equal(items[0].ClusterId, items[1].ClusterId); // the re-post
        Assert.Equal(items[0].Id, items[0].ClusterId);
        Assert.NotEqual(items[0].ClusterId, items[8].ClusterId); // another story about the same place
        Assert.Equal(Tone.Negative, items[5].Tone);
        Assert.True(await db.MediaMentions.AnyAsync(m => m.ItemId == items[0].Id && m.ProvinceKey == "thai-nguyen"));
    }

    public static readonly TheoryData<string, int[]> Queries = new()
    {
        { "Dien Bien", [3] },
        { "điện biên", [3] },
        { "\"ho nui coc\"", [1, 2] },
        { "van hoa", [3, 4, 9] },
        { "\"van hoa tra\"", [4] },
        { "thai nguyen", [1, 2, 4, 6, 9] },
        { "\"nguyen thai\"", [] },
        { "太原省", [7] },
        { "타이응우옌", [8] },
        { "pollution corruption", [6] },
        { "thái bình", [5] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Sqlite_and_postgres_return_the_same_items_for_the_same_query(string query, int[] expected)
    {
        await using var sqlite = await LoadedAsync(Db.Sqlite);
        await using var postgres = await LoadedAsync(Db.Postgres);
        var a = await MediaSearch.For(sqlite).SearchAsync(sqlite, new MediaFilter(query));
        var b = await MediaSearch.For(postgres).SearchAsync(postgres, new MediaFilter(query));
        Assert.Equal(expected.Select(i => (long)i).Order(), a.Ids.Order());
        Assert.Equal(a.Ids.Order(), b.Ids.Order());
        Assert.Equal(a.Total, b.Total);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Filters_narrow_a_search_and_newest_comes_first(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var engine = MediaSearch.For(db);
        var newest = (await engine.SearchAsync(db, new MediaFilter("thai nguyen", Language: "vi", ProvinceKey: "thai-nguyen", Order: SearchOrder.Newest))).Ids;
        Assert.Equal(new long[] { 9, 4, 2, 1 }, newest);
        Assert.Equal(new long[] { 6 }, (await engine.SearchAsync(db, new MediaFilter(null, Tone: Tone.Negative))).Ids);
        Assert.Equal(new long[] { 3 }, (await engine.SearchAsync(db, new MediaFilter(null, ProvinceKey: "dien-bien"))).Ids);
        var story = (await engine.SearchAsync(db, new MediaFilter(null, ClusterId: 1, Order: SearchOrder.Newest))).Ids;
        Assert.Equal(new long[] { 2, 1 }, story);
        var day5 = await engine.SearchAsync(db, new MediaFilter(null, From: new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2026, 11, 6, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new long[] { 6, 7, 8 }, day5.Ids.Order().ToArray());
        var page = await engine.SearchAsync(db, new MediaFilter(null, Order: SearchOrder.Newest, Limit: 2, Offset: 2));
        Assert.Equal(2, page.Ids.Count);
        Assert.Equal(9, page.Total);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_tone_override_is_kept_next_to_the_detected_tone(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var item = await db.MediaItems.SingleAsync(i => i.Id == 6);
        item.OverrideTone(Tone.Neutral, "theodoi", Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var stored = await db.MediaItems.AsNoTracking().SingleAsync(i => i.Id == 6);
        Assert.Equal((Tone.Neutral, Tone.Negative, "theodoi"), (stored.Tone, stored.DetectedTone, stored.ToneOverriddenBy));
        Assert.Equal(1, await db.MediaItems.CountAsync(i => i.ToneOverriddenAt != null && i.Tone != i.DetectedTone));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "MediaItem" && a.EntityId == "6"));
    }
}
