using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// The vectorised form of <see cref="AliasScanner.Scan"/> (decision 0024), giving the same words, ends and hashes.
/// First the text is folded into a reused buffer, sixteen chars at a time: ASCII lanes by vector arithmetic, only the
/// other chars through the fold table. Then each 64 chars become one bit mask of word chars, and words are read off
/// the mask, one step per word instead of one per char. A word's hash is the xor of its folded chars read four at a
/// time from the buffer, ending at the word's end, which is what the per-char rotate-and-xor comes to.
/// </summary>
internal static class BlockScanner
{
    private const int Lanes = 16; // chars per Vector256<ushort>
    private const int Block = 64; // chars per word mask

    // Zeros (separators) before the text: a word's hash reads up to eight chars back from its end.
    private const int Pad = 16;

    // The fold table where the GC never moves it (gathers take a pointer), one entry longer: a 32-bit read of the
    // last entry stays inside.
    private static readonly char[] PinnedTable = CreatePinnedTable();

    [ThreadStatic] private static char[]? foldBuffer;

    /// <summary>
    /// Whether this machine runs 256-bit vectors in hardware and the fold table folds ASCII the way the vector code
    /// does (letters to lower case, digits to themselves, the rest to separators).
    /// </summary>
    public static bool IsSupported { get; } = Vector256.IsHardwareAccelerated && AsciiFoldsAsExpected();

