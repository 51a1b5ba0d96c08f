namespace Ttdn.Vietnamese.Text;

/// <summary>
/// Moves a tone mark to its canonical vowel, one syllable at a time, in place (NFC precomposed vowels make every
/// move a same-length two-char replacement). Only two, well-defined corrections are made:
/// <list type="number">
/// <item>Open rhymes "oa", "oe", "uy" (no final consonant, after any initial except qu/gi): the tone goes on the
/// FIRST vowel: "hoá"→"hóa", "khoẻ"→"khỏe", "thuỷ"→"thủy", "uỷ"→"ủy". Closed rhymes ("hoàn", "huýt") and longer
/// vowel groups ("thuyền", "ngoài", "khuỷu") are never touched.</item>
/// <item>Initials "qu" and "gi": their u/i is part of the consonant, so a tone written on it moves to the
/// syllable's main vowel: "qúy"→"quý", "qủa"→"quả", "gía"→"giá". ("quý", "gì", "gìn" are already right.)</item>
/// </list>
/// A word is only touched when it parses as one Vietnamese syllable (valid initial, 1-3 vowels, valid final) with
/// exactly one tone mark, so foreign words ("Chloé", "Zoé"), codes and malformed words are left alone.
/// </summary>
internal static class TonePlacement
{
    // "nghiêng" is the longest Vietnamese syllable (7 letters).
    private const int MaxSyllableLength = 7;

    /// <summary>Returns <paramref name="nfc"/> with tones in canonical places; the same instance when nothing moves.</summary>
    public static string Apply(string nfc)
    {
        // Every toned vowel is at or above U+00C0; pure ASCII / Latin-1 punctuation text has nothing to move.
        if (nfc.AsSpan().IndexOfAnyInRange('\u00C0', '\uFFFF') < 0)
        {
            return nfc;
        }

        int first = FindFirstWordToFix(nfc);
        if (first < 0)
        {
            return nfc;
        }

        return string.Create(nfc.Length, (nfc, first), static (span, state) =>
        {
            state.nfc.AsSpan().CopyTo(span);
            FixFrom(span, state.first);
        });
    }

    private static int FindFirstWordToFix(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (TryPlan(text[start..i], out _, out _, out _, out _))
            {
                return start;
            }
        }

