namespace Ttdn.Monitoring.Processing;

/// <summary>Words of an NFC text with two hashes each: lower-case spelling (diacritics kept) and folded.</summary>
internal static class ToneWords
{
    public readonly record struct Item(ulong Spelled, ulong Folded, bool Plain);

    [ThreadStatic] private static List<Item>? buffer;

    /// <summary>The words, in a per-thread list that the next call on the same thread reuses.</summary>
    public static List<Item> Split(string nfc)
    {
        var result = buffer ??= new List<Item>(512);
        result.Clear();
        ulong spelled = WordScanner.FnvOffset, folded = WordScanner.FnvOffset;
        bool inWord = false, plain = true;
        foreach (char c in nfc)
        {
            char f = FoldTable.Fold(c);
            if (f == FoldTable.Ignore)
            {
                continue;
            }

            if (f == FoldTable.Separator && c != '\'' && c != '’')
            {
                if (inWord)
                {
                    result.Add(new Item(spelled, folded, plain));
                    inWord = false;
                }

                continue;
            }

            if (!inWord)
            {
                inWord = true;
                plain = true;
                spelled = folded = WordScanner.FnvOffset;
            }

            char lower = char.ToLowerInvariant(c);
            if (lower == 'ð')
            {
                lower = 'đ';
            }

            // Apostrophes join English contractions ("didn't"); they are not part of the folded word.
            if (f != FoldTable.Separator)
            {
                folded = (folded ^ f) * WordScanner.FnvPrime;
                plain &= lower == f;
            }

            spelled = (spelled ^ (c == '’' ? '\'' : lower)) * WordScanner.FnvPrime;
        }

        if (inWord)
        {
            result.Add(new Item(spelled, folded, plain));
        }

        return result;
    }
}