    /// <summary>
    /// Tokenises like <see cref="AliasScanner.Scan"/>; false (and nothing written) when the text holds a char that
    /// folds to <see cref="FoldTable.Ignore"/> (NFD marks, soft hyphens), which this path does not handle.
    /// </summary>
    /// <param name="gather">Whether to fold non-ASCII chars by AVX2 gathers (the tests try both ways).</param>
    public static bool TryScan(string text, TextWord[] words, out int count, out int letterBits, bool gather = true)
    {
        // At least one separator after the text, so the last word ends inside the blocks.
        int blocks = (text.Length / Block) + 1;
        int size = Pad + (blocks * Block);
        var buffer = foldBuffer;
        if (buffer is null || buffer.Length < size)
        {
            foldBuffer = buffer = new char[Math.Max(size, 4096)]; // the first Pad chars stay zero for good
        }

        ref char folded = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), Pad);
        if (!Fold(text, ref folded, blocks * Block, gather && Avx2.IsSupported, out letterBits))
        {
            count = 0;
            return false;
        }

        count = Words(ref folded, blocks, words);
        return true;
    }

    /// <summary>Folds the text into the buffer and pads it with separators to <paramref name="paddedLength"/>.</summary>
    private static bool Fold(string text, ref char folded, int paddedLength, bool gather, out int letterBits)
    {
        ref char table = ref MemoryMarshal.GetArrayDataReference(FoldTable.Chars);
        ref char source = ref MemoryMarshal.GetReference(text.AsSpan());
        var bitsVector = Vector256<ushort>.Zero;
        var ignoredVector = Vector256<ushort>.Zero;
        int bits = 0, ignored = 0, i = 0;
        for (; i + Lanes <= text.Length; i += Lanes)
        {
            var c = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref source), (nuint)i);
            var lower = c | Vector256.Create((ushort)0x20);
            var wordChar = Vector256.LessThanOrEqual(lower - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')))
                | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
            (lower & wordChar).StoreUnsafe(ref Unsafe.As<char, ushort>(ref folded), (nuint)i);
            bitsVector |= c & wordChar;

            uint other = Vector256.GreaterThan(c, Vector256.Create((ushort)0x7F)).ExtractMostSignificantBits();
            if (other == 0)
            {
                continue;
            }

            if (gather)
            {
                // Vietnamese has a non-ASCII letter every few chars, Chinese and Korean nothing else: all sixteen
                // lanes through the table in two gathers costs less than correcting them one at a time.
                var f = GatherFolded(c);
                f.StoreUnsafe(ref Unsafe.As<char, ushort>(ref folded), (nuint)i);
                bitsVector |= c & Vector256.GreaterThan(f, Vector256.Create((ushort)FoldTable.Ignore));
                ignoredVector |= Vector256.Equals(f, Vector256.Create((ushort)FoldTable.Ignore));
                continue;
            }

            // Lanes outside ASCII were folded to 0 above; the table corrects them one by one.
            while (other != 0)
            {
                int k = i + BitOperations.TrailingZeroCount(other);
                other &= other - 1;
                char ch = Unsafe.Add(ref source, k);
                int f = Unsafe.Add(ref table, ch);
                Unsafe.Add(ref folded, k) = (char)f;
                bits |= ch & -((1 - f) >>> 31);
                ignored |= ((f ^ FoldTable.Ignore) - 1) >>> 31;
            }
        }

        for (; i < text.Length; i++)
        {
            char ch = Unsafe.Add(ref source, i);
            int f = Unsafe.Add(ref table, ch);
            Unsafe.Add(ref folded, i) = (char)f;
            bits |= ch & -((1 - f) >>> 31);
            ignored |= ((f ^ FoldTable.Ignore) - 1) >>> 31;
        }

        // Stale chars of an earlier text would read as words.
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref folded, i), paddedLength - i).Clear();

        for (int lane = 0; lane < Lanes; lane++)
        {
            bits |= bitsVector.GetElement(lane);
        }

        letterBits = bits;
        return ignored == 0 && ignoredVector == Vector256<ushort>.Zero;
    }

    /// <summary>The fold table's entries for sixteen chars, read by two eight-lane gathers of 32 bits each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<ushort> GatherFolded(Vector256<ushort> chars)
    {
        var (low, high) = Vector256.Widen(chars);
        int* table = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(PinnedTable));
        var lowEntries = Avx2.GatherVector256(table, low.AsInt32(), 2).AsUInt32();
        var highEntries = Avx2.GatherVector256(table, high.AsInt32(), 2).AsUInt32();

        // Each 32-bit read also holds the next entry in its upper half.
        var entry = Vector256.Create(0xFFFFu);
        return Vector256.Narrow(lowEntries & entry, highEntries & entry);
    }

    /// <summary>Reads the words off one bit mask of word chars per 64 chars of the folded, padded text.</summary>
    private static int Words(ref char folded, int blocks, TextWord[] words)
    {
        ref TextWord output = ref MemoryMarshal.GetArrayDataReference(words);
        ref ushort lanes = ref Unsafe.As<char, ushort>(ref folded);
        int count = 0, openStart = 0;
        ulong carry = 0; // 1 when the last char of the previous block was a word char: a word is open
        for (int b = 0; b < blocks; b++)
        {
            int at = b * Block;
            ulong separators = Vector256.Equals(Vector256.LoadUnsafe(ref lanes, (nuint)at), Vector256<ushort>.Zero).ExtractMostSignificantBits()
                | (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref lanes, (nuint)(at + 16)), Vector256<ushort>.Zero).ExtractMostSignificantBits() << 16
                | (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref lanes, (nuint)(at + 32)), Vector256<ushort>.Zero).ExtractMostSignificantBits() << 32
                | (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref lanes, (nuint)(at + 48)), Vector256<ushort>.Zero).ExtractMostSignificantBits() << 48;
            ulong letters = ~separators;
            ulong before = (letters << 1) | carry; // bit i: char i - 1 is a word char
            ulong starts = letters & ~before;
            ulong ends = separators & before;
            bool open = carry != 0;
            carry = letters >> 63;

            if (open)
            {
                // The open word ends at the first end here; without one the whole block is inside it.
                if (ends == 0)
                {
                    continue;
                }

                int end = at + BitOperations.TrailingZeroCount(ends);
                ends &= ends - 1;
                Unsafe.Add(ref output, count++) = new TextWord(openStart, end, Hash(ref folded, openStart, end));
            }

            while (ends != 0)
            {
                int start = at + BitOperations.TrailingZeroCount(starts);
                int end = at + BitOperations.TrailingZeroCount(ends);
                starts &= starts - 1;
                ends &= ends - 1;
                Unsafe.Add(ref output, count++) = new TextWord(start, end, Hash(ref folded, start, end));
            }

            if (starts != 0)
            {
                openStart = at + BitOperations.TrailingZeroCount(starts); // at most one start is left: the open word
            }
        }

        return count;
    }

    /// <summary>
    /// <see cref="AliasScanner.Hash"/> of the folded word [start, end): after n steps char j sits rotated by
    /// 16 (n - 1 - j) mod 64 bits, so the hash is the xor of four-char groups counted back from the end, lanes reversed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ref char folded, int start, int end)
    {
        int length = end - start;
        ref byte bytes = ref Unsafe.As<char, byte>(ref folded);
        ulong last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (end - 4) * 2));
        ulong previous = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (end - 8) * 2));

        // Masks without a branch on the length: the top min(length, 4) lanes of the last group, the top
        // length - 4 (none, up to four) of the one before.
        ulong groups = (last & TopLanes(length)) ^ (previous & TopLanes(length - 4) & (0UL - (ulong)((4 - length) >>> 31)));
        if (length > 8)
        {
            for (int rest = length - 8, e = end - 8; rest > 0; rest -= 4)
            {
                e -= 4;
                groups ^= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, e * 2)) & TopLanes(rest);
            }
        }

        // Lane 3 (the last char) to lane 0, lane 2 to lane 1.
        groups = BitOperations.RotateLeft(groups, 32);
        return ((groups >> 16) & 0x0000_FFFF_0000_FFFFUL) | ((groups & 0x0000_FFFF_0000_FFFFUL) << 16);
    }

    /// <summary>The top min(n, 4) lanes of four chars read as one ulong, for n of at least 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TopLanes(int n) => ulong.MaxValue << ((4 - Math.Min(n, 4)) * 16);

    private static char[] CreatePinnedTable()
    {
        var table = GC.AllocateArray<char>(FoldTable.Chars.Length + 1, pinned: true);
        FoldTable.Chars.CopyTo(table, 0);
        return table;
    }

    private static bool AsciiFoldsAsExpected()
    {
        for (char c = '\0'; c < 0x80; c++)
        {
            char expected = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c
                : c is >= 'A' and <= 'Z' ? (char)(c | 0x20)
                : FoldTable.Separator;
            if (FoldTable.Fold(c) != expected)
            {
                return false;
            }
        }

        return true;
    }
}
