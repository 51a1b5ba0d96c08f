using System.Globalization;
using System.Text;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// Items per day as columns: one column per day of the window, the busiest day's count written above it, first and
/// last dates under the axis. Like <see cref="Svg"/>, an accessible image whose description states every count.
/// </summary>
public static class VolumeChart
{
    private const int Width = 480, Height = 180, Pad = 8, Axis = 150;

    public static string Columns(string id, string title, IReadOnlyList<(DateOnly Day, int Count)> days)
    {
        var max = days.Count == 0 ? 0 : days.Max(d => d.Count);
        var desc = string.Join("; ", days.Select(d => $"{Lang.Date(d.Day)}: {d.Count}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height + 20}\" width=\"100%\" style=\"max-width:600px;height:auto\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Svg.Escape(title)}</title><desc id=\"{id}-desc\">{Svg.Escape(desc)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Axis}\" x2=\"{Width - Pad}\" y2=\"{Axis}\" stroke=\"{Svg.Palette.Muted}\"/>");
        if (days.Count > 0)
        {
            var step = (double)(Width - 2 * Pad) / days.Count;
            for (var i = 0; i < days.Count; i++)
            {
                var (day, count) = days[i];
                var h = max == 0 ? 0 : (Axis - 24) * (double)count / max;
                var x = Pad + i * step + step * 0.15;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(x)}\" y=\"{N(Axis - h)}\" width=\"{N(step * 0.7)}\" height=\"{N(h)}\" fill=\"{Svg.Palette.Link}\"><title>{Svg.Escape($"{Lang.Date(day)}: {count}")}</title></rect>");
                if (count == max && max > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + step * 0.35)}\" y=\"{N(Axis - h - 4)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Svg.Palette.Text}\">{count}</text>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Axis + 18}\" font-size=\"12\" fill=\"{Svg.Palette.Muted}\">{Lang.Date(days[0].Day)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{Axis + 18}\" font-size=\"12\" text-anchor=\"end\" fill=\"{Svg.Palette.Muted}\">{Lang.Date(days[^1].Day)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string N(double d) => Math.Round(d, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
