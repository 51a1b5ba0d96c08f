using System.Runtime.Intrinsics;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// 64-bit SimHash over 3-word shingles of the folded text (so case, diacritics, đ, NFD and punctuation do not
/// count). Texts that share most shingles get fingerprints a few bits apart; unrelated texts ≈ 32 bits apart.
/// 0 means "no words". See docs/decisions/0018.
/// </summary>
public static class SimHash
{
    private const int ShingleWords = 3;

    [ThreadStatic] private static Word[]? wordBuffer;
    [ThreadStatic] private static char[]? foldBuffer;

    public static ulong Compute(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var words = wordBuffer ??= new Word[256];
        var folded = foldBuffer ??= new char[4096];
        int count = WordScanner.Scan(text, ref words, ref folded, out _);
        wordBuffer = words;
        foldBuffer = folded;
        if (count == 0)
        {
            return 0;
        }

        Span<Vector256<int>> votes = stackalloc Vector256<int>[8];
        int n = Math.Min(ShingleWords, count);
        for (int i = 0; i + n <= count; i++)
        {
            ulong shingle = WordScanner.FnvOffset;
            for (int j = 0; j < n; j++)
            {
                shingle = WordScanner.Extend(shingle, words[i + j].Hash);
            }

            Vote(votes, WordScanner.Mix(shingle));
        }

        ulong fingerprint = 0;
        for (int b = 0; b < 64; b++)
        {
            if (votes[b >> 3].GetElement(b & 7) > 0)
            {
                fingerprint |= 1UL << b;
            }
        }

        return fingerprint == 0 ? 1 : fingerprint;
    }

    /// <summary>Number of differing bits (0–64).</summary>
    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    // One vector add per byte of the hash instead of 64 scalar ones: ByteVotes[v] holds ±1 for each bit of v.
    private static readonly Vector256<int>[] ByteVotes = [.. Enumerable.Range(0, 256).Select(v =>
        Vector256.Create([.. Enumerable.Range(0, 8).Select(bit => ((v >> bit) & 1) * 2 - 1)]))];

    private static void Vote(Span<Vector256<int>> votes, ulong hash)
    {
        for (int k = 0; k < 8; k++)
        {
            votes[k] += ByteVotes[(int)(hash >> (k * 8)) & 0xFF];
        }
    }
}
