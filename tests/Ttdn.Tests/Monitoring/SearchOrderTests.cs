using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>"Best match" puts items with every word of the query in their title first, then the newest (decision 0025), in the same order on both engines.</summary>
public sealed class SearchOrderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    // Oldest first: (title, text).
    private static readonly (string Title, string Text)[] Items =
    [
        ("Lễ hội trà Thái Nguyên", "Khai mạc lễ hội."),                         // 1: title holds "le hoi tra" and the phrase
        ("Tin văn hoá", "Lễ hội trà diễn ra ở Thái Nguyên."),                   // 2: words in the text only
        ("Trà và lễ hội", "Lễ hội trà năm nay đông khách."),                    // 3: title holds the words, not the phrase
        ("Tin tổng hợp", "Nhiều lễ hội, trong đó có lễ hội trà."),              // 4: text only
        ("LE HOI TRA Tân Cương", "Lễ hội trà ở Tân Cương."),                    // 5: title, as typed without diacritics
    ];

    public static TheoryData<Db> Providers => new() { Db.Sqlite, Db.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Title_matches_come_first_then_the_newest(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var engine = MediaSearch.For(db);
        Assert.Equal(new long[] { 5, 3, 1, 4, 2 }, (await engine.SearchAsync(db, new MediaFilter("lễ hội trà"))).Ids);
        Assert.Equal(new long[] { 5, 1, 4, 3, 2 }, (await engine.SearchAsync(db, new MediaFilter("\"lễ hội trà\""))).Ids);
        Assert.Equal(new long[] { 5, 4, 3, 2, 1 }, (await engine.SearchAsync(db, new MediaFilter("lễ hội trà", Order: SearchOrder.Newest))).Ids);
        Assert.Equal(new long[] { 3, 1, 4, 2 }, (await engine.SearchAsync(db, new MediaFilter("lễ hội trà", Offset: 1))).Ids);
    }

    [Fact]
    public async Task Both_engines_give_the_same_order()
    {
        await using var sqlite = await LoadedAsync(Db.Sqlite);
        await using var postgres = await LoadedAsync(Db.Postgres);
        foreach (var q in new[] { "lễ hội trà", "\"lễ hội\"", "thai nguyen", "tra", "\"hoi tra\" khach" })
            Assert.Equal((await MediaSearch.For(sqlite).SearchAsync(sqlite, new MediaFilter(q))).Ids,
                (await MediaSearch.For(postgres).SearchAsync(postgres, new MediaFilter(q))).Ids);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Newest_first_is_by_publication_date_whether_matches_are_dense_or_sparse(Db provider)
    {
        await using var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Kho (test)");
        // Collected in one order, published in another (an archive import): every item says "hội chợ", every 97th "Phú Lương".
        const int count = MediaSearch.CountCap + 300;
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var items = Enumerable.Range(0, count).Select(n => new IncomingItem($"https://kho.example.vn/{n}", $"Tin {n}",
            n % 97 == 0 ? $"Hội chợ ở Phú Lương, số {n}." : $"Hội chợ số {n}.", start.AddMinutes(n * 7919 % count), "vi")).ToList();
        await new MediaIngest(Clock).IngestAsync(db, source, items);
        var byDate = await db.MediaItems.AsNoTracking().OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Text }).ToListAsync();
        var engine = MediaSearch.For(db);

        var dense = engine.Statements(new MediaFilter("hoi cho", Order: SearchOrder.Newest));
        Assert.NotNull(dense.IdsDense);
        Assert.True(MediaSearch.Dense(MediaSearch.CountCap + 1, 1, count)); // what this collection's count row gives
        var page = await engine.SearchAsync(db, new MediaFilter("hoi cho", Order: SearchOrder.Newest, Limit: 40, Offset: 20));
        Assert.Equal(byDate.Skip(20).Take(40).Select(i => i.Id), page.Ids);
        Assert.Equal((MediaSearch.CountCap, true), (page.Total, page.TotalIsAtLeast));

        var sparse = await engine.SearchAsync(db, new MediaFilter("\"Phú Lương\"", Order: SearchOrder.Newest, Limit: 500));
        Assert.Equal(byDate.Where(i => i.Text.Contains("Phú Lương", StringComparison.Ordinal)).Select(i => i.Id), sparse.Ids);
        Assert.False(MediaSearch.Dense(sparse.Total, 1, count)); // few matches: sorted by date, not walked
    }

    [Theory]
    [InlineData(2_000, 1L, 1_000_000L, false)]      // not more than the cap: always sorted
    [InlineData(2_001, 990_000L, 1_000_000L, true)]  // the newest 2,001 matches within 10,001 ids: 20 %
    [InlineData(2_001, 800_000L, 1_000_000L, false)] // within 200,001 ids: 1 %
    [InlineData(2_001, null, 1_000_000L, false)]
    public void Dense_means_more_than_the_cap_within_few_ids(long count, long? lowest, long highest, bool dense) =>
        Assert.Equal(dense, MediaSearch.Dense(count, lowest, highest));

    private static async Task<AppDb> LoadedAsync(Db provider)
    {
        var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Báo (test)");
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        await new MediaIngest(Clock).IngestAsync(db, source,
            Items.Select((item, n) => new IncomingItem($"https://bao.example.vn/{n}", item.Title, item.Text, start.AddDays(n), "vi")).ToList());
        return db;
    }
}
