using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// Pairs of neighbouring words, hashed into buckets, for PostgreSQL phrase search (decision 0028). GIN keeps no
/// positions, so a phrase of common words ("chuyển đổi số") was checked by position in every row holding all its words:
/// 50,000 rows at 1 M items. An item's pairs are read from its tsvector, where "next to each other" means exactly what
/// the phrase operator &lt;-&gt; means (position + 1), so the buckets of a phrase's pairs narrow the rows to check
/// without ever dropping a match. The hash is stored data: changing it means rebuilding the pairs.
/// </summary>
public static class SearchPairs
{
    /// <summary>Items are grouped in blocks of 16,384 ids, so an offset within its block fits a smallint.</summary>
    public const int BlockBits = 14;
    public const int BlockSize = 1 << BlockBits;
    /// <summary>
    /// An item holds ~210 distinct pairs, so a bucket holds ~1.3 % of items besides those with the pair itself: a
    /// three-word phrase (two buckets) leaves ~0.02 %.
    /// </summary>
    public const int BucketBits = 14;
    public const int Buckets = 1 << BucketBits;

    /// <summary>The distinct buckets of the pairs in a query's phrases, ascending; empty when no phrase can use them.</summary>
    public static int[] Of(SearchQuery query)
    {
        var buckets = new SortedSet<int>();
        // Only phrases whose words each stay one lexeme in to_tsquery: their pairs are the ones the tsvector holds.
        foreach (var group in query.Groups.Where(g => g.Count > 1 && g.All(w => TsVectorBinary.IsOneLexeme(w))))
            for (var i = 1; i < group.Count; i++)
                buckets.Add(Bucket(WordHash(Encoding.UTF8.GetBytes(group[i - 1])), WordHash(Encoding.UTF8.GetBytes(group[i]))));
        return [.. buckets];
    }

    /// <summary>
    /// The distinct buckets of the pairs in a tsvector in its binary form (tsvectorsend: int32 count, then per lexeme
    /// its UTF-8 bytes, a NUL, a uint16 count of positions and the positions as uint16 with the weight in the top two
    /// bits; big-endian), in no particular order. Words at the same position (PostgreSQL puts every word past 16,383
    /// there) pair with every word at the next one.
    /// </summary>
    public static int[] OfTsVector(ReadOnlySpan<byte> vector)
    {
        // Most tsvectors hold one word per position: each word's hash goes into its position's slot, and neighbours are
        // read off in position order, with no sort (a third of the time). A second word at a position takes the general way.
        var scratch = Scratch ??= new();
        var (hashAt, stamp, buckets) = (scratch.HashAt, scratch.Stamp, scratch.Buckets);
        if (scratch.Generation == int.MaxValue)
        {
            Array.Clear(stamp);
            scratch.Generation = 0;
        }
        var generation = ++scratch.Generation;
        buckets.Clear();
        var count = BinaryPrimitives.ReadInt32BigEndian(vector);
        int read = 4, last = 0;
        for (var i = 0; i < count; i++)
        {
            var (hash, positions) = Lexeme(vector, ref read);
            for (var p = 0; p < positions; p++, read += 2)
            {
                var position = Position(vector, read);
                if (stamp[position] == generation) return OfTsVectorSorted(vector);
                (stamp[position], hashAt[position]) = (generation, hash);
                last = Math.Max(last, position);
            }
        }
        for (var p = 0; p < last; p++)
            if (stamp[p] == generation && stamp[p + 1] == generation) buckets.Add(Bucket(hashAt[p], hashAt[p + 1]));
        return Distinct(buckets);
    }

