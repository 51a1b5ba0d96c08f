using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// One alias of one entry as the matcher needs it: folded words, their hashes, and for each word the spellings with
/// diacritics that the entry's aliases give (null when none gives any: "Điện Biên Phủ" and French "Diên Biên Phu"
/// both count). A word written with diacritics in the text must carry these ones:
/// "Nguyễn" is a family name, not "Nguyên"; a word written without any ("Thai Nguyen") matches.
/// </summary>
internal sealed class AliasForm
{
    private AliasForm(GazetteerEntry entry, string[] words, string[]?[] accents, int capitalWord)
    {
        Entry = entry;
        Words = words;
        Accents = accents;
        CapitalWord = capitalWord;
    }

    public GazetteerEntry Entry { get; }

    public string[] Words { get; }

    private string[]?[] Accents { get; }

    /// <summary>The last word the alias writes capitalised ("chè Tân <b>Cương</b>"), or -1.</summary>
    private int CapitalWord { get; }

    public static AliasForm Create(GazetteerEntry entry, string folded, string nfc)
    {
        string[] words = folded.Split(' ');
        var accents = new string[]?[words.Length];
        var spelled = SpelledWords(nfc);
        int capital = -1;
        for (int j = 0; j < words.Length && j < spelled.Count; j++)
        {
            accents[j] = HasDiacritics(spelled[j].Word) ? [spelled[j].Word] : null;
            if (spelled[j].Capitalised)
            {
                capital = j;
            }
        }

        return new AliasForm(entry, words, accents, capital);
    }

    /// <summary>The same folded alias written twice ("Thai Nguyen", "Thái Nguyên"): every spelling with diacritics counts.</summary>
    public AliasForm Merge(AliasForm other)
    {
        var accents = new string[]?[Words.Length];
        for (int j = 0; j < accents.Length; j++)
        {
            accents[j] = (Accents[j], other.Accents[j]) switch
            {
                (null, var b) => b,
                (var a, null) => a,
                var (a, b) => [.. a.Union(b)],
            };
        }

        return new AliasForm(Entry, Words, accents, Math.Max(CapitalWord, other.CapitalWord));
    }

    /// <summary>
    /// Same folded words, the diacritics the text gives are this alias's, and (in a text that uses case at all) the
    /// alias's capitalised word is capitalised: "hòa bình" (peace) and "cao bằng" (as tall as) are not provinces.
    /// </summary>
    /// <param name="textHasCase">Whether the text has any upper-case letter; worked out here on first need, since
    /// most texts never get this far.</param>
    public bool Matches(string text, ReadOnlySpan<TextWord> span, ref bool? textHasCase)
    {
        if (CapitalWord >= 0 && char.IsLower(text[span[CapitalWord].Start]) && (textHasCase ??= FoldTable.AnyUpper(text)))
        {
            return false;
        }

        for (int j = 0; j < span.Length; j++)
        {
            var w = span[j];
            if (!FoldTable.FoldsTo(text.AsSpan(w.Start, w.End - w.Start), Words[j]))
            {
                return false; // words that share a hash
            }
        }

        for (int j = 0; j < span.Length; j++)
        {
            if (Accents[j] is { } expected)
            {
                string written = SpellingKey(text[span[j].Start..span[j].End]);
                if (HasDiacritics(written) && Array.IndexOf(expected, written) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Lower case, NFC, canonical tone placement; Icelandic Ð (often typed for Đ) read as Đ.</summary>
    public static string SpellingKey(string word) =>
        VietnameseText.Normalize(word).ToLowerInvariant().Replace('ð', 'đ').Replace("\u00AD", "", StringComparison.Ordinal);

    private static bool HasDiacritics(string spelled) => VietnameseText.FoldToWords(spelled) != spelled;

    private static List<(string Word, bool Capitalised)> SpelledWords(string nfc)
    {
        string lower = SpellingKey(nfc);
        var result = new List<(string, bool)>();
        int start = -1;
        for (int i = 0; i <= lower.Length; i++)
        {
            bool separator = i == lower.Length || FoldTable.Fold(lower[i]) == FoldTable.Separator;
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                result.Add((lower[start..i], lower.Length == nfc.Length && char.IsUpper(nfc[start])));
                start = -1;
            }
        }

        return result;
    }
}
