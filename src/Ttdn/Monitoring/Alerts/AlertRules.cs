using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Fetching;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Alerts;

/// <summary>
/// The alert rules, run after each polling pass and after imports. Each alert has a key, so running the rules again
/// never repeats one: a negative item about the province in a foreign outlet (once per item); a spike in the volume of
/// items about the province (once per day); a source that fails or goes quiet (once per source per day); new matches of
/// saved searches that ask for alerts (once per item).
/// </summary>
public sealed class AlertRules(TimeProvider clock, IConfiguration config)
{
    public const int SpikeMinimum = 10;
    public const double SpikeFactor = 3.0;
    public const int BaselineDays = 14;
    public const int MaxAlertsPerSearch = 20;

    public async Task<int> EvaluateAsync(AppDb db, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var province = MonitoringScope.HomeProvinceKey(config);
        var alerts = new List<MonitoringAlert>();
        alerts.AddRange(await NegativeForeignAsync(db, province, now, ct));
        if (await SpikeAsync(db, province, now, ct) is { } spike) alerts.Add(spike);
        alerts.AddRange(await SourcesAsync(db, now, ct));
        alerts.AddRange(await SavedSearchesAsync(db, now, ct));

        var keys = alerts.Select(a => a.Key).ToArray();
        var existing = (await db.MonitoringAlerts.Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(ct)).ToHashSet();
        var fresh = alerts.Where(a => !existing.Contains(a.Key)).DistinctBy(a => a.Key).ToList();
        db.MonitoringAlerts.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    private static async Task<List<MonitoringAlert>> NegativeForeignAsync(AppDb db, string province, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-2);
        var items = await db.MediaItems.AsNoTracking()
            .Where(i => i.CollectedAt >= since && i.Foreign && i.Tone == Tone.Negative && db.MediaMentions.Any(m => m.ItemId == i.Id && m.ProvinceKey == province))
            .Join(db.MediaSources, i => i.SourceId, s => s.Id, (i, s) => new { i.Id, i.Title, i.Url, Source = s.Name, s.Country })
            .OrderByDescending(i => i.Id).Take(200).ToListAsync(ct);
        return items.Select(i => new MonitoringAlert
        {
            Kind = AlertKind.NegativeForeign, Key = $"negative-foreign:{i.Id}", CreatedAt = now, ItemId = i.Id, ProvinceKey = province,
            Title = $"Tin tiêu cực về tỉnh trên báo nước ngoài: {Cut(i.Title, 300)}",
            Detail = $"{i.Source} ({i.Country}) — {i.Url}",
        }).ToList();
    }

    private static async Task<MonitoringAlert?> SpikeAsync(AppDb db, string province, DateTime now, CancellationToken ct)
    {
        // "Today" is the day in Vietnam (UTC+7): a story breaking at 06:00 there is still yesterday in UTC.
        var vietnamDay = Lang.VietnamDay(now);
        var today = Lang.VietnamMidnightUtc(vietnamDay);
        var from = today.AddDays(-BaselineDays);
        var counts = await db.MediaItems.AsNoTracking()
            .Where(i => i.PublishedAt >= from && i.PublishedAt <= now && db.MediaMentions.Any(m => m.ItemId == i.Id && m.ProvinceKey == province))
            .Select(i => i.PublishedAt).ToListAsync(ct);
        var todayCount = counts.Count(d => d >= today);
        var baseline = counts.Count(d => d < today) / (double)BaselineDays;
        if (todayCount < SpikeMinimum || todayCount < SpikeFactor * baseline) return null;
        return new MonitoringAlert
        {
            Kind = AlertKind.VolumeSpike, Key = $"spike:{province}:{vietnamDay:yyyy-MM-dd}", CreatedAt = now, ProvinceKey = province,
            Title = $"Số tin về tỉnh tăng đột biến: {todayCount} tin hôm nay",
            Detail = $"Trung bình {BaselineDays} ngày trước: {baseline:0.#} tin/ngày (volume spike: {todayCount} today against {baseline:0.#} per day).",
        };
    }

    private static async Task<List<MonitoringAlert>> SourcesAsync(AppDb db, DateTime now, CancellationToken ct)
    {
        var sources = await db.MediaSources.AsNoTracking().Where(s => s.Active && s.Format != SourceFormat.Import).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var healthOf = await SourceHealthQuery.AssessAsync(db, new DateTimeOffset(now), ct);
        var alerts = new List<MonitoringAlert>();
        foreach (var s in sources)
        {
            var health = healthOf[s.Id];
            var kind = health.Status switch { SourceHealthStatus.Quiet => AlertKind.SourceQuiet, SourceHealthStatus.Failing => AlertKind.SourceFailing, _ => (AlertKind?)null };
            if (kind is null) continue;
            alerts.Add(new MonitoringAlert
            {
                Kind = kind.Value, Key = $"{(kind == AlertKind.SourceQuiet ? "quiet" : "failing")}:{s.Id}:{now:yyyy-MM-dd}", CreatedAt = now, SourceId = s.Id,
                Title = kind == AlertKind.SourceQuiet ? $"Nguồn \"{s.Name}\" không có tin mới" : $"Nguồn \"{s.Name}\" đang lỗi",
                Detail = Cut(health.Reason, 2000),
            });
        }
        return alerts;
    }

    private static async Task<List<MonitoringAlert>> SavedSearchesAsync(AppDb db, DateTime now, CancellationToken ct)
    {
        var alerts = new List<MonitoringAlert>();
        var searches = await db.SavedSearches.Where(s => s.Alert).ToListAsync(ct);
        var engine = MediaSearch.For(db);
        foreach (var s in searches)
        {
            var hits = await engine.SearchAsync(db, new MediaFilter(s.Query, SourceId: s.SourceId, Language: s.Language, ProvinceKey: s.ProvinceKey,
                Tone: s.Tone is { } t ? (Tone)t : null, AfterId: s.LastAlertedItemId, Order: SearchOrder.Newest, Limit: MaxAlertsPerSearch), ct);
            if (hits.Ids.Count == 0) continue;
            var items = await ItemView.LoadAsync(db, hits.Ids, null, ct);
            alerts.AddRange(items.Select(i => new MonitoringAlert
            {
                Kind = AlertKind.SavedSearchMatch, Key = $"search:{s.Id}:{i.Id}", CreatedAt = now, ItemId = i.Id, SavedSearchId = s.Id,
                Title = Cut($"\"{s.Name}\": {i.Title}", 500), Detail = $"{i.Source} — {i.Url}",
            }));
            s.LastAlertedItemId = hits.Ids.Max();
        }
        return alerts;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
