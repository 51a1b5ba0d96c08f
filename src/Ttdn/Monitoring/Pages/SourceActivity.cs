using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// Items collected per source per day (Vietnam time) over the last two weeks, for the directory: counted from the items
/// themselves, so import-only sources show their activity as fed sources do.
/// </summary>
public static class SourceActivity
{
    public const int Days = 14;

    /// <summary>Per source, <see cref="Days"/> counts, oldest day first; sources without items are absent.</summary>
    public static async Task<Dictionary<int, int[]>> DailyAsync(AppDb db, DateTimeOffset now, CancellationToken ct)
    {
        var today = Lang.VietnamDay(now.UtcDateTime);
        var first = today.AddDays(1 - Days);
        var since = Lang.VietnamMidnightUtc(first);
        // Counted by the database: two weeks of a busy directory are tens of thousands of items, the page needs 14 numbers a source.
        var rows = await db.MediaItems.AsNoTracking().Where(i => i.CollectedAt >= since)
            .GroupBy(i => new { i.SourceId, Day = i.CollectedAt.AddHours(7).Date })
            .Select(g => new { g.Key.SourceId, g.Key.Day, Count = g.Count() }).ToListAsync(ct);
        var daily = new Dictionary<int, int[]>();
        foreach (var r in rows)
        {
            var day = DateOnly.FromDateTime(r.Day).DayNumber - first.DayNumber;
            if (day is < 0 or >= Days) continue;
            if (!daily.TryGetValue(r.SourceId, out var counts)) daily[r.SourceId] = counts = new int[Days];
            counts[day] += r.Count;
        }
        return daily;
    }

    /// <summary>A small bar chart of the counts; the numbers are also in its accessible name and tooltip.</summary>
    public static string Sparkline(int[]? counts)
    {
        counts ??= new int[Days];
        var max = Math.Max(1, counts.Max());
        var label = Lang.T($"Số mục mới mỗi ngày trong {Days} ngày qua: ", $"New items per day over the last {Days} days: ") + string.Join(", ", counts);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{Days * 6}\" height=\"20\" viewBox=\"0 0 {Days * 6} 20\" role=\"img\" aria-label=\"{Svg.Escape(label)}\"><title>{Svg.Escape(label)}</title>");
        for (var i = 0; i < counts.Length; i++)
        {
            var h = counts[i] == 0 ? 1 : Math.Max(2, (int)Math.Round(18.0 * counts[i] / max));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * 6}\" y=\"{20 - h}\" width=\"5\" height=\"{h}\" fill=\"{(counts[i] == 0 ? Svg.Palette.Muted : Svg.Palette.Ok)}\"/>");
        }
        return svg.Append("</svg>").ToString();
    }
}
