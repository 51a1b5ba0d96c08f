using System.Collections.Concurrent;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Plans.Import;

/// <summary>
/// A fold that keeps every character in place (one folded char per source char), so a pattern matched on the folded key
/// — free of diacritics, đ, case and tone placement — gives positions that cut the original text, keeping its wording.
/// </summary>
internal static class Folding
{
    private static readonly ConcurrentDictionary<char, char> Cache = new();

    public static string Key(string text) => string.Create(text.Length, text, (span, s) =>
    {
        for (int i = 0; i < s.Length; i++) span[i] = Fold(s[i]);
    });

    private static char Fold(char c)
    {
        if (c < 0x80) return char.ToLowerInvariant(c);
        return Cache.GetOrAdd(c, ch =>
        {
            var folded = VietnameseText.Fold(ch.ToString());
            return folded.Length == 1 ? folded[0] : char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch);
        });
    }

    public static bool StartsWithWord(string text, string foldedPrefix)
    {
        var key = Key(text);
        return key.StartsWith(foldedPrefix, StringComparison.Ordinal)
            && (key.Length == foldedPrefix.Length || !char.IsLetterOrDigit(key[foldedPrefix.Length]));
    }
}
