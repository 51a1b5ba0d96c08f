namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Groups items whose SimHash fingerprints are at most <see cref="MaxDistance"/> bits apart into one story.
/// Candidates come from banded LSH: <see cref="Tables"/> tables, each keyed by a different fixed subset of
/// <see cref="KeyBits"/> fingerprint bits; two fingerprints d bits apart share a given key with probability
/// C(64−d, k)/C(64, k), so with 16 tables of 14 bits a light rewrite (d ≈ 6–10) is found with high probability while
/// buckets stay small. Every candidate is verified by its real distance. Thread-safe (one lock).
/// </summary>
public sealed class NearDuplicateIndex
{
    public const int MaxDistance = 12;
    public const int Tables = 16;
    public const int KeyBits = 14;

    private static readonly ulong[] Masks = BuildMasks();

    private readonly Dictionary<ulong, List<Member>>[] tables = [.. Enumerable.Range(0, Tables).Select(_ => new Dictionary<ulong, List<Member>>())];
    private readonly Dictionary<long, long> clusterOf = [];
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

            long cluster = itemId;
            int best = MaxDistance + 1;
            for (int t = 0; t < Tables; t++)
            {
                if (!tables[t].TryGetValue(fingerprint & Masks[t], out var bucket))
                {
                    continue;
                }

                foreach (var member in bucket)
                {
                    int d = SimHash.Distance(member.Fingerprint, fingerprint);
                    if (d < best)
                    {
                        best = d;
                        cluster = member.Cluster;
                    }
                }
            }

            var self = new Member(fingerprint, cluster);
            for (int t = 0; t < Tables; t++)
            {
                ulong key = fingerprint & Masks[t];
                if (!tables[t].TryGetValue(key, out var bucket))
                {
                    tables[t][key] = bucket = [];
                }

                bucket.Add(self);
            }

            clusterOf[itemId] = cluster;
            return cluster;
        }
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

    private sealed record Member(ulong Fingerprint, long Cluster);
}
