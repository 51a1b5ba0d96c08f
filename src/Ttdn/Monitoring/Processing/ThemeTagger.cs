using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// A plan theme with the phrases that signal it. Each keyword is matched as whole folded words ("tuyên truyền"
/// matches "Tuyen truyen", not "truyền"). <see cref="FromName"/> derives keywords from a theme's name.
/// </summary>
public sealed record ThemeKeywords(long ThemeId, IReadOnlyList<string> Keywords)
{
    // Function syllables, and phrases every theme of a foreign-information plan shares.
    private static readonly HashSet<string> Stop =
    [
        "va", "cua", "ve", "cac", "nhung", "trong", "voi", "cho", "den", "tai", "la", "mot", "nay", "do", "theo", "tu",
        "tinh", "nam", "the", "and", "of", "to", "in", "for", "on", "with",
    ];

    private static readonly HashSet<string> StopPairs =
        ["thong tin", "tuyen truyen", "cong tac", "hoat dong", "doi ngoai", "gioi thieu", "tin tuyen", "truyen ve"];

    /// <summary>
    /// Keywords from a theme name: its two-syllable words (pairs of neighbouring syllables, without the generic
    /// ones such as "thông tin", "tuyên truyền" that every theme of a foreign-information plan shares), plus extras.
    /// </summary>
    public static ThemeKeywords FromName(long themeId, string name, IEnumerable<string>? extra = null)
    {
        var keywords = new List<string>();
        foreach (string phrase in name.Split([',', ';', ':', '(', ')', '.', '/', '-', '–']))
        {
            var syllables = VietnameseText.Words(phrase);
            for (int i = 0; i + 1 < syllables.Count; i++)
            {
                string pair = syllables[i] + " " + syllables[i + 1];
                if (!Stop.Contains(syllables[i]) && !Stop.Contains(syllables[i + 1]) && !StopPairs.Contains(pair) && !keywords.Contains(pair))
                {
                    keywords.Add(pair);
                }
            }
        }

        foreach (string e in extra ?? [])
        {
            string folded = VietnameseText.FoldToWords(e);
            if (folded.Length > 0 && !keywords.Contains(folded))
            {
                keywords.Add(folded);
            }
        }

        return new ThemeKeywords(themeId, keywords);
    }
}

/// <summary>
/// Tags a text with the themes whose keywords it contains: at least two distinct keywords of the theme (or its only
/// keyword), so that one shared word does not tag every theme. The text is folded once per call.
/// </summary>
public static class ThemeTagger
{
    public static IReadOnlyList<long> Tag(string text, IEnumerable<ThemeKeywords> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        string folded = VietnameseText.FoldToWords(text);
        if (folded.Length == 0)
        {
            return [];
        }

        string padded = " " + folded + " ";
        var result = new List<long>();
        foreach (var theme in themes)
        {
            int needed = Math.Min(2, theme.Keywords.Count(k => VietnameseText.FoldToWords(k).Length > 0));
            int found = 0;
            foreach (string keyword in theme.Keywords.Select(VietnameseText.FoldToWords).Where(k => k.Length > 0).Distinct())
            {
                if (padded.Contains(" " + keyword + " ", StringComparison.Ordinal) && ++found >= needed)
                {
                    break;
                }
            }

            if (needed > 0 && found >= needed && !result.Contains(theme.ThemeId))
            {
                result.Add(theme.ThemeId);
            }
        }

        return result;
    }
}
