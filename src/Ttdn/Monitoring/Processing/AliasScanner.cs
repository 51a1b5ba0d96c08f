using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// One word of a text as the gazetteer sees it: where it is in the original text, and its class in the
/// <see cref="AliasTrie"/> (-1: no alias contains a word with its hash).
/// </summary>
internal readonly record struct TextWord(int Start, int End, int Class);

/// <summary>
/// The gazetteer's tokeniser: folds, splits and classifies a text in one pass without copying it. Unlike
/// <see cref="WordScanner"/> it keeps no folded copy (a candidate is verified against the text itself) and uses a
/// rotate-and-xor hash, one cycle per char instead of a multiply, since the hash only has to pick a table slot.
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
    public static int Scan(string text, AliasTrie trie, ref TextWord[] words, out int letterBits)
    {
        // The fold table has an entry for every char value, so reading it without a bounds check is safe; this
        // loop runs once per char of every text and the check would be a third of its work.
        ref char fold = ref MemoryMarshal.GetArrayDataReference(FoldTable.Chars);
        int count = 0;
        int start = -1;
        ulong hash = 0;
        int bits = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = Unsafe.Add(ref fold, c);
            if (f > FoldTable.Ignore)
            {
                bits |= c;
                if (start < 0)
                {
                    start = i;
                    hash = 0;
                }

                hash = Step(hash, f);
            }
            else if (f == FoldTable.Separator && start >= 0)
            {
                Add(ref words, ref count, new TextWord(start, i, trie.Classify(hash)));
                start = -1;
            }
        }

        if (start >= 0)
        {
            Add(ref words, ref count, new TextWord(start, text.Length, trie.Classify(hash)));
        }

        letterBits = bits;
        return count;
    }

    private static void Add(ref TextWord[] words, ref int count, TextWord word)
    {
        if (count == words.Length)
        {
            Array.Resize(ref words, Math.Max(16, words.Length * 2));
        }

        words[count++] = word;
    }
}
