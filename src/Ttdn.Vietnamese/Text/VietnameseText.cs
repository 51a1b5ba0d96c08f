using System.Buffers;

namespace Ttdn.Vietnamese.Text;

/// <summary>
/// Vietnamese text basics used by every search and match in the application: one canonical stored form
/// (<see cref="Normalize"/>) and one match key (<see cref="Fold"/>, <see cref="FoldToWords"/>).
/// All methods accept null (treated as empty), never throw on odd input (NFD, mixed scripts, unpaired surrogates)
/// and run in a single pass without regular expressions.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC-normalises (input may be NFD or mixed) and puts tone marks in one canonical place:
    /// in the open rhymes "oa", "oe", "uy" the tone goes on the first vowel ("hoá"→"hóa", "thuỷ"→"thủy",
    /// "khoẻ"→"khỏe", "uỷ ban"→"ủy ban"), and a tone written on the u of "qu" or the i of "gi" moves to the
    /// syllable's vowel ("qúy"→"quý", "gía"→"giá"). Closed rhymes ("hoàn"), longer vowel groups ("thuyền",
    /// "ngoài") and anything that is not a Vietnamese syllable are left as they are, as are case, spacing and
    /// punctuation. Returns "" for null; returns the input instance when nothing changes.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return TonePlacement.Apply(TextFolder.ToNfc(text));
    }

    /// <summary>
    /// The search/match key: NFC, all Latin diacritics removed (tone marks and the marks of ă â ê ô ơ ư), đ/Đ → d,
    /// lower case (invariant), every run of white space → one space, trimmed. Punctuation and letters of other
    /// scripts are kept (lower-cased where that applies). Example: "Sở Văn hóa, Thể thao và Du lịch" →
    /// "so van hoa, the thao va du lich". Returns "" for null.
    /// </summary>
    public static string Fold(string? text) => FoldToString(text, wordsOnly: false);

    /// <summary>
    /// <see cref="Fold"/>, keeping only letters and digits: every other run of characters becomes one space
    /// ("Sở VH-TT&amp;DL" → "so vh tt dl", "241/KH-UBND" → "241 kh ubnd"). For alias lookup and tokenising.
    /// </summary>
    public static string FoldToWords(string? text) => FoldToString(text, wordsOnly: true);

    /// <summary>The words (syllables) of <see cref="FoldToWords"/>; empty for null or text without letters/digits.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        string words = FoldToWords(text);
        return words.Length == 0 ? [] : words.Split(' ');
    }

    /// <summary>
    /// True when the folded forms are equal: insensitive to case, diacritics, đ, NFC/NFD, tone placement and
    /// white space runs. Null equals "" (and white space). Allocation-free for NFC input.
    /// </summary>
    public static bool EqualsFolded(string? a, string? b)
    {
        a ??= string.Empty;
        b ??= string.Empty;
        if (ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        return CompareFolded(a, b) == 0;
    }

    /// <summary>
    /// True when <paramref name="needle"/>'s <see cref="FoldToWords"/> occurs in <paramref name="haystack"/>'s on
    /// whole-word boundaries: "thai nguyen" is found in "Tỉnh Thái Nguyên." but "nguyen" is not found in
    /// "nguyenvan". A needle without any letter or digit (null, "", " - ") matches nothing.
    /// </summary>
    public static bool ContainsWords(string? haystack, string? needle)
    {
        if (string.IsNullOrEmpty(needle) || string.IsNullOrEmpty(haystack))
        {
            return false;
        }

        string nh = TextFolder.ToNfc(haystack);
        string nn = TextFolder.ToNfc(needle);
        char[]? rentedH = null;
        char[]? rentedN = null;
        try
        {
            Span<char> bufH = nh.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rentedH = ArrayPool<char>.Shared.Rent(nh.Length));
            Span<char> bufN = nn.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rentedN = ArrayPool<char>.Shared.Rent(nn.Length));
            ReadOnlySpan<char> hay = bufH[..TextFolder.Fold(nh, bufH, wordsOnly: true)];
            ReadOnlySpan<char> key = bufN[..TextFolder.Fold(nn, bufN, wordsOnly: true)];
            return ContainsOnWordBoundaries(hay, key);
        }
        finally
        {
            Return(rentedH);
            Return(rentedN);
        }
    }

    // Both spans are FoldToWords output: words separated by exactly one ' ', no leading/trailing space.
    private static bool ContainsOnWordBoundaries(ReadOnlySpan<char> hay, ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return false;
        }

        int offset = 0;
        while (offset + key.Length <= hay.Length)
        {
            int found = hay[offset..].IndexOf(key);
            if (found < 0)
            {
                return false;
            }

            int start = offset + found;
            int end = start + key.Length;
            if ((start == 0 || hay[start - 1] == ' ') && (end == hay.Length || hay[end] == ' '))
            {
                return true;
            }

            // Next candidate can only start after the next space.
            int nextSpace = hay[(start + 1)..].IndexOf(' ');
            if (nextSpace < 0)
            {
                return false;
            }

            offset = start + 1 + nextSpace + 1;
        }

        return false;
    }

    /// <summary>Ordinal hash of the <see cref="Fold"/> key, without building the key string.</summary>
    internal static int GetFoldedHashCode(string text)
    {
        string nfc = TextFolder.ToNfc(text);
        char[]? rented = null;
        try
        {
            Span<char> buf = nfc.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rented = ArrayPool<char>.Shared.Rent(nfc.Length));
            return string.GetHashCode(buf[..TextFolder.Fold(nfc, buf, wordsOnly: false)]);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Ordinal comparison of the <see cref="Fold"/> keys.</summary>
    internal static int CompareFolded(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        string na = TextFolder.ToNfc(a ?? string.Empty);
        string nb = TextFolder.ToNfc(b ?? string.Empty);
        char[]? rentedA = null;
        char[]? rentedB = null;
        try
        {
            Span<char> bufA = na.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rentedA = ArrayPool<char>.Shared.Rent(na.Length));
            Span<char> bufB = nb.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rentedB = ArrayPool<char>.Shared.Rent(nb.Length));
            int la = TextFolder.Fold(na, bufA, wordsOnly: false);
            int lb = TextFolder.Fold(nb, bufB, wordsOnly: false);
            return bufA[..la].SequenceCompareTo(bufB[..lb]);
        }
        finally
        {
            Return(rentedA);
            Return(rentedB);
        }
    }

    private static string FoldToString(string? text, bool wordsOnly)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string nfc = TextFolder.ToNfc(text);
        char[]? rented = null;
        try
        {
            Span<char> buf = nfc.Length <= TextFolder.StackLimit
                ? stackalloc char[TextFolder.StackLimit]
                : (rented = ArrayPool<char>.Shared.Rent(nfc.Length));
            ReadOnlySpan<char> folded = buf[..TextFolder.Fold(nfc, buf, wordsOnly)];
            if (folded.Length == 0)
            {
                return string.Empty;
            }

            // Already a key (typical for stored keys and for lower-case ASCII): no new string.
            return folded.SequenceEqual(text) ? text : new string(folded);
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
