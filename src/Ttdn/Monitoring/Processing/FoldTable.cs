using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// <see cref="VietnameseText.FoldToWords"/> as a per-char table, so matchers can fold while they tokenise and still
/// know where each word sits in the original (possibly NFD) text. Built once from VietnameseText itself, so the
/// two can never disagree on a precomposed char; NFD marks fold to <see cref="Ignore"/>, which gives the same
/// words as folding the NFC text.
/// </summary>
internal static class FoldTable
{
    /// <summary>Ends a word (space, punctuation, symbols).</summary>
    public const char Separator = '\0';

    /// <summary>Removed without ending the word (combining diacritics, soft hyphen).</summary>
    public const char Ignore = '\u0001';

    private static readonly char[] Table = Build(out Upper);

    /// <summary>True for upper-case letters (before folding): proper names are capitalised in cased scripts.</summary>
    private static readonly bool[] Upper;

    /// <summary>The table itself, one entry per char value, for loops that must not pay a bounds check per char.</summary>
    public static char[] Chars => Table;

    public static char Fold(char c) => Table[c];

    public static bool IsUpper(char c) => Upper[c];

    /// <summary>Whether any char of the text is an upper-case letter (as <see cref="IsUpper"/>).</summary>
    public static bool AnyUpper(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyInRange('A', 'Z'))
        {
            return true; // the usual answer, found with a vectorised search
        }

        int nonAscii = text.IndexOfAnyExceptInRange('\0', '\u007F');
        if (nonAscii >= 0)
        {
            foreach (char c in text[nonAscii..])
            {
                if (Upper[c])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one word of a text (no separator inside) folds to exactly <paramref name="folded"/>.</summary>
    public static bool FoldsTo(ReadOnlySpan<char> word, string folded)
    {
        int k = 0;
        foreach (char c in word)
        {
            char f = Table[c];
            if (f == Ignore)
            {
                continue;
            }

            if (k == folded.Length || f != folded[k])
            {
                return false;
            }

            k++;
        }

        return k == folded.Length;
    }

    /// <summary>Han, kana, Hangul: scripts written without spaces between words.</summary>
    public static bool IsUnspacedScript(char c) =>
        c is >= '\u3040' and <= '\u30FF'   // kana
            or >= '\u3400' and <= '\u4DBF' // Han extension A
            or >= '\u4E00' and <= '\u9FFF' // Han
            or >= '\uAC00' and <= '\uD7AF' // Hangul syllables
            or >= '\u1100' and <= '\u11FF' // Hangul jamo
            or >= '\u3130' and <= '\u318F' // Hangul compatibility jamo
            or >= '\uF900' and <= '\uFAFF'; // Han compatibility

    private static char[] Build(out bool[] upper)
    {
        var table = new char[65536];
        upper = new bool[65536];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = c; // supplementary letters (rare Han) stay part of a word
                continue;
            }

            string s = c.ToString();
            string words;
            try
            {
                words = VietnameseText.FoldToWords(s);
            }
            catch (ArgumentException)
            {
                // Noncharacters (U+FFFE, U+FFFF…) make the normaliser throw; they separate words.
                table[i] = Separator;
                continue;
            }

            if (words.Length > 0)
            {
                table[i] = words[0];
                upper[i] = char.IsUpper(c);
            }
            else
            {
                table[i] = VietnameseText.Fold(s).Length == 0 && !char.IsWhiteSpace(c) && c != '\0' ? Ignore : Separator;
            }
        }

        return table;
    }
}
