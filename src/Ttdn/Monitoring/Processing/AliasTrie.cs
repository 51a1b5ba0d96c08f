namespace Ttdn.Monitoring.Processing;

/// <summary>
/// The Latin-script aliases as a trie over word classes. A class is a word hash (<see cref="AliasScanner.Hash"/>)
/// that some alias word has; words of different spelling may share one, so the forms at a node are candidates that
/// <see cref="AliasForm.Matches"/> still verifies. A text word outside every class stops a phrase at once.
/// </summary>
internal sealed class AliasTrie
{
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

    private static ulong Edge(int node, int cls) => (ulong)(uint)node << 32 | (uint)cls;

    private static int NewNode(List<List<AliasForm>?> formsAt)
    {
        formsAt.Add(null);
        return formsAt.Count - 1;
    }
}
