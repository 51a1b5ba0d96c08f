using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Finds place mentions in one pass over a text; see docs/decisions/0018, 0020 and 0024. Latin-script aliases are looked up
/// in a trie over word classes (<see cref="AliasTrie"/>): the scan gives each word its class with one probe of a flat
/// table, and almost every word is rejected there; Han/kana/Hangul aliases by first char. Leftmost-longest wins, so a trap such as "Thái Bình Dương" swallows the
/// "Thái Bình" inside it. Immutable after construction: safe to share between threads.
/// </summary>
public sealed class Gazetteer
{
    private const int MaxKeptWords = 1 << 18;

    private readonly AliasTrie trie;
    // CJK aliases by first char, longest first; null for chars that start none. An array rather than a dictionary:
    // in the benchmark's Chinese texts an alias's first char comes every ~18 chars, and a dictionary lookup each time
    // cost more than the scan around it.
    private readonly CjkAlias[]?[] cjkByChar = new CjkAlias[]?[char.MaxValue + 1];
    private readonly bool hasCjk;

    // One bit per char value: a Chinese or Korean text is mostly chars no alias starts with, rejected by one read.
    private readonly ulong[] cjkFirstChars = new ulong[(char.MaxValue + 1) / 64];

    // The lowest first char of a CJK alias, and whether all first chars are word chars to the scanner: then a text
    // whose word chars or together below it cannot hold one, and (as for almost all Latin text) is not searched.
    private readonly char cjkFirst = char.MaxValue;
    private readonly bool cjkStartsWithLetter = true;

    [ThreadStatic] private static TextWord[]? wordBuffer;

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var latin = new Dictionary<(GazetteerEntry, string), AliasForm>();
        var cjkLists = new Dictionary<char, List<CjkAlias>>();
        var cjkSeen = new HashSet<(GazetteerEntry, string)>();
        foreach (var entry in entries)
        {
            foreach (string alias in entry.Aliases.Prepend(entry.Name))
            {
                string nfc = VietnameseText.Normalize(alias).Trim();
                if (nfc.Any(FoldTable.IsUnspacedScript))
                {
                    if (cjkSeen.Add((entry, nfc)))
                    {
                        cjkLists.TryAdd(nfc[0], []);
                        cjkLists[nfc[0]].Add(new CjkAlias(nfc, entry));
                    }

                    continue;
                }

                string folded = VietnameseText.FoldToWords(nfc);
                if (folded.Length == 0)
                {
                    continue;
                }

                var form = AliasForm.Create(entry, folded, nfc);
                latin[(entry, folded)] = latin.TryGetValue((entry, folded), out var known) ? known.Merge(form) : form;
            }
        }

        trie = new AliasTrie([.. latin.Values]);

        foreach (var (first, list) in cjkLists)
        {
            cjkByChar[first] = [.. list.OrderByDescending(a => a.Text.Length)];
            cjkFirstChars[first >> 6] |= 1UL << first;
            if (first >= '\u3040') // FindCjk never looks for lower first chars
            {
                cjkFirst = (char)Math.Min(cjkFirst, first);
                cjkStartsWithLetter &= FoldTable.Fold(first) > FoldTable.Ignore;
            }
        }

