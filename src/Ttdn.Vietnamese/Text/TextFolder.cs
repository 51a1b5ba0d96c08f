using System.Globalization;
using System.Text;

namespace Ttdn.Vietnamese.Text;

/// <summary>
/// The single-pass folding engine behind <see cref="VietnameseText.Fold"/> and
/// <see cref="VietnameseText.FoldToWords"/>: one table lookup per char over the whole BMP, output written into a
/// caller-supplied buffer that is never longer than the input.
/// </summary>
internal static class TextFolder
{
    /// <summary>Inputs up to this many chars are folded into stack memory; longer ones use the array pool.</summary>
    public const int StackLimit = 256;

    private enum Kind : byte
    {
        Word,      // letter, digit, combining mark of another script (kept, part of a word)
        Other,     // punctuation, symbols (kept by Fold, a separator for FoldToWords)
        Space,     // white space (collapsed to one ' ')
        Ignore,    // Latin diacritics, soft hyphen, BOM, word joiner: removed without a trace
        Surrogate, // half of a supplementary character, handled as a Rune
    }

    // Folded char and kind for every BMP char; built once (≈192 KB).
    private static readonly char[] Folded = BuildTables(out Kinds);
    private static readonly Kind[] Kinds;

    /// <summary>
    /// NFC form of <paramref name="text"/>, the same instance when it is already NFC. Never throws: text with
    /// unpaired surrogates (truncated web text) or U+FFFE (a byte-order mark read the wrong way round), both of which
    /// .NET's normaliser refuses, is normalised piecewise around them, which keeps them as they are.
    /// </summary>
    public static string ToNfc(string text)
    {
        bool check = false;
        bool refused = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '\u0300')
            {
                continue;
            }

            if (c == '\uFFFE')
            {
                refused = true;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    check = true;
                }
                else
                {
                    refused = true;
                }
            }
            else if (!IsNfcStable(c))
            {
                check = true;
            }
        }

        if (!check)
        {
            return text; // only characters that are NFC on their own and never compose with a neighbour
        }

        if (!refused)
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        return ToNfcAroundRefused(text);
    }

    // Characters that are NFC_QC=Yes and are never the second half of a canonical composition, so a string made
    // only of them is NFC: verified against the Unicode data for these ranges (the Vietnamese letters are in
    // U+1E00–U+1EFF). Anything else (combining marks, Hangul jamo, kana voicing marks, U+2000/U+2001, …) goes
    // through the real normaliser.
    private static bool IsNfcStable(char c) =>
        c < '\u0300'
        || (c >= '\u1E00' && c < '\u1F00')
        || (c >= '\u2010' && c < '\u2070')
        || (c >= '\u3000' && c < '\u302A')
        || (c >= '\u3040' && c < '\u3099')
        || (c >= '\u309B' && c < '\u3100')
        || (c >= '\u4E00' && c < '\uA000')
        || (c >= '\uAC00' && c < '\uD7A4');

    private static string ToNfcAroundRefused(string text)
    {
        var sb = new StringBuilder(text.Length);
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c) && c != '\uFFFE')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            sb.Append(text.AsSpan(start, i - start).ToString().Normalize(NormalizationForm.FormC));
            sb.Append(c);
            start = i + 1;
        }

        sb.Append(text.AsSpan(start).ToString().Normalize(NormalizationForm.FormC));
        return sb.ToString();
    }

    /// <summary>
    /// Folds NFC text into <paramref name="destination"/> (at least <c>source.Length</c> long) and returns the
    /// number of chars written. Fold: diacritics off, đ→d, lower case, white space runs → one space, trimmed.
    /// With <paramref name="wordsOnly"/>, every run of non-letter, non-digit chars becomes one space instead.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination, bool wordsOnly)
    {
        char[] folded = Folded;
        Kind[] kinds = Kinds;
        int n = 0;
        bool gap = false;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            switch (kinds[c])
            {
                case Kind.Word:
                    break;
                case Kind.Other:
                    if (wordsOnly)
                    {
                        gap = n > 0;
                        continue;
                    }

                    break;
                case Kind.Space:
                    gap = n > 0;
                    continue;
                case Kind.Ignore:
                    continue;
                default: // Kind.Surrogate
                    if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                    {
                        var rune = Rune.ToLowerInvariant(new Rune(c, source[++i]));
                        if (wordsOnly && !IsWordRune(rune))
                        {
                            gap = n > 0;
                            continue;
                        }

                        if (gap)
                        {
                            destination[n++] = ' ';
                            gap = false;
                        }

                        n += rune.EncodeToUtf16(destination[n..]);
                        continue;
                    }

                    if (wordsOnly)
                    {
                        gap = n > 0; // an unpaired surrogate is not a letter
                        continue;
                    }

                    break;
            }

            if (gap)
            {
                destination[n++] = ' ';
                gap = false;
            }

            destination[n++] = folded[c];
        }

        return n;
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || IsMark(Rune.GetUnicodeCategory(rune));

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    private static char[] BuildTables(out Kind[] kinds)
    {
        var folded = new char[0x10000];
        kinds = new Kind[0x10000];
        for (int i = 0; i < 0x10000; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c))
            {
                folded[i] = c;
                kinds[i] = Kind.Surrogate;
                continue;
            }

            if (IsIgnorable(c))
            {
                folded[i] = c;
                kinds[i] = Kind.Ignore;
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                folded[i] = ' ';
                kinds[i] = Kind.Space;
                continue;
            }

            char f = char.ToLowerInvariant(IsLatinWithDiacritics(c) ? LatinBase(c) : c);
            if (f is 'đ' or 'ð' or 'ɖ')
            {
                // Unicode does not decompose đ; ð (U+00F0) and ɖ (U+0256) are what legacy converters and some
                // fonts produce in place of Vietnamese đ.
                f = 'd';
            }

            folded[i] = f;
            kinds[i] = char.IsLetterOrDigit(f) || IsMark(char.GetUnicodeCategory(f)) || f is '\u200C' or '\u200D'
                ? Kind.Word
                : Kind.Other;
        }

        return folded;
    }

    // Latin-script combining diacritics (including the combining tone marks Vietnamese NFD text uses), soft
    // hyphen, word joiner and BOM/zero-width no-break space.
    private static bool IsIgnorable(char c) =>
        (c >= '\u0300' && c <= '\u036F')
        || (c >= '\u1AB0' && c <= '\u1AFF')
        || (c >= '\u1DC0' && c <= '\u1DFF')
        || (c >= '\u20D0' && c <= '\u20FF')
        || (c >= '\uFE20' && c <= '\uFE2F')
        || c is '\u00AD' or '\u2060' or '\uFEFF';

    // Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional (all Vietnamese letters live here).
    // Greek and Cyrillic accents are not stripped: й, ё are letters of their own there.
    private static bool IsLatinWithDiacritics(char c) =>
        (c >= '\u00C0' && c < '\u0250') || (c >= '\u1E00' && c < '\u1F00');

    // The base letter of a precomposed Latin letter (Ấ → A), from the runtime's canonical decomposition.
    private static char LatinBase(char c)
    {
        string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length < 2)
        {
            return c;
        }

        foreach (char mark in decomposed.AsSpan(1))
        {
            if (mark < '\u0300' || mark > '\u036F')
            {
                return c;
            }
        }

        return decomposed[0];
    }
}
