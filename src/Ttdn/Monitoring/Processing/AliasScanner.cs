using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ttdn.Monitoring.Processing;

/// <summary>One word of a text as the gazetteer sees it: where it is in the original text, and its folded hash.</summary>
internal readonly record struct TextWord(int Start, int End, ulong Hash);

/// <summary>
/// The gazetteer's tokeniser: folds and splits a text in one pass without copying it. Unlike
/// <see cref="WordScanner"/> it keeps no folded copy (a candidate is verified against the text itself), uses a
/// rotate-and-xor hash (one cycle per char instead of a multiply: the hash only picks table slots), and has no
/// branch on where words end: in running text that branch is mispredicted at almost every word. Where vectors allow,
/// <see cref="BlockScanner"/> gives the same words sixteen chars at a time (decision 0024).
/// </summary>
internal static class AliasScanner
{
    /// <summary>Appends one folded char; a word of up to four chars gets a distinct hash.</summary>
    public static ulong Step(ulong hash, char folded) => BitOperations.RotateLeft(hash, 16) ^ folded;

    /// <summary>Hash of an already folded word, the same that <see cref="Scan"/> gives the word in a text.</summary>
    public static ulong Hash(ReadOnlySpan<char> folded)
    {
        ulong hash = 0;
        foreach (char f in folded)
        {
            hash = Step(hash, f);
        }

        return hash;
    }

    /// <summary>Tokenises <paramref name="text"/> into the caller's growable buffer; returns the number of words.</summary>
    /// <param name="letterBits">All chars of all words or-ed together: below U+3040 means no kana, Han or Hangul letter.</param>
    public static int Scan(string text, ref TextWord[] words, out int letterBits)
    {
        // A word needs a letter and, unless it is the last, a separator after it: the buffer cannot overflow.
        int capacity = (text.Length / 2) + 2;
        if (words.Length < capacity)
        {
            words = new TextWord[Math.Max(capacity, words.Length * 2)];
        }

        if (BlockScanner.IsSupported && BlockScanner.TryScan(text, words, out int count, out letterBits))
        {
            return count;
        }

        return ScanByChar(text, words, out letterBits);
    }

    /// <summary>The char-by-char scan: for texts with NFD marks, machines without vectors, and as the tests' yardstick.</summary>
    /// <param name="words">At least <c>text.Length / 2 + 2</c> entries.</param>
    internal static int ScanByChar(string text, TextWord[] words, out int letterBits)
    {
        // The fold table has an entry for every char value, so reading it without a bounds check is safe.
        ref char fold = ref MemoryMarshal.GetArrayDataReference(FoldTable.Chars);
        var buffer = words;
        int count = 0, bits = 0, start = 0, inWord = 0;
        ulong hash = 0;
        for (int i = 0; i < text.Length; i++)
        {
            // Every char takes the same path; flags are 0 or 1. A combining mark (Ignore) is neither letter nor
            // separator: it neither ends a word nor starts one.
            char c = text[i];
            int f = Unsafe.Add(ref fold, c);
            int letter = (1 - f) >>> 31;   // f > Ignore
            int separator = (f - 1) >>> 31; // f == Separator

            // The entry under count is overwritten until a separator after a word makes it final.
            buffer[count] = new TextWord(start, i, hash);
            count += separator & inWord;
            start += (i - start) & -(letter & (inWord ^ 1));
            inWord = letter | (inWord & (separator ^ 1));
            bits |= c & -letter;
            ulong keep = (ulong)-(long)(1 - letter - separator);
            hash = (Step(hash, (char)f) & (ulong)-(long)letter) | (hash & keep);
        }

        if (inWord != 0)
        {
            buffer[count++] = new TextWord(start, text.Length, hash);
        }

        letterBits = bits;
        return count;
    }
}
