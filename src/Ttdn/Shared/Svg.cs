using System.Globalization;
using System.Text;

namespace Ttdn.Shared;

/// <summary>
/// A tiny server-side SVG chart writer, no dependencies. Every chart is an accessible image (role="img" with a
/// &lt;title&gt; and a &lt;desc&gt; that states the numbers), every text is XML-escaped, coordinates are written with
/// the invariant culture (a Vietnamese decimal comma would break the drawing), and colour is never the only cue:
/// each series has its own fill pattern, a legend, and counts written on the chart.
/// </summary>
public static class Svg
{
    /// <summary>How a series is filled besides its colour, so it can be told apart in grey or by colour-blind readers.</summary>
    public enum Fill { Solid, Stripes, CrossHatch, Dots, Light }

    /// <summary>One kind of value (e.g. "Hoàn thành đúng hạn"): its label, colour, pattern and the colour of text written on it.</summary>
    public sealed record Series(string Label, string Colour, Fill Fill, string TextColour = "#ffffff");

    /// <summary>One bar: its label and one value per series, in the series' order.</summary>
    public sealed record Row(string Label, IReadOnlyList<int> Values);

    /// <summary>Colours of the status palette (site.css): ok, warn, error, link, grey.</summary>
    public static class Palette
    {
        public const string Ok = "#00703c";
        public const string Warn = "#b45309";
        public const string Error = "#d4351c";
        public const string Link = "#1d4ed8";
        public const string Grey = "#dfe1e2";
        public const string Text = "#0b0c0c";
        public const string Muted = "#505a5f";
    }

    /// <summary>Drawing width: small, so the text stays readable when a phone scales the drawing down.</summary>
    private const int Width = 480;
    private const int Pad = 8;
    private const string Font = "font-family=\"'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif\"";

    /// <summary>
    /// Horizontal stacked bars, one per row, each label on its own line above its bar (readable when the drawing is
    /// scaled down to a phone), bars drawn to a common scale (the largest total fills the width), the total written
    /// after each bar and a legend underneath.
    /// </summary>
    /// <param name="id">Unique on the page: prefixes the ids of the title, description and patterns (other characters than letters, digits, '-' and '_' become '-').</param>
    /// <param name="unit">Word after a total, e.g. "việc".</param>
    public static string StackedBars(string id, string title, string description, IReadOnlyList<Series> series, IReadOnlyList<Row> rows, string unit)
    {
        Check(series, rows.Select(r => r.Values));
        id = SafeId(id);
        const int rowHeight = 48, labelLine = 17, barTop = 22, barHeight = 20, totalWidth = 74;
        var barWidth = Width - 2 * Pad - totalWidth;
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Values.Sum());
        var (legend, legendHeight) = Legend(id, series, rows.Count * rowHeight + Pad);
        var height = rows.Count * rowHeight + Pad + legendHeight + (rows.Count == 0 ? 24 : 0);

