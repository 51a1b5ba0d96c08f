using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The alert rules over a real database: each fires when it should, says why, and never twice.</summary>
public sealed class AlertRulesTests
{
    private const string AboutProvince = "Tỉnh Thái Nguyên tổ chức hội nghị xúc tiến đầu tư với các doanh nghiệp nước ngoài tại thành phố Thái Nguyên.";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_daily_source_that_goes_quiet_raises_one_alert_with_its_reason(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        int sourceId = await AddFeedSourceAsync(app, "Báo Quiet (test)");
        // Three weeks of fetches every 6 hours, one a day bringing items, the last of them 6 hours ago.
        await AddRunsAsync(app, sourceId, Enumerable.Range(0, 84).Select(i => (now.AddHours(-6 * (84 - i)), true, (83 - i) % 4 == 0 ? 3 : 0, (string?)null)));

        Assert.Empty(await AlertsAsync(app, AlertKind.SourceQuiet, sourceId));

        // Four silent days: the source still answers, with nothing new.
        await AddRunsAsync(app, sourceId, Enumerable.Range(1, 16).Select(i => (now.AddHours(6 * i), true, 0, (string?)null)));
        app.Clock.Advance(TimeSpan.FromDays(4));
        await EvaluateAsync(app);
        await EvaluateAsync(app);

        var alert = Assert.Single(await AlertsAsync(app, AlertKind.SourceQuiet, sourceId));
        Assert.Contains("Báo Quiet (test)", alert.Title);
        Assert.StartsWith("Nguồn im lặng", alert.Detail);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_source_failing_twice_in_a_row_raises_an_alert_naming_the_error_but_one_blip_does_not(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        int sourceId = await AddFeedSourceAsync(app, "Báo Lỗi (test)");
        await AddRunsAsync(app, sourceId, [(now.AddHours(-12), true, 5, null), (now.AddHours(-6), false, 0, "HTTP 503 Service Unavailable")]);
        await EvaluateAsync(app);
        Assert.Empty(await AlertsAsync(app, AlertKind.SourceFailing, sourceId));

        await AddRunsAsync(app, sourceId, [(now.AddHours(-1), false, 0, "Tệp không phải XML hợp lệ (malformed XML at line 3)")]);
        await EvaluateAsync(app);
        var alert = Assert.Single(await AlertsAsync(app, AlertKind.SourceFailing, sourceId));
        Assert.Contains("malformed XML at line 3", alert.Detail);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_negative_item_about_the_province_alerts_only_when_the_outlet_is_foreign(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string negative = "Người dân Thái Nguyên phản đối vụ ô nhiễm nghiêm trọng, nhiều sai phạm bị phát hiện và gây thiệt hại lớn.";
        var foreign = await IngestAsync(app, "Foreign Daily (test)", "SG", [new("https://foreign.example.com/a", "Ô nhiễm ở Thái Nguyên", negative, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), "vi")]);
        var domestic = await IngestAsync(app, "Báo trong nước (test)", "VN", [new("https://domestic.example.vn/a", "Ô nhiễm ở Thái Nguyên", negative + " Bài viết trong nước.", app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), "vi")]);
        Assert.Equal(Ttdn.Monitoring.Processing.Tone.Negative, await app.WithDbAsync(db => db.MediaItems.Where(i => i.Id == foreign[0]).Select(i => i.Tone).SingleAsync()));

        await EvaluateAsync(app);
        await EvaluateAsync(app);

        var alerts = await app.WithDbAsync(db => db.MonitoringAlerts.Where(a => a.Kind == AlertKind.NegativeForeign).ToListAsync());
        var alert = Assert.Single(alerts, a => a.ItemId == foreign[0]);
        Assert.Contains("(SG)", alert.Detail);
        Assert.DoesNotContain(alerts, a => a.ItemId == domestic[0]);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_spike_counts_the_day_in_Vietnam_and_alerts_once(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // The clock is 09:00 on 23/11 in Vietnam (02:00 UTC). Items published from 00:30 to 06:00 Vietnam time are today's,
        // although in UTC they fall on the 22nd.
        var start = new DateTime(2026, 11, 22, 17, 30, 0, DateTimeKind.Utc);
        var items = Enumerable.Range(0, 24).Select(i => new IncomingItem($"https://spike.example.vn/{i}", $"Thái Nguyên tin số {i}",
            $"{AboutProvince} Bản tin số {i} về chủ đề riêng {i * 7919}.", start.AddMinutes(13 * i), "vi")).ToList();
        await IngestAsync(app, "Báo Spike (test)", "VN", items);

        await EvaluateAsync(app);
        await EvaluateAsync(app);

        var spike = Assert.Single(await app.WithDbAsync(db => db.MonitoringAlerts.Where(a => a.Kind == AlertKind.VolumeSpike).ToListAsync()));
        Assert.EndsWith(":2026-11-23", spike.Key);
        Assert.Matches(@"\d+ tin hôm nay", spike.Title);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_saved_search_alerts_on_each_new_match_once_and_ignores_other_items(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(db =>
        {
            db.SavedSearches.Add(new SavedSearch { OwnerUserName = "theodoi", Name = "Hồ Núi Cốc", Query = "\"ho nui coc\"", Alert = true, CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        await EvaluateAsync(app); // matches already collected (the demo) are alerted on now, so only what follows is new
        var before = await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.Kind == AlertKind.SavedSearchMatch));

        var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var ids = await IngestAsync(app, "Báo Du lịch (test)", "VN", [
            new("https://dulich.example.vn/1", "Mùa thu ở HỒ NÚI CỐC", AboutProvince + " Du khách đến Hồ Núi Cốc ngắm cảnh.", at, "vi"),
            new("https://dulich.example.vn/2", "Chè Tân Cương vào vụ", AboutProvince + " Nông dân hái chè Tân Cương.", at, "vi")]);
        await EvaluateAsync(app);
        await EvaluateAsync(app);

        var alerts = await app.WithDbAsync(db => db.MonitoringAlerts.Where(a => a.Kind == AlertKind.SavedSearchMatch).ToListAsync());
        Assert.Equal(before + 1, alerts.Count);
        var alert = Assert.Single(alerts, a => a.ItemId == ids[0]);
        Assert.StartsWith("\"Hồ Núi Cốc\": Mùa thu ở HỒ NÚI CỐC", alert.Title);
    }

    private static Task<int> EvaluateAsync(TestApp app) =>
        app.WithDbAsync(db => app.App.Services.GetRequiredService<AlertRules>().EvaluateAsync(db));

    private static Task<List<MonitoringAlert>> AlertsAsync(TestApp app, AlertKind kind, int sourceId) =>
        app.WithDbAsync(async db =>
        {
            await app.App.Services.GetRequiredService<AlertRules>().EvaluateAsync(db);
            return await db.MonitoringAlerts.Where(a => a.Kind == kind && a.SourceId == sourceId).ToListAsync();
        });

    private static Task<int> AddFeedSourceAsync(TestApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var source = new MediaSource { Name = name, Url = "https://feeds.example.vn/rss", Format = SourceFormat.Rss, CreatedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-30) };
            db.MediaSources.Add(source);
            await db.SaveChangesAsync();
            return source.Id;
        });

    private static Task<int> AddRunsAsync(TestApp app, int sourceId, IEnumerable<(DateTime At, bool Succeeded, int NewItems, string? Error)> runs) =>
        app.WithDbAsync(db =>
        {
            db.FetchRuns.AddRange(runs.Select(r => new FetchRun { SourceId = sourceId, At = r.At, Succeeded = r.Succeeded, NewItems = r.NewItems, Entries = r.NewItems, Error = r.Error }));
            return db.SaveChangesAsync();
        });

    private static Task<IReadOnlyList<long>> IngestAsync(TestApp app, string name, string country, IReadOnlyList<IncomingItem> items) =>
        app.WithDbAsync(async db =>
        {
            var source = new MediaSource { Name = name, Format = SourceFormat.Import, Country = country, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.MediaSources.Add(source);
            await db.SaveChangesAsync();
            var result = await app.App.Services.GetRequiredService<MediaIngest>().IngestAsync(db, source, items);
            Assert.Equal(items.Count, result.Imported);
            return result.NewIds;
        });
}
