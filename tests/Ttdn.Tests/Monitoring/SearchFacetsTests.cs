using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>
/// Filters written into the full-text index (decision 0023) find exactly what the filters on the items find, on both
/// engines; typed text never matches a facet; an emptied index is refilled at start-up.
/// </summary>
public sealed class SearchFacetsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 7, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateTime VietnamNov1 = new(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc);

    private static async Task<AppDb> LoadedAsync(Db provider)
    {
        var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var press = await MediaCorpus.ImportSourceAsync(db, Clock, "Báo (test)");
        var blog = await MediaCorpus.ImportSourceAsync(db, Clock, "Blog (test)");
        await new MediaIngest(Clock).IngestAsync(db, press, MediaCorpus.Items);
        // 1 November in Vietnam but still October in UTC: a month facet taken in the wrong zone would lose these.
        await new MediaIngest(Clock).IngestAsync(db, blog, [
            new IncomingItem("https://blog.example.vn/1", "Hội chợ trà Thái Nguyên", "Hội chợ mở cửa lúc 1 giờ sáng.", VietnamNov1.AddHours(1), "vi"),
            new IncomingItem("https://blog.example.vn/2", "Hội chợ trà", "Hội chợ ở Điện Biên, tháng Mười.", VietnamNov1.AddHours(-2), "vi"),
            new IncomingItem("https://blog.example.vn/3", "Tea fair in Thai Nguyen", "The tea fair opens at night.", VietnamNov1.AddHours(3), "en"),
        ]);
        return db;
    }

    public static TheoryData<Db, string, string> Filters()
    {
        var data = new TheoryData<Db, string, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var text in new[] { "thai nguyen", "hoi cho", "tea" })
                foreach (var filter in new[] { "vi", "en", "thai-nguyen", "dien-bien", "source2", "nov1-vietnam", "nov5-utc", "november-vietnam", "october-vietnam", "seven-years" })
                    data.Add(db, text, filter);
        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Text_with_a_filter_finds_exactly_the_matches_whose_item_passes_the_filter(Db provider, string text, string filter)
    {
        await using var db = await LoadedAsync(provider);
        var sources = await db.MediaSources.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var f = filter switch
        {
            "vi" or "en" => new MediaFilter(text, Language: filter),
            "thai-nguyen" or "dien-bien" => new MediaFilter(text, ProvinceKey: filter),
            "source2" => new MediaFilter(text, SourceId: sources[1]),
            "nov1-vietnam" => new MediaFilter(text, From: VietnamNov1, To: VietnamNov1.AddDays(1)),
            "november-vietnam" => new MediaFilter(text, From: VietnamNov1, To: Ttdn.Shared.Lang.VietnamMidnightUtc(new DateOnly(2026, 12, 1))),
            "october-vietnam" => new MediaFilter(text, From: Ttdn.Shared.Lang.VietnamMidnightUtc(new DateOnly(2026, 10, 1)), To: VietnamNov1),
            "nov5-utc" => new MediaFilter(text, From: new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2026, 11, 6, 0, 0, 0, DateTimeKind.Utc)),
            _ => new MediaFilter(text, From: new DateTime(2019, 11, 1, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        Assert.True(filter != "seven-years" || SearchFacets.For(f).Groups.Count == 0); // too many months: the item filter alone

        // The oracle: the text search without filters, then each filter tested on the item row in C#.
        var engine = MediaSearch.For(db);
        var matches = (await engine.SearchAsync(db, new MediaFilter(text, Limit: MediaSearch.MaxLimit))).Ids;
        var items = await db.MediaItems.AsNoTracking().Where(i => matches.Contains(i.Id)).ToListAsync();
        var expected = items.Where(i => (f.Language is null || i.Language == f.Language)
                && (f.ProvinceKey is null || i.Provinces.Contains($" {f.ProvinceKey} ", StringComparison.Ordinal))
                && (f.SourceId is null || i.SourceId == f.SourceId)
                && (f.From is null || i.PublishedAt >= f.From) && (f.To is null || i.PublishedAt < f.To))
            .Select(i => i.Id).Order().ToList();

        foreach (var order in new[] { SearchOrder.Relevance, SearchOrder.Newest })
        {
            var hits = await engine.SearchAsync(db, f with { Order = order });
            Assert.Equal(expected, hits.Ids.Order().ToList());
            Assert.Equal(expected.Count, hits.Total);
        }
    }

    [Fact]
    public async Task The_test_data_gives_each_filter_something_to_keep_and_something_to_drop()
    {
        await using var db = await LoadedAsync(Db.Sqlite);
        var engine = MediaSearch.For(db);
        Assert.Single((await engine.SearchAsync(db, new MediaFilter("hoi cho", From: VietnamNov1, To: VietnamNov1.AddDays(1)))).Ids); // of the three below
        Assert.Equal(3, (await engine.SearchAsync(db, new MediaFilter("hoi cho"))).Total);
        Assert.Equal(2, (await engine.SearchAsync(db, new MediaFilter("thai nguyen", Language: "en"))).Total);
        Assert.True((await engine.SearchAsync(db, new MediaFilter("thai nguyen"))).Total > 2);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Typed_text_never_matches_a_facet(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var engine = MediaSearch.For(db);
        var source = await db.MediaSources.MinAsync(s => s.Id);
        foreach (var token in new[] { SearchFacets.Month(new DateOnly(2026, 11, 5)), SearchFacets.LanguageToken("vi")!, SearchFacets.ProvinceToken("thai-nguyen")!, SearchFacets.Source(source) })
        {
            Assert.Empty((await engine.SearchAsync(db, new MediaFilter(token))).Ids);
            Assert.Empty((await engine.SearchAsync(db, new MediaFilter($"\"{token}\"", Language: "vi"))).Ids);
        }
        Assert.NotEmpty((await engine.SearchAsync(db, new MediaFilter("thai nguyen", Language: "vi"))).Ids); // the facets are there
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_emptied_index_is_refilled_with_words_and_facets(Db provider)
    {
        await using var db = await LoadedAsync(provider);
        var engine = MediaSearch.For(db);
        var before = (await engine.SearchAsync(db, new MediaFilter("thai nguyen", ProvinceKey: "thai-nguyen"))).Ids.Order().ToList();
        Assert.NotEmpty(before);
        // What migration M0006 does to an existing index.
        await db.Database.ExecuteSqlRawAsync(provider == Db.Postgres ? "TRUNCATE \"MediaSearch\"" : "INSERT INTO MediaSearch(MediaSearch) VALUES ('delete-all')");
        Assert.Empty((await engine.SearchAsync(db, new MediaFilter("thai nguyen"))).Ids);

        Assert.Equal(await db.MediaItems.CountAsync(), await SearchIndexCatchUp.RunAsync(db, NullLogger.Instance));
        Assert.Equal(before, (await engine.SearchAsync(db, new MediaFilter("thai nguyen", ProvinceKey: "thai-nguyen"))).Ids.Order().ToList());
        Assert.Equal(0, await SearchIndexCatchUp.RunAsync(db, NullLogger.Instance)); // nothing missing: nothing done
    }
}
