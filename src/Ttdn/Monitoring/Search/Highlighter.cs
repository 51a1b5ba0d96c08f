using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>A span of text and whether it matched the query: pages mark matches with &lt;mark&gt;, the API returns the spans.</summary>
public sealed record TextPart(string Text, bool Match);

/// <summary>
/// Finds the query's words in the original text (with its diacritics) by folding each word of the text the way the
/// index does, so "dien bien" marks "Điện Biên" and "ĐIỆN BIÊN".
/// </summary>
public static class Highlighter
{
    public const int SnippetLength = 240;

    public static string Snippet(string text, SearchQuery? query)
    {
        if (text.Length <= SnippetLength) return text;
        var first = query is null ? -1 : Matches(text, query).Select(m => m.Start).DefaultIfEmpty(-1).First();
        var start = first < 0 ? 0 : Math.Max(0, first - SnippetLength / 3);
        if (start > 0) { var space = text.IndexOf(' ', start); start = space >= 0 && space < first ? space + 1 : start; }
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length) { var space = text.LastIndexOf(' ', end); end = space > start ? space : end; }
        return (start > 0 ? "… " : "") + text[start..end] + (end < text.Length ? " …" : "");
    }

    public static IReadOnlyList<TextPart> Parts(string text, SearchQuery? query)
    {
        if (query is null || query.IsEmpty || text.Length == 0) return [new TextPart(text, false)];
        var parts = new List<TextPart>();
        var at = 0;
        foreach (var (start, length) in Matches(text, query))
        {
            if (start < at) continue;
            if (start > at) parts.Add(new(text[at..start], false));
            parts.Add(new(text.Substring(start, length), true));
            at = start + length;
        }
        if (at < text.Length) parts.Add(new(text[at..], false));
        return parts;
    }

    /// <summary>Each word (or CJK character) of the text whose folded form is a query token, in order.</summary>
    private static IEnumerable<(int Start, int Length)> Matches(string text, SearchQuery query)
    {
        var tokens = query.Tokens.ToHashSet(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (SearchText.IsCjk(text[i]))
            {
                if (tokens.Contains(text[i].ToString())) yield return (i, 1);
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(text[i]) && !char.IsSurrogate(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && !SearchText.IsCjk(text[i]) && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            if (i == start) { i++; continue; }
            if (tokens.Contains(VietnameseText.FoldToWords(text[start..i]))) yield return (start, i - start);
        }
    }
}
