using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>
/// A common word ranks only among the newest <see cref="MediaSearch.RankWindow"/> matches (decision 0021): an old
/// item that would rank first is left out, the count stops at <see cref="MediaSearch.CountCap"/> (decision 0022), and
/// both engines agree.
/// </summary>
public sealed class SearchRankWindowTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private const int Extra = 150;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_common_word_is_ranked_among_the_newest_matches_and_counted_up_to_the_cap(Db provider)
    {
        await using var db = TestDb.Create(provider, Clock);
        await db.Database.MigrateAsync();
        var ids = await IngestAsync(db);
        var oldest = ids[0]; // "hội chợ" three times in its title: the best match of all, but the oldest
        var floor = ids[^MediaSearch.RankWindow];
        var engine = MediaSearch.For(db);

        var common = await engine.SearchAsync(db, new MediaFilter("hoi cho", Limit: 100));
        Assert.True(common.RankedNewestOnly);
        Assert.Equal((MediaSearch.CountCap, true), (common.Total, common.TotalIsAtLeast));
        Assert.Equal(100, common.Ids.Count);
        Assert.All(common.Ids, id => Assert.True(id >= floor, $"{id} is older than the window starting at {floor}"));
        Assert.Equal(ids[^1], common.Ids[0]); // the newest repeats "hội chợ" in its title too: first within the window

        var narrowed = await engine.SearchAsync(db, new MediaFilter("hoi cho", Limit: 5, AfterId: ids[Extra - 1]));
        Assert.False(narrowed.RankedNewestOnly); // exactly RankWindow matches left: all of them are ranked
        Assert.Equal((MediaSearch.RankWindow, false), (narrowed.Total, narrowed.TotalIsAtLeast)); // counted exactly at the cap

        var pastTheEnd = await engine.SearchAsync(db, new MediaFilter("hoi cho", Limit: 5, Offset: MediaSearch.RankWindow));
        Assert.Empty(pastTheEnd.Ids); // the page holds no row to carry the count: the count statement gives it
        Assert.Equal((MediaSearch.CountCap, true), (pastTheEnd.Total, pastTheEnd.TotalIsAtLeast));

        var rare = await engine.SearchAsync(db, new MediaFilter("hội chợ \"Phú Lương\""));
        Assert.False(rare.RankedNewestOnly);
        Assert.Equal(oldest, rare.Ids[0]); // under the window, the old item is found as before

        var newest = await engine.SearchAsync(db, new MediaFilter("hoi cho", Order: SearchOrder.Newest, Limit: 3));
        Assert.Equal(new[] { ids[^1], ids[^2], ids[^3] }, newest.Ids);
        Assert.False(newest.RankedNewestOnly);
    }

    [Fact]
    public async Task Both_engines_pick_the_same_window()
    {
        await using var sqlite = TestDb.Create(Db.Sqlite, Clock);
        await using var postgres = TestDb.Create(Db.Postgres, Clock);
        await sqlite.Database.MigrateAsync();
        await postgres.Database.MigrateAsync();
        await IngestAsync(sqlite);
        await IngestAsync(postgres);
        var a = await MediaSearch.For(sqlite).SearchAsync(sqlite, new MediaFilter("hoi cho", Limit: MediaSearch.MaxLimit, Offset: 1_600));
        var b = await MediaSearch.For(postgres).SearchAsync(postgres, new MediaFilter("hoi cho", Limit: MediaSearch.MaxLimit, Offset: 1_600));
        Assert.Equal(MediaSearch.RankWindow - 1_600, a.Ids.Count);
        Assert.Equal(a.Ids.Count, b.Ids.Count);
        Assert.Equal((a.Total, a.RankedNewestOnly), (b.Total, b.RankedNewestOnly));
    }

    [Fact]
    public async Task The_search_page_and_the_API_say_when_only_the_newest_matches_were_ranked()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        await app.WithDbAsync(IngestAsync);
        var client = await app.SignedInAsync("khach");

        Assert.Contains("id=\"rank-window\"", await client.GetStringAsync("/monitor/search?Q=hoi+cho&Province=all"));
        Assert.DoesNotContain("id=\"rank-window\"", await client.GetStringAsync("/monitor/search?Q=hoi+cho+%22Phu+Luong%22&Province=all"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/monitor/items?q=hoi+cho&limit=5");
        Assert.True(page.GetProperty("rankedNewestOnly").GetBoolean());
        Assert.Equal(MediaSearch.CountCap, page.GetProperty("total").GetInt32());
        Assert.True(page.GetProperty("totalIsAtLeast").GetBoolean());
    }

    /// <summary>RankWindow + Extra items about a fair, oldest first; the first and the last name it three times in the title.</summary>
    private static async Task<IReadOnlyList<long>> IngestAsync(AppDb db)
    {
        var source = await MediaCorpus.ImportSourceAsync(db, Clock, "Hội chợ (test)");
        int count = MediaSearch.RankWindow + Extra;
        var start = Clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var items = Enumerable.Range(0, count).Select(n => new IncomingItem(
            $"https://hoicho.example.vn/{n}",
            n == 0 || n == count - 1 ? "Hội chợ, hội chợ và hội chợ" : $"Tin số {n}",
            n == 0 ? "Hội chợ ở huyện Phú Lương." : $"Bài {n} nhắc đến hội chợ một lần, với mã {n * 7919 % 100_003}.",
            start.AddMinutes(30 * n), "vi")).ToList();
        var result = await new MediaIngest(Clock).IngestAsync(db, source, items);
        Assert.Equal(count, result.Imported);
        return result.NewIds.Order().ToList();
    }
}