    /// <summary>Any tsvector: every (position, word) sorted by position, then each word paired with every word at the next one.</summary>
    private static int[] OfTsVectorSorted(ReadOnlySpan<byte> vector)
    {
        var scratch = Scratch ??= new();
        var (hashes, at, buckets) = (scratch.Hashes, scratch.At, scratch.Buckets);
        hashes.Clear();
        at.Clear(); // position << 32 | index into hashes, sorted below
        buckets.Clear();
        var count = BinaryPrimitives.ReadInt32BigEndian(vector);
        var read = 4;
        for (var i = 0; i < count; i++)
        {
            var (hash, positions) = Lexeme(vector, ref read);
            if (positions == 0) continue; // a facet lexeme: no position, no pair
            for (var p = 0; p < positions; p++, read += 2)
                at.Add(((long)Position(vector, read) << 32) | (uint)hashes.Count);
            hashes.Add(hash);
        }
        var sorted = CollectionsMarshal.AsSpan(at);
        sorted.Sort();
        for (int i = 0, next = 0; i < sorted.Length; i++)
        {
            var position = sorted[i] >> 32;
            while (next < sorted.Length && sorted[next] >> 32 <= position) next++;
            for (var j = next; j < sorted.Length && sorted[j] >> 32 == position + 1; j++)
                buckets.Add(Bucket(hashes[(int)sorted[i]], hashes[(int)sorted[j]]));
        }
        return Distinct(buckets);
    }

    /// <summary>The hash of the lexeme that starts at <paramref name="read"/> and its count of positions; moves past both.</summary>
    private static (ulong Hash, int Positions) Lexeme(ReadOnlySpan<byte> vector, ref int read)
    {
        var end = vector[read..].IndexOf((byte)0);
        var hash = WordHash(vector.Slice(read, end));
        read += end + 1;
        var positions = BinaryPrimitives.ReadUInt16BigEndian(vector[read..]);
        read += 2;
        return (hash, positions);
    }

    /// <summary>The position at <paramref name="read"/>, without its weight bits.</summary>
    private static int Position(ReadOnlySpan<byte> vector, int read) => BinaryPrimitives.ReadUInt16BigEndian(vector[read..]) & 0x3FFF;

    /// <summary>Each bucket once, in the order first seen: marked in a bitmap, which is cleared again after (sorting them cost 5 % of an import).</summary>
    private static int[] Distinct(List<int> buckets)
    {
        var (seen, distinct) = (Scratch!.Seen, Scratch.Distinct);
        distinct.Clear();
        foreach (var b in buckets)
        {
            ref var word = ref seen[b >> 6];
            if ((word & (1UL << b)) != 0) continue;
            word |= 1UL << b;
            distinct.Add(b);
        }
        foreach (var b in distinct) seen[b >> 6] = 0;
        return [.. distinct];
    }

    /// <summary>Lists reused from item to item: an import reads a million tsvectors.</summary>
    private sealed class Lists
    {
        public readonly List<ulong> Hashes = new(512);
        public readonly List<long> At = new(2048);
        public readonly List<int> Buckets = new(2048);
        // Slot per position (0 to 16,383, and one past it): the word's hash, valid when its stamp is this call's generation.
        public readonly ulong[] HashAt = new ulong[16_385];
        public readonly int[] Stamp = new int[16_385];
        public int Generation;
        public readonly List<int> Distinct = new(2048);
        public readonly ulong[] Seen = new ulong[SearchPairs.Buckets / 64];
    }

    [ThreadStatic] private static Lists? Scratch;

    /// <summary>
    /// The rows for a set of items of one block, ascending by id: per bucket, the items' offsets within the block,
    /// ascending. Counted first, so each bucket's array is made once at its final size.
    /// </summary>
    public static IEnumerable<(int Bucket, short[] Offsets)> Rows(IReadOnlyList<(long Id, int[] Buckets)> items)
    {
        var counts = new int[Buckets];
        foreach (var item in items)
            foreach (var b in item.Buckets) counts[b]++;
        var offsets = new short[Buckets][];
        var filled = new int[Buckets];
        foreach (var (id, buckets) in items)
            foreach (var b in buckets)
                (offsets[b] ??= new short[counts[b]])[filled[b]++] = (short)(id & (BlockSize - 1));
        for (var b = 0; b < Buckets; b++)
            if (offsets[b] is { } row) yield return (b, row);
    }

    /// <summary>FNV-1a, 64 bits, over a word's UTF-8 bytes.</summary>
    public static ulong WordHash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>The bucket of the pair (first, second): order matters, so "đổi số" and "số đổi" differ.</summary>
    public static int Bucket(ulong first, ulong second)
    {
        // MurmurHash3's 64-bit finaliser spreads the combined hashes over the top bits.
        var x = first * 0x9E3779B97F4A7C15UL + second;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return (int)(x >> (64 - BucketBits));
    }
}
