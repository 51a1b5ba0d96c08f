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

    private static async Task<AppDb> LoadedAsync(Db provider)
    {
        var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var source = new MediaSource { Name = "Báo (test)", Format = SourceFormat.Import, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.MediaSources.Add(source);
        await db.SaveChangesAsync();
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        await new MediaIngest(Clock).IngestAsync(db, source,
            Items.Select((item, n) => new IncomingItem($"https://bao.example.vn/{n}", item.Title, item.Text, start.AddDays(n), "vi")).ToList());
        return db;
    }
}
