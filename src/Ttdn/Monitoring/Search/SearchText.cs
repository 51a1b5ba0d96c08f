using System.Text;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// The one definition of "a word" for both search engines: text is folded here, in C#, before SQLite or PostgreSQL
/// sees it (diacritics, đ, NFC/NFD and tone placement all fold away), and Chinese, Japanese and Korean characters become
/// one token each, because those scripts do not separate words with spaces and a query must match inside a run.
/// Both engines then only split on spaces, so they index the same tokens and answer the same queries.
/// </summary>
public static class SearchText
{
    public static string ForIndex(string? text)
    {
        var folded = VietnameseText.FoldToWords(text);
        if (!folded.Any(IsCjk)) return folded;
        var sb = new StringBuilder(folded.Length * 2);
        foreach (var c in folded)
        {
            if (IsCjk(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                sb.Append(c).Append(' ');
            }
            else if (c != ' ' || (sb.Length > 0 && sb[^1] != ' ')) sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }

    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'   // kana
        or >= '\u3400' and <= '\u4DBF'     // Han extension A
        or >= '\u4E00' and <= '\u9FFF'     // Han
        or >= '\uAC00' and <= '\uD7AF'     // Hangul syllables
        or >= '\u1100' and <= '\u11FF'     // Hangul jamo
        or >= '\u3130' and <= '\u318F'     // Hangul compatibility jamo
        or >= '\uF900' and <= '\uFAFF';    // Han compatibility
}

/// <summary>
/// A parsed query: every group must match (AND). A group is one word or a phrase (words in that order, next to each other).
/// Quoted text is a phrase; unquoted CJK text is a phrase of its characters.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public const int MaxGroups = 16;

    public bool IsEmpty => Groups.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(text)) return new(groups);
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length && groups.Count < MaxGroups; i++)
        {
            var tokens = SearchText.ForIndex(parts[i]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            if (i % 2 == 1) { groups.Add(tokens); continue; } // inside quotes
            List<string>? cjkRun = null;
            foreach (var token in tokens)
            {
                if (token.Length == 1 && SearchText.IsCjk(token[0])) { (cjkRun ??= []).Add(token); continue; }
                if (cjkRun is not null) { groups.Add(cjkRun); cjkRun = null; }
                groups.Add([token]);
            }
            if (cjkRun is not null) groups.Add(cjkRun);
        }
        return new(groups.Take(MaxGroups).ToList());
    }

    /// <summary>FTS5 syntax: each group a quoted string (tokens are letters and digits only, so quoting is safe).</summary>
    public string ToFts5() => string.Join(" ", Groups.Select(g => "\"" + string.Join(" ", g) + "\""));

    /// <summary>PostgreSQL tsquery syntax: groups joined by &amp;, phrase words by &lt;-&gt;; with a weight, every word must carry it.</summary>
    public string ToTsQuery(char? weight = null) =>
        string.Join(" & ", Groups.Select(g => "(" + string.Join(" <-> ", g.Select(t => "'" + t + "'" + (weight is { } w ? ":" + w : ""))) + ")"));

    /// <summary>All tokens, for highlighting.</summary>
    public IEnumerable<string> Tokens => Groups.SelectMany(g => g);
}
