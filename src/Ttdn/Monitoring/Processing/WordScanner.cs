namespace Ttdn.Monitoring.Processing;

/// <summary>One folded word of a text: its hash, where its folded chars are, and where it is in the original.</summary>
internal readonly record struct Word(ulong Hash, int FoldStart, int FoldLength, int Start, int End);

/// <summary>
/// Splits a text into folded words in one pass (<see cref="FoldTable"/>), with a 64-bit FNV-1a hash per word.
/// Results go into caller-owned growable buffers so hot loops allocate nothing per text.
/// </summary>
internal static class WordScanner
{
    public const ulong FnvOffset = 14695981039346656037UL;
    public const ulong FnvPrime = 1099511628211UL;

    /// <summary>Tokenises <paramref name="text"/>; returns the number of words written to <paramref name="words"/>.</summary>
    public static int Scan(string text, ref Word[] words, ref char[] folded, out bool hasUpper)
    {
        if (folded.Length < text.Length)
        {
            folded = new char[Math.Max(text.Length, folded.Length * 2)];
        }

        hasUpper = false;
        int count = 0;
        int fold = 0;
        int wordStart = -1;
        int foldStart = 0;
        ulong hash = FnvOffset;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = FoldTable.Fold(c);
            if (f == FoldTable.Ignore)
            {
                continue;
            }

            if (f == FoldTable.Separator)
            {
                if (wordStart >= 0)
                {
                    Add(ref words, ref count, new Word(hash, foldStart, fold - foldStart, wordStart, i));
                    wordStart = -1;
                }

                continue;
            }

            if (wordStart < 0)
            {
                wordStart = i;
                foldStart = fold;
                hash = FnvOffset;
            }

            hasUpper |= FoldTable.IsUpper(c);
            folded[fold++] = f;
            hash = (hash ^ f) * FnvPrime;
        }

        if (wordStart >= 0)
        {
            Add(ref words, ref count, new Word(hash, foldStart, fold - foldStart, wordStart, text.Length));
        }

        return count;
    }

    /// <summary>FNV-1a of an already folded word (same hash as <see cref="Scan"/> gives).</summary>
    public static ulong HashFolded(ReadOnlySpan<char> word)
    {
        ulong hash = FnvOffset;
        foreach (char f in word)
        {
            hash = (hash ^ f) * FnvPrime;
        }

        return hash;
    }

    /// <summary>Hash of a word sequence, extended one word at a time.</summary>
    public static ulong Extend(ulong sequence, ulong word) => Mix(sequence * 0x9E3779B97F4A7C15UL + word);

    /// <summary>Final avalanche of a 64-bit value (the murmur3 finaliser), so nearby inputs spread over all bits.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB93053C2EC63UL;
        x ^= x >> 33;
        return x;
    }

    private static void Add(ref Word[] words, ref int count, Word word)
    {
        if (count == words.Length)
        {
            Array.Resize(ref words, Math.Max(16, words.Length * 2));
        }

        words[count++] = word;
    }
}