        return -1;
    }

    private static void FixFrom(Span<char> text, int start)
    {
        int i = start;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            int wordStart = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            Span<char> word = text[wordStart..i];
            if (TryPlan(word, out int from, out char fromChar, out int to, out char toChar))
            {
                word[from] = fromChar;
                word[to] = toChar;
            }
        }
    }

    // Letters and combining marks make up words (a leftover combining mark makes the word unparseable, so it is
    // left alone); digits, spaces and punctuation separate them.
    private static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        }

        return char.IsLetter(c) || (c >= '\u0300' && c <= '\u036F');
    }

    /// <summary>
    /// Decides whether one word needs its tone moved. On true: <paramref name="from"/> gets
    /// <paramref name="fromChar"/> (the vowel without tone) and <paramref name="to"/> gets
    /// <paramref name="toChar"/> (the vowel with the tone).
    /// </summary>
    private static bool TryPlan(ReadOnlySpan<char> word, out int from, out char fromChar, out int to, out char toChar)
    {
        from = to = 0;
        fromChar = toChar = '\0';
        if (word.Length < 2 || word.Length > MaxSyllableLength || !MayNeedMove(word))
        {
            return false;
        }

        // Decode: vowels with their tone and case; consonants as lower-case ASCII ('đ' stays 'đ').
        Span<sbyte> vowels = stackalloc sbyte[MaxSyllableLength];
        Span<char> consonants = stackalloc char[MaxSyllableLength];
        int tonePos = -1;
        int tone = 0;
        for (int k = 0; k < word.Length; k++)
        {
            char c = word[k];
            if (VietnameseLetters.TryGetVowel(c, out int v, out _, out int t))
            {
                vowels[k] = (sbyte)v;
                consonants[k] = '\0';
                if (t != VietnameseLetters.NoTone)
                {
                    if (tonePos >= 0)
                    {
                        return false; // two tone marks: not a syllable we can reason about
                    }

                    tonePos = k;
                    tone = t;
                }
            }
            else if (c < 0x80 && (uint)((c | 0x20) - 'a') <= 'z' - 'a')
            {
                vowels[k] = -1;
                consonants[k] = (char)(c | 0x20);
            }
            else if (c is 'đ' or 'Đ')
            {
                vowels[k] = -1;
                consonants[k] = 'đ';
            }
            else
            {
                return false; // a letter from another alphabet, or a combining mark
            }
        }

        if (tonePos < 0)
        {
            return false;
        }

        // Initial consonant.
        int clusterStart = 0;
        while (clusterStart < word.Length && vowels[clusterStart] < 0)
        {
            clusterStart++;
        }

        ReadOnlySpan<char> initial = consonants[..clusterStart];
        bool quOrGi = false;
        if (initial is "q")
        {
            // q is always written qu; the u belongs to the initial and a vowel must follow it.
            if (clusterStart + 1 >= word.Length || vowels[clusterStart] != VietnameseLetters.U
                || vowels[clusterStart + 1] < 0)
            {
                return false;
            }

            clusterStart++;
            quOrGi = true;
        }
        else if (initial is "g" && clusterStart + 1 < word.Length && vowels[clusterStart] == VietnameseLetters.I
            && vowels[clusterStart + 1] >= 0)
        {
            // gi + vowel: the i belongs to the initial ("gia", "giữa"); "gì", "gìn" keep i as their vowel.
            clusterStart++;
            quOrGi = true;
        }
        else if (!IsInitial(initial))
        {
            return false;
        }

        // Vowel cluster (1-3 letters) and final consonant.
        int clusterEnd = clusterStart;
        while (clusterEnd < word.Length && vowels[clusterEnd] >= 0)
        {
            clusterEnd++;
        }

        int clusterLength = clusterEnd - clusterStart;
        if (clusterLength is < 1 or > 3)
        {
            return false;
        }

        for (int k = clusterEnd; k < word.Length; k++)
        {
            if (vowels[k] >= 0)
            {
                return false; // vowel after a consonant: more than one syllable
            }
        }

        ReadOnlySpan<char> final = consonants[clusterEnd..word.Length];
        if (!IsFinal(final))
        {
            return false;
        }

        bool open = final.IsEmpty;
        ReadOnlySpan<sbyte> cluster = vowels[clusterStart..clusterEnd];
        int target;
        if (quOrGi)
        {
            if (tonePos != clusterStart - 1)
            {
                return false; // the tone already sits in the rhyme
            }

            target = clusterStart + MainVowel(cluster, open);
        }
        else if (open && clusterLength == 2 && tonePos == clusterStart + 1 && IsFirstVowelTonePair(cluster[0], cluster[1]))
        {
            target = clusterStart;
        }
        else
        {
            return false;
        }

        VietnameseLetters.TryGetVowel(word[tonePos], out int fromVowel, out bool fromUpper, out _);
        VietnameseLetters.TryGetVowel(word[target], out int toVowel, out bool toUpper, out _);
        from = tonePos;
        fromChar = VietnameseLetters.Compose(fromVowel, fromUpper, VietnameseLetters.NoTone);
        to = target;
        toChar = VietnameseLetters.Compose(toVowel, toUpper, tone);
        return true;
    }

    // Cheap necessary condition for the two rules, so most words skip the full parse: rule 1 needs a toned a/e/y
    // as the last letter right after a plain o/u; rule 2 needs a toned u/i right after a word-initial q/g.
    private static bool MayNeedMove(ReadOnlySpan<char> word)
    {
        if (VietnameseLetters.TryGetVowel(word[^1], out int last, out _, out int lastTone)
            && lastTone != VietnameseLetters.NoTone
            && last is VietnameseLetters.A or VietnameseLetters.E or VietnameseLetters.Y
            && word[^2] is 'o' or 'O' or 'u' or 'U')
        {
            return true;
        }

        return word.Length >= 3
            && word[0] is 'q' or 'Q' or 'g' or 'G'
            && VietnameseLetters.TryGetVowel(word[1], out int second, out _, out int secondTone)
            && secondTone != VietnameseLetters.NoTone
            && second is VietnameseLetters.U or VietnameseLetters.I;
    }

    // The open rhymes whose placement varies between writers: oa, oe, uy (plain letters, no vowel marks).
    private static bool IsFirstVowelTonePair(int first, int second) =>
        (first == VietnameseLetters.O && second is VietnameseLetters.A or VietnameseLetters.E)
        || (first == VietnameseLetters.U && second == VietnameseLetters.Y);

    // Index of the tone-bearing vowel of a rhyme (after qu/gi, so there is no medial o/u to worry about):
    // a vowel with its own mark (last one: ươ → ơ, uyê → ê); else the only vowel; else the last one before a
    // final consonant; else the first of two ("ai", "ao") or the middle of three ("uyu", "oai").
    private static int MainVowel(ReadOnlySpan<sbyte> cluster, bool open)
    {
        for (int k = cluster.Length - 1; k >= 0; k--)
        {
            if (VietnameseLetters.HasVowelMark(cluster[k]))
            {
                return k;
            }
        }

        if (cluster.Length == 1)
        {
            return 0;
        }

        if (!open)
        {
            return cluster.Length - 1;
        }

        return cluster.Length == 2 ? 0 : 1;
    }

    private static bool IsInitial(ReadOnlySpan<char> s) => s switch
    {
        "" or "b" or "c" or "ch" or "d" or "đ" or "g" or "gh" or "h" or "k" or "kh" or "l" or "m" or "n"
            or "ng" or "ngh" or "nh" or "p" or "ph" or "r" or "s" or "t" or "th" or "tr" or "v" or "x" => true,
        _ => false,
    };

    private static bool IsFinal(ReadOnlySpan<char> s) => s switch
    {
        "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t" => true,
        _ => false,
    };
}
