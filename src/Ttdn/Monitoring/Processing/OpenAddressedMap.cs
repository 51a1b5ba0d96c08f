using System.Runtime.CompilerServices;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// A fixed map from 64-bit keys to non-negative ints, built once: linear probing in two flat arrays kept at most half
/// full, so a miss (most words of a text) usually costs one multiply and one or two memory reads, with no boxing,
/// no comparer call and no bucket chain as in <see cref="Dictionary{TKey, TValue}"/>. Any key is allowed (0 too):
/// an empty slot is marked by a negative value, not by a reserved key.
/// </summary>
internal sealed class OpenAddressedMap
{
    private readonly ulong[] keys;
    private readonly int[] values;
    private readonly int shift;

    public OpenAddressedMap(IReadOnlyCollection<KeyValuePair<ulong, int>> entries)
    {
        int bits = 4;
        while (1 << bits < entries.Count * 2)
        {
            bits++;
        }

        keys = new ulong[1 << bits];
        values = new int[1 << bits];
        Array.Fill(values, -1);
        shift = 64 - bits;
        foreach (var (key, value) in entries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            int slot = Slot(key);
            while (values[slot] >= 0 && keys[slot] != key)
            {
                slot = (slot + 1) & (keys.Length - 1);
            }

            keys[slot] = key;
            values[slot] = value;
        }
    }

    /// <summary>The value stored under <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called once per word of every text; the first probe decides almost always
    public int Get(ulong key)
    {
        int slot = Slot(key);
        int value = values[slot];
        return value < 0 || keys[slot] == key ? value : Probe(key, (slot + 1) & (keys.Length - 1));
    }

    private int Probe(ulong key, int slot)
    {
        while (true)
        {
            int value = values[slot];
            if (value < 0 || keys[slot] == key)
            {
                return value;
            }

            slot = (slot + 1) & (keys.Length - 1);
        }
    }

    // Fibonacci hashing: the multiply spreads every input bit into the top bits, which pick the slot.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
}
