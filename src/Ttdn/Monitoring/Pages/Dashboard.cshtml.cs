using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// /monitor — what the press said about the home province over the last 7, 30 or 90 days: volume per day, by language,
/// source, tone, plan theme, foreign vs domestic, the week's biggest stories and the open alerts. Public material, so
/// every signed-in user may read it.
/// </summary>
public sealed class DashboardModel(AppDb db, IConfiguration config, TimeProvider clock) : PageModel
{
    public static readonly int[] Windows = [7, 30, 90];

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 30;

    public sealed record Slice(string Label, int Count);
    public sealed record TopStory(long ClusterId, long FirstItemId, string Title, int Items);

    public string Province { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int Total { get; private set; }
    public int OpenAlerts { get; private set; }
    public List<(DateOnly Day, int Count)> PerDay { get; private set; } = [];
    public List<Slice> ByLanguage { get; private set; } = [];
    public List<Slice> BySource { get; private set; } = [];
    public List<(Tone Tone, int Count)> ByTone { get; private set; } = [];
    public List<Slice> ByTheme { get; private set; } = [];
    public int Foreign { get; private set; }
    /// <summary>Human tone overrides in the window by (detected, corrected): how often the rules are wrong, and how.</summary>
    public List<(Tone Detected, Tone Corrected, int Count)> Overrides { get; private set; } = [];
    public List<TopStory> TopStories { get; private set; } = [];
    public Dictionary<string, string> Charts { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Windows.Contains(Days)) Days = 30;
        var province = MonitoringScope.HomeProvinceKey(config);
        Province = MonitorLabels.Province(province);
        var now = clock.GetUtcNow().UtcDateTime;
        To = Lang.VietnamDay(now);
        From = To.AddDays(-(Days - 1));
        var since = Lang.VietnamMidnightUtc(From);

        var about = db.MediaItems.AsNoTracking()
            .Where(i => i.PublishedAt >= since && db.MediaMentions.Any(m => m.ItemId == i.Id && m.ProvinceKey == province));
        // Counted by the database: a province's window can hold tens of thousands of items, and only the counts are shown.
        var perDay = await about.GroupBy(i => i.PublishedAt.AddHours(7).Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = perDay.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Count);
        PerDay = Enumerable.Range(0, Days).Select(d => From.AddDays(d)).Select(d => (d, counts.GetValueOrDefault(d))).ToList();
        // One grouping over the four small dimensions (a few hundred groups at most) serves four charts.
        var groups = await about.GroupBy(i => new { i.Language, i.SourceId, i.Tone, i.Foreign })
            .Select(g => new { g.Key.Language, g.Key.SourceId, g.Key.Tone, g.Key.Foreign, Count = g.Count() }).ToListAsync(ct);
        Total = groups.Sum(g => g.Count);
        ByLanguage = groups.GroupBy(g => g.Language).Select(g => new Slice(MonitorLabels.Language(g.Key), g.Sum(x => x.Count))).OrderByDescending(s => s.Count).ToList();
        var sourceNames = await db.MediaSources.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        BySource = groups.GroupBy(g => g.SourceId).Select(g => new Slice(sourceNames.GetValueOrDefault(g.Key, "?"), g.Sum(x => x.Count)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label).Take(10).ToList();
        ByTone = new[] { Tone.Positive, Tone.Neutral, Tone.Negative }.Select(t => (t, groups.Where(g => g.Tone == t).Sum(g => g.Count))).ToList();
        Foreign = groups.Where(g => g.Foreign).Sum(g => g.Count);
        Overrides = (await about.Where(i => i.ToneOverriddenAt != null).GroupBy(i => new { i.DetectedTone, i.Tone })
                .Select(g => new { g.Key.DetectedTone, g.Key.Tone, Count = g.Count() }).ToListAsync(ct))
            .Select(o => (o.DetectedTone, o.Tone, o.Count)).OrderByDescending(o => o.Count).ToList();
        ByTheme = (await about.Join(db.MediaItemThemes, i => i.Id, t => t.ItemId, (i, t) => t.ThemeId)
                .Join(db.Themes, id => id, th => th.Id, (id, th) => th.Title)
                .GroupBy(t => t).Select(g => new { Title = g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new Slice(g.Title, g.Count)).OrderByDescending(s => s.Count).ThenBy(s => s.Label).Take(12).ToList();

        TopStories = await TopStoriesAsync(about.Where(i => i.PublishedAt >= now.AddDays(-7)), ct);
        OpenAlerts = await db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null, ct);

        DrawCharts();
        return Page();
    }

    /// <summary>The five stories with most items this week, each titled by its earliest item and counted over all time.</summary>
    private async Task<List<TopStory>> TopStoriesAsync(IQueryable<MediaItem> week, CancellationToken ct)
    {
        var top = await week.GroupBy(i => i.ClusterId).Select(g => new { Cluster = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Cluster).Take(5).ToListAsync(ct);
        var clusterIds = top.Select(t => t.Cluster).ToArray();
        var members = await week.Where(i => clusterIds.Contains(i.ClusterId)).Select(i => new { i.Id, i.ClusterId, i.PublishedAt, i.Title }).ToListAsync(ct);
        var storySizes = await db.MediaItems.AsNoTracking().Where(i => clusterIds.Contains(i.ClusterId)).GroupBy(i => i.ClusterId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return top.Select(t =>
        {
            var first = members.Where(m => m.ClusterId == t.Cluster).OrderBy(m => m.PublishedAt).ThenBy(m => m.Id).First();
            return new TopStory(t.Cluster, first.Id, first.Title, storySizes.GetValueOrDefault(t.Cluster, t.Count));
        }).ToList();
    }

    private void DrawCharts()
    {
        var unit = Lang.T("tin", "items");
        var one = new[] { new Svg.Series(Lang.T("Số tin", "Items"), Svg.Palette.Link, Svg.Fill.Solid) };
        Charts["volume"] = VolumeChart.Columns("chart-volume", Lang.T($"Số tin về {Province} mỗi ngày", $"Items about {Province} per day"), PerDay);
        var languageColours = new[] { Svg.Palette.Link, Svg.Palette.Ok, Svg.Palette.Warn, Svg.Palette.Error, Svg.Palette.Muted };
        var fills = new[] { Svg.Fill.Solid, Svg.Fill.Stripes, Svg.Fill.Dots, Svg.Fill.CrossHatch, Svg.Fill.Light };
        var languages = ByLanguage.Take(5).ToList();
        Charts["language"] = Svg.Donut("chart-language", Lang.T("Theo ngôn ngữ", "By language"), Lang.T("Số tin theo ngôn ngữ.", "Items by language."),
            languages.Select((l, i) => new Svg.Series(l.Label, languageColours[i], fills[i])).ToList(), languages.Select(l => l.Count).ToList(),
            Total.ToString(System.Globalization.CultureInfo.CurrentCulture), unit, unit);
        Charts["source"] = Svg.StackedBars("chart-source", Lang.T("Theo nguồn tin (10 nguồn nhiều tin nhất)", "By source (top 10)"),
            Lang.T("Mỗi thanh là một nguồn tin.", "One bar per source."), one, BySource.Select(s => new Svg.Row(s.Label, [s.Count])).ToList(), unit);
        Charts["tone"] = Svg.Donut("chart-tone", Lang.T("Theo sắc thái", "By tone"), Lang.T("Số tin theo sắc thái.", "Items by tone."),
            ByTone.Select((t, i) => new Svg.Series(MonitorLabels.Of(t.Tone), MonitorLabels.Colour(t.Tone), fills[i])).ToList(), ByTone.Select(t => t.Count).ToList(),
            Svg.Percent(ByTone.Single(t => t.Tone == Tone.Negative).Count, Total), Lang.T("tiêu cực", "negative"), unit);
        Charts["theme"] = Svg.StackedBars("chart-theme", Lang.T("Theo nội dung kế hoạch", "By plan theme"),
            Lang.T("Mỗi thanh là một nội dung của kế hoạch đang thực hiện.", "One bar per theme of the plans in force."), one,
            ByTheme.Select(s => new Svg.Row(s.Label, [s.Count])).ToList(), unit);
        Charts["foreign"] = Svg.Donut("chart-foreign", Lang.T("Báo nước ngoài và trong nước", "Foreign and domestic coverage"),
            Lang.T("Số tin trên báo nước ngoài và trong nước.", "Items in foreign and domestic outlets."),
            [new(Lang.T("Nước ngoài", "Foreign"), Svg.Palette.Warn, Svg.Fill.Stripes), new(Lang.T("Trong nước", "Domestic"), Svg.Palette.Link, Svg.Fill.Solid)],
            [Foreign, Total - Foreign], Svg.Percent(Foreign, Total), Lang.T("nước ngoài", "foreign"), unit);
    }
}
