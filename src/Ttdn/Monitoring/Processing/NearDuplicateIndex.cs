namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Groups items whose SimHash fingerprints are at most <see cref="MaxDistance"/> bits apart into one story.
/// Candidates come from banded LSH: <see cref="Tables"/> tables, each keyed by a different fixed subset of
/// <see cref="KeyBits"/> fingerprint bits; two fingerprints d bits apart share a given key with probability
/// C(64−d, k)/C(64, k), so with 20 tables of 12 bits a pair 8 bits apart is found with probability 0.98 and 10 bits
/// apart 0.89. Buckets are arrays of 12-byte structs scanned sequentially (at 1 M items ≈ 4,900 popcounts per
/// insert, ≈ 240 MB). Every candidate is verified by its real distance. Thread-safe (one lock).
/// </summary>
public sealed class NearDuplicateIndex
{
    // Light rewrites measure 0–8 bits on our fixtures; two random 64-bit values are ≤ 10 bits apart with
    // probability ≈ 1e-8 (≤ 12: ≈ 2e-7, which at millions of candidate comparisons merges unrelated stories).
    public const int MaxDistance = 10;
    public const int Tables = 20;
    public const int KeyBits = 12;

    private static readonly ulong[] Masks = BuildMasks();

    // Each table is an array of 4,096 buckets indexed by the key's 12 bits packed together: no hashing on the path
    // every ingested item takes 40 times.
    private readonly List<Member>?[][] tables = [.. Enumerable.Range(0, Tables).Select(_ => new List<Member>?[1 << KeyBits])];
    private readonly Dictionary<long, long> clusterOf = [];
    private readonly List<long> clusterIds = [];
    private readonly Lock gate = new();

    /// <summary>Items indexed so far.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return clusterOf.Count;
            }
        }
    }

    /// <summary>
    /// The cluster (story) of the item: the id of the first indexed item within <see cref="MaxDistance"/> bits
    /// (closest wins), or the item's own id when it starts a new story. Adding the same id again returns its cluster
    /// unchanged. Null for fingerprint 0 (a text without words is never clustered).
    /// </summary>
    public long? FindOrAdd(long itemId, ulong fingerprint)
    {
        if (fingerprint == 0)
        {
            return null;
        }

        lock (gate)
        {
            if (clusterOf.TryGetValue(itemId, out long known))
            {
                return known;
            }

            Span<int> keys = stackalloc int[Tables];
            for (int t = 0; t < Tables; t++)
            {
                keys[t] = Key(fingerprint, t);
            }

            int cluster = -1;
            int best = MaxDistance + 1;
            for (int t = 0; t < Tables; t++)
            {
                if (tables[t][keys[t]] is not { } bucket)
                {
                    continue;
                }

                foreach (ref readonly var member in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bucket))
                {
                    int d = SimHash.Distance(member.Fingerprint, fingerprint);
                    if (d < best)
                    {
                        best = d;
                        cluster = member.Cluster;
                    }
                }
            }

            if (cluster < 0)
            {
                cluster = clusterIds.Count;
                clusterIds.Add(itemId);
            }

            var self = new Member(fingerprint, cluster);
            for (int t = 0; t < Tables; t++)
            {
                (tables[t][keys[t]] ??= []).Add(self);
            }

            clusterOf[itemId] = clusterIds[cluster];
            return clusterIds[cluster];
        }
    }

    /// <summary>The fingerprint's bits under table t's mask, packed into the low 12 bits.</summary>
    private static int Key(ulong fingerprint, int t)
    {
        if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported)
        {
            return (int)System.Runtime.Intrinsics.X86.Bmi2.X64.ParallelBitExtract(fingerprint, Masks[t]);
        }

        int key = 0, bit = 0;
        for (ulong mask = Masks[t]; mask != 0; mask &= mask - 1, bit++)
        {
            key |= (int)((fingerprint >> System.Numerics.BitOperations.TrailingZeroCount(mask)) & 1) << bit;
        }

        return key;
    }

    // Fixed pseudo-random bit subsets (a seeded generator: the same masks in every process and version).
    private static ulong[] BuildMasks()
    {
        var masks = new ulong[Tables];
        ulong state = 0x5EED_7D17_0018UL;
        for (int t = 0; t < Tables; t++)
        {
            while (System.Numerics.BitOperations.PopCount(masks[t]) < KeyBits)
            {
                state = WordScanner.Mix(state + 0x9E3779B97F4A7C15UL);
                masks[t] |= 1UL << (int)(state & 63);
            }
        }

        return masks;
    }

    // 12 bytes: the fingerprint and the index of the story's id in clusterIds.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Member(ulong Fingerprint, int Cluster);
}
