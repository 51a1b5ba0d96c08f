using System.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// The tsvector PostgreSQL would make of a folded title and body —
/// <c>setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)</c> — written out as tsvector text,
/// so the server only reads it instead of running its text-search parser (about three times the cost, most of an
/// import's database time). Only for text whose result is certain: every word [a-z0-9]+ (the parser keeps such a word
/// whole and 'simple' keeps it as it is), positions within 16,383 (beyond, PostgreSQL clamps them) and fewer than 255
/// occurrences of a word (beyond, it drops some). Anything else — CJK, other scripts, huge texts — is left to
/// to_tsvector. A test compares both on PostgreSQL.
/// </summary>
public static class TsVectorText
{
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerWord = 254;
    private const int MaxWordLength = 2046;

    public static bool TryBuild(string title, string body, out string vector)
    {
        vector = "";
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int position = 0;
        if (!Add(words, title, ref position, out int titleWords) || !Add(words, body, ref position, out _))
        {
            return false;
        }

        var sb = new StringBuilder((title.Length + body.Length) * 2);
        foreach (var (word, positions) in words)
        {
            if (positions.Count > MaxPositionsPerWord)
            {
                return false;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('\'').Append(word).Append("':");
            for (int i = 0; i < positions.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(positions[i]);
                if (positions[i] <= titleWords)
                {
                    sb.Append('A');
                }
            }
        }

        vector = sb.ToString();
        return true;
    }

    private static bool Add(Dictionary<string, List<int>> words, string text, ref int position, out int last)
    {
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan()[range];
            if (word.Length == 0)
            {
                continue;
            }

            if (word.Length > MaxWordLength || ++position > MaxPosition)
            {
                last = position;
                return false;
            }

            foreach (char c in word)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
                {
                    last = position;
                    return false;
                }
            }

            var key = word.ToString();
            if (!words.TryGetValue(key, out var positions))
            {
                words[key] = positions = [];
            }

            positions.Add(position);
        }

        last = position;
        return true;
    }
}
