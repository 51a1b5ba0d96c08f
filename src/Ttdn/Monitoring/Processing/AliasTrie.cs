using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// The Latin-script aliases as a trie over word classes. A class is a word hash (<see cref="AliasScanner.Hash"/>)
/// that some alias word has; words of different spelling may share one, so the forms at a node are candidates that
/// <see cref="AliasForm.Matches"/> still verifies. A text word outside every class stops a phrase at once.
/// </summary>
internal sealed class AliasTrie
{
    private const int FilterBits = 18;

    // One bit per hash of an alias's first word (one-word aliases) or first two words: "cua", "la", "nam" start
    // aliases and are everywhere, but are rarely followed by the alias's second word. Testing the pair lets the
    // matcher pass over almost every word with a branch it predicts right.
    private readonly ulong[] starts = new ulong[(1 << FilterBits) / 64];
    private readonly OpenAddressedMap classes;
    private readonly int[] roots;
    private readonly OpenAddressedMap children;
    private readonly AliasForm[]?[] forms;

    /// <param name="aliases">In the order in which forms at one node are to be tried and reported.</param>
    public AliasTrie(IReadOnlyList<AliasForm> aliases)
    {
        var classOf = new Dictionary<ulong, int>();
        var rootOf = new Dictionary<int, int>();
        var childOf = new Dictionary<ulong, int>();
        var formsAt = new List<List<AliasForm>?>();
        foreach (var form in aliases)
        {
            int node = -1;
            foreach (string word in form.Words)
            {
                ulong hash = AliasScanner.Hash(word);
                int cls = classOf.TryGetValue(hash, out int known) ? known : classOf[hash] = classOf.Count;
                if (node < 0)
                {
                    node = rootOf.TryGetValue(cls, out int root) ? root : rootOf[cls] = NewNode(formsAt);
                }
                else
                {
                    ulong edge = Edge(node, cls);
                    node = childOf.TryGetValue(edge, out int child) ? child : childOf[edge] = NewNode(formsAt);
                }
            }

            (formsAt[node] ??= []).Add(form);
            ulong first = AliasScanner.Hash(form.Words[0]);
            int bit = form.Words.Length == 1 ? SingleBit(first) : PairBit(first, AliasScanner.Hash(form.Words[1]));
            starts[bit >> 6] |= 1UL << bit;
            MaxWords = Math.Max(MaxWords, form.Words.Length);
        }

        classes = new OpenAddressedMap(classOf.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)).ToList());
        roots = new int[classOf.Count];
        Array.Fill(roots, -1);
        foreach (var (cls, node) in rootOf)
        {
            roots[cls] = node;
        }

        children = new OpenAddressedMap(childOf.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)).ToList());
        forms = [.. formsAt.Select(list => list?.ToArray())];
    }

    /// <summary>False when no alias can start at a word with this hash followed by a word with the next hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // asked of every word of every text
    public bool MayStart(ulong word, ulong next)
    {
        // Both bit numbers are below 2^FilterBits, the table's size: no bounds check needed.
        ref ulong table = ref MemoryMarshal.GetArrayDataReference(starts);
        int single = SingleBit(word);
        int pair = PairBit(word, next);
        return (((Unsafe.Add(ref table, single >> 6) >> single) | (Unsafe.Add(ref table, pair >> 6) >> pair)) & 1) != 0;
    }

    /// <summary>Words in the longest alias.</summary>
    public int MaxWords { get; }

    /// <summary>The class of a text word's hash, or -1 when no alias has a word with that hash.</summary>
    public int Classify(ulong wordHash) => classes.Get(wordHash);

    /// <summary>The node of aliases starting with a word of this class, or -1.</summary>
    public int Root(int cls) => cls < 0 ? -1 : roots[cls];

    /// <summary>The node one word further, or -1 when no alias continues with a word of this class.</summary>
    public int Child(int node, int cls) => cls < 0 ? -1 : children.Get(Edge(node, cls));

    /// <summary>The aliases whose words end at this node, or null when it is only a prefix.</summary>
    public AliasForm[]? FormsAt(int node) => forms[node];

    private static int SingleBit(ulong word) => (int)((word * 0x9E3779B97F4A7C15UL) >> (64 - FilterBits));

    private static int PairBit(ulong word, ulong next) =>
        (int)((((word * 0xC2B2AE3D27D4EB4FUL) ^ next) * 0x9E3779B97F4A7C15UL) >> (64 - FilterBits));

    private static ulong Edge(int node, int cls) => (ulong)(uint)node << 32 | (uint)cls;

    private static int NewNode(List<List<AliasForm>?> formsAt)
    {
        formsAt.Add(null);
        return formsAt.Count - 1;
    }
}