        var svg = Open(id, title, Describe(description, series, rows, unit), height);
        Defs(svg, id, series);
        if (rows.Count == 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"20\" font-size=\"14\" fill=\"{Palette.Muted}\">{Escape(Lang.T("Chưa có số liệu.", "No data yet."))}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = i * rowHeight + Pad;
            var total = row.Values.Sum();
            svg.Append(CultureInfo.InvariantCulture, $"<g><text x=\"{Pad}\" y=\"{y + labelLine - 2}\" font-size=\"15\" font-weight=\"bold\" fill=\"{Palette.Text}\">{Escape(Shorten(row.Label, 56))}<title>{Escape(row.Label)}</title></text>");
            // Outline of the whole scale, so an empty or short bar still shows where the scale ends.
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Pad}\" y=\"{y + barTop}\" width=\"{barWidth}\" height=\"{barHeight}\" fill=\"none\" stroke=\"{Palette.Grey}\"/>");
            double x = Pad;
            for (var s = 0; s < series.Count; s++)
            {
                var value = row.Values[s];
                if (value <= 0 || max == 0) continue;
                var w = (double)barWidth * value / max;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(x)}\" y=\"{y + barTop}\" width=\"{N(w)}\" height=\"{barHeight}\" fill=\"url(#{id}-p{s})\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{Escape($"{row.Label} – {series[s].Label}: {Count(value)}")}</title></rect>");
                if (w >= 8 * Count(value).Length + 6)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + w / 2)}\" y=\"{y + barTop + 15}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" {OnFill(series[s])}>{Count(value)}</text>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{y + barTop + 15}\" font-size=\"13\" text-anchor=\"end\" fill=\"{Palette.Text}\">{Escape($"{Count(total)} {unit}")}</text></g>");
        }
        svg.Append(legend);
        return Close(svg);
    }

    /// <summary>
    /// A donut of the overall split with the headline share written in its centre and, beside it, a legend with each
    /// series' count and percentage. A zero total draws an empty grey ring and says so.
    /// </summary>
    /// <param name="centre">Big text in the centre, e.g. "65%".</param>
    /// <param name="centreCaption">Small text under it, e.g. "đã hoàn thành".</param>
    public static string Donut(string id, string title, string description, IReadOnlyList<Series> series, IReadOnlyList<int> values, string centre, string centreCaption, string unit)
    {
        Check(series, [values]);
        id = SafeId(id);
        const double cx = 92, cy = 100, r = 66, thickness = 32;
        var total = values.Sum();
        var circumference = 2 * Math.PI * r;
        var height = Math.Max(200, series.Count * 30 + 2 * Pad);
        var svg = Open(id, title, Describe(description, series, [new Row(Lang.T("Tổng", "Total"), values)], unit), height);
        Defs(svg, id, series);
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"none\" stroke=\"{Palette.Grey}\" stroke-width=\"{N(thickness)}\"/>");
        if (total > 0)
        {
            double offset = 0;
            for (var s = 0; s < series.Count; s++)
            {
                if (values[s] <= 0) continue;
                var length = circumference * values[s] / total;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"none\" stroke=\"url(#{id}-p{s})\" stroke-width=\"{N(thickness)}\" stroke-dasharray=\"{N(length)} {N(circumference - length)}\" stroke-dashoffset=\"{N(-offset)}\" transform=\"rotate(-90 {N(cx)} {N(cy)})\"><title>{Escape($"{series[s].Label}: {Count(values[s])} ({Percent(values[s], total)})")}</title></circle>");
                offset += length;
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(cx)}\" y=\"{N(cy + 4)}\" font-size=\"26\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{Palette.Text}\">{Escape(centre)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(cx)}\" y=\"{N(cy + 22)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Palette.Muted}\">{Escape(centreCaption)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var y = Pad + 12 + s * 30;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"196\" y=\"{y}\" width=\"22\" height=\"18\" fill=\"url(#{id}-p{s})\" stroke=\"{Palette.Text}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"226\" y=\"{y + 14}\" font-size=\"13\" fill=\"{Palette.Text}\">{Escape($"{series[s].Label}: {Count(values[s])} ({Percent(values[s], total)})")}</text>");
        }
        return Close(svg);
    }

    /// <summary>Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold at all.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>"12 (25%)"-style share, safe for a zero total.</summary>
    public static string Percent(int value, int total) =>
        (total == 0 ? 0 : (int)Math.Round(100.0 * value / total)).ToString(CultureInfo.InvariantCulture) + "%";

    private static StringBuilder Open(string id, string title, string description, int height)
    {
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{Escape(id)}-title {Escape(id)}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width * 5 / 4}px;height:auto\" {Font}>");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Escape(id)}-title\">{Escape(title)}</title><desc id=\"{Escape(id)}-desc\">{Escape(description)}</desc>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    /// <summary>One pattern per series: its colour, plus stripes, cross-hatching or dots in white over it.</summary>
    private static void Defs(StringBuilder svg, string id, IReadOnlyList<Series> series)
    {
        svg.Append("<defs>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Escape(series[s].Colour);
            var pid = $"{Escape(id)}-p{s}";
            var overlay = series[s].Fill switch
            {
                Fill.Stripes => "<path d=\"M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6\" stroke=\"#ffffff\" stroke-width=\"1.6\" stroke-opacity=\"0.55\"/>",
                Fill.CrossHatch => "<path d=\"M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6 M0 0 L8 8 M-2 6 L2 10 M6 -2 L10 2\" stroke=\"#ffffff\" stroke-width=\"1.2\" stroke-opacity=\"0.5\"/>",
                Fill.Dots => "<circle cx=\"4\" cy=\"4\" r=\"1.4\" fill=\"#ffffff\" fill-opacity=\"0.6\"/>",
                Fill.Light => $"<path d=\"M0 4 H8\" stroke=\"{Palette.Muted}\" stroke-width=\"0.6\" stroke-opacity=\"0.5\"/>",
                _ => "",
            };
            svg.Append(CultureInfo.InvariantCulture,
                $"<pattern id=\"{pid}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" fill=\"{colour}\"/>{overlay}</pattern>");
        }
        svg.Append("</defs>");
    }

    /// <summary>Swatches and labels flowing left to right, wrapping at the chart's width.</summary>
    private static (string Svg, int Height) Legend(string id, IReadOnlyList<Series> series, int top)
    {
        var sb = new StringBuilder();
        const int lineHeight = 26;
        int x = Pad, y = top + 4;
        foreach (var (s, i) in series.Select((s, i) => (s, i)))
        {
            var w = 30 + (int)(s.Label.Length * 7) + 14;
            if (x > Pad && x + w > Width - Pad)
            {
                x = Pad;
                y += lineHeight;
            }
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"22\" height=\"16\" fill=\"url(#{Escape(id)}-p{i})\" stroke=\"{Palette.Text}\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 28}\" y=\"{y + 13}\" font-size=\"13\" fill=\"{Palette.Text}\">{Escape(s.Label)}</text>");
            x += w;
        }
        return ($"<g>{sb}</g>", series.Count == 0 ? 0 : y - top + lineHeight);
    }

    /// <summary>The description plus every number, so a screen-reader user gets what a sighted reader sees.</summary>
    private static string Describe(string description, IReadOnlyList<Series> series, IReadOnlyList<Row> rows, string unit)
    {
        var sb = new StringBuilder(description.Trim());
        foreach (var row in rows)
        {
            if (sb.Length > 0) sb.Append(' ');
            var total = row.Values.Sum();
            sb.Append(row.Label).Append(": ").Append(Count(total)).Append(' ').Append(unit);
            var parts = series.Select((s, i) => (s, v: row.Values[i])).Where(p => p.v > 0).Select(p => $"{p.s.Label} {Count(p.v)}").ToList();
            sb.Append(parts.Count > 0 ? " (" + string.Join(", ", parts) + ")." : ".");
        }
        return sb.ToString();
    }

    private static void Check(IReadOnlyList<Series> series, IEnumerable<IReadOnlyList<int>> values)
    {
        foreach (var v in values)
        {
            if (v.Count != series.Count)
                throw new ArgumentException($"Each row needs {series.Count} values, one per series; got {v.Count}.", nameof(values));
            if (v.Any(x => x < 0)) throw new ArgumentException("Chart values cannot be negative.", nameof(values));
        }
    }

    /// <summary>Ids are referenced from url(#…) and aria-labelledby: letters, digits, '-' and '_' only.</summary>
    private static string SafeId(string id)
    {
        var safe = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return safe.Length == 0 || !char.IsAsciiLetter(safe[0]) ? "chart-" + safe : safe;
    }

    private static string OnFill(Series s) =>
        $"fill=\"{Escape(s.TextColour)}\" stroke=\"{Escape(s.Colour)}\" stroke-width=\"3\" paint-order=\"stroke\"";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>Counts as officials write them: 1.234 in Vietnamese, 1,234 in English.</summary>
    private static string Count(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    private static string N(double d) => Math.Round(d, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