        hasCjk = cjkLists.Count > 0;
        AliasCount = latin.Count + cjkSeen.Count;
    }

    /// <summary>The seeded gazetteer: 34 provinces, the 63 pre-2025 names, Thái Nguyên and Điện Biên in detail.</summary>
    public static Gazetteer Default => DefaultHolder.Instance;

    /// <summary>Distinct (entry, folded alias) pairs indexed, CJK aliases included.</summary>
    public int AliasCount { get; }

    /// <summary>Mentions in text order, traps and person names removed.</summary>
    public IReadOnlyList<MentionHit> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var hits = new List<MentionHit>();
        FindLatin(text, hits, out int letterBits);
        if (hasCjk && (letterBits >= cjkFirst || !cjkStartsWithLetter))
        {
            int latinCount = hits.Count;
            FindCjk(text, hits);
            if (latinCount > 0 && hits.Count > latinCount)
            {
                hits.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }

        return hits;
    }

    /// <summary>The distinct provinces (post-2025 keys) mentioned, in order of first mention.</summary>
    public IReadOnlyList<string> Provinces(string text)
    {
        var result = new List<string>();
        foreach (var hit in Find(text))
        {
            if (hit.ProvinceKey.Length > 0 && !result.Contains(hit.ProvinceKey))
            {
                result.Add(hit.ProvinceKey);
            }
        }

        return result;
    }

    private void FindLatin(string text, List<MentionHit> hits, out int letterBits)
    {
        var words = wordBuffer ??= new TextWord[256];
        int count = AliasScanner.Scan(text, ref words, out letterBits);
        if (words.Length <= MaxKeptWords)
        {
            wordBuffer = words; // a grown buffer is kept for the thread's next text, unless one huge text grew it
        }

        bool? hasCase = null;
        int maxWords = trie.MaxWords;
        Span<int> lengths = stackalloc int[Math.Max(1, maxWords)];
        Span<int> nodes = stackalloc int[Math.Max(1, maxWords)];
        for (int i = 0; i < count; i++)
        {
            ulong next = i + 1 < count ? words[i + 1].Hash : 0;
            if (!trie.MayStart(words[i].Hash, next))
            {
                continue;
            }

            int node = trie.Root(trie.Classify(words[i].Hash));
            if (node < 0)
            {
                continue;
            }

            int found = 0;
            for (int n = 1; ; n++)
            {
                if (trie.FormsAt(node) is not null)
                {
                    lengths[found] = n;
                    nodes[found++] = node;
                }

                if (n == maxWords || i + n == count)
                {
                    break;
                }

                // The table first: the next word rarely continues any alias, and then the gap need not be read.
                node = trie.Child(node, trie.Classify(words[i + n].Hash));
                if (node < 0 || !MatchGap.IsJoining(text, words[i + n - 1].End, words[i + n].Start))
                {
                    break;
                }
            }

            // Longest first; a shorter one only when the longer is written with other diacritics ("Thái Nguyễn").
            for (int k = found - 1; k >= 0; k--)
            {
                int n = lengths[k];
                var span = new ReadOnlySpan<TextWord>(words, i, n);
                var matches = Accepted(text, trie.FormsAt(nodes[k])!, span, ref hasCase);
                if (matches.Count == 0)
                {
                    continue;
                }

                if (!matches[0].Entry.IsTrap && !PersonNames.LooksLikePerson(text, words, count, i, i + n - 1))
                {
                    int start = words[i].Start;
                    int end = words[i + n - 1].End;
                    string matched = text[start..end];
                    foreach (var form in matches)
                    {
                        if (!form.Entry.IsTrap)
                        {
                            hits.Add(new MentionHit(form.Entry.Key, form.Entry.ProvinceKey, start, end - start, matched));
                        }
                    }
                }

                i += n - 1;
                break;
            }
        }
    }

    private static List<AliasForm> Accepted(string text, AliasForm[] candidates, ReadOnlySpan<TextWord> span, ref bool? hasCase)
    {
        var result = new List<AliasForm>(1);
        foreach (var form in candidates)
        {
            if (form.Matches(text, span, ref hasCase))
            {
                result.Add(form);
            }
        }

        // A trap at the same words wins over a real entry (e.g. a foreign city spelt like a commune).
        if (result.Any(f => f.Entry.IsTrap))
        {
            result.RemoveAll(f => !f.Entry.IsTrap);
        }

        return result;
    }

    private void FindCjk(string text, List<MentionHit> hits)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '\u3040' || (cjkFirstChars[c >> 6] & (1UL << c)) == 0)
            {
                continue;
            }

            foreach (var alias in cjkByChar[c]!)
            {
                if (text.AsSpan(i).StartsWith(alias.Text, StringComparison.Ordinal))
                {
                    if (!alias.Entry.IsTrap)
                    {
                        hits.Add(new MentionHit(alias.Entry.Key, alias.Entry.ProvinceKey, i, alias.Text.Length, alias.Text));
                    }

                    i += alias.Text.Length - 1;
                    break;
                }
            }
        }
    }

    private sealed record CjkAlias(string Text, GazetteerEntry Entry);

    private static class DefaultHolder
    {
        public static readonly Gazetteer Instance = new(DefaultGazetteer.Entries());
    }
}
