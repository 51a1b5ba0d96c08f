using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Finds place mentions in one pass over a text; see docs/decisions/0018. Latin-script aliases are looked up as
/// hashed sequences of folded words (a first-word bit filter rejects almost every word with one memory read);
/// Han/kana/Hangul aliases by first char. Leftmost-longest wins, so a trap such as "Thái Bình Dương" swallows the
/// "Thái Bình" inside it. Immutable after construction: safe to share between threads.
/// </summary>
public sealed class Gazetteer
{
    private const int FilterBits = 1 << 16;
    private const int MaxKeptBuffer = 1 << 20;

    private readonly Dictionary<ulong, AliasForm[]?> sequences = [];
    private readonly ulong[] firstWordFilter = new ulong[FilterBits / 64];
    private readonly Dictionary<char, CjkAlias[]> cjk = [];
    private readonly int maxWords;

    [ThreadStatic] private static Word[]? wordBuffer;
    [ThreadStatic] private static char[]? foldBuffer;

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

        foreach (var form in latin.Values)
        {
            Index(form);
        }

        foreach (var (first, list) in cjkLists)
        {
            cjk[first] = [.. list.OrderByDescending(a => a.Text.Length)];
        }

        maxWords = latin.Count == 0 ? 0 : latin.Values.Max(f => f.Words.Length);
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
        FindLatin(text, hits);
        if (cjk.Count > 0)
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

    private void Index(AliasForm form)
    {
        ulong first = form.WordHashes[0];
        firstWordFilter[(first & (FilterBits - 1)) >> 6] |= 1UL << (int)(first & 63);
        ulong sequence = WordScanner.FnvOffset;
        for (int n = 0; n < form.Words.Length; n++)
        {
            sequence = WordScanner.Extend(sequence, form.WordHashes[n]);
            bool last = n == form.Words.Length - 1;
            sequences.TryGetValue(sequence, out var existing);
            if (last)
            {
                sequences[sequence] = existing is null ? [form] : [.. existing, form];
            }
            else if (!sequences.ContainsKey(sequence))
            {
                sequences[sequence] = null; // a prefix: keep extending
            }
        }
    }

    private void FindLatin(string text, List<MentionHit> hits)
    {
        var words = wordBuffer ??= new Word[256];
        var folded = foldBuffer ??= new char[4096];
        int count = WordScanner.Scan(text, ref words, ref folded, out bool hasUpper);
        if (folded.Length <= MaxKeptBuffer)
        {
            wordBuffer = words; // grown buffers are kept for the thread's next text, unless one huge text grew them
            foldBuffer = folded;
        }

        Span<int> lengths = stackalloc int[Math.Max(1, maxWords)];
        for (int i = 0; i < count; i++)
        {
            ulong first = words[i].Hash;
            if ((firstWordFilter[(first & (FilterBits - 1)) >> 6] & (1UL << (int)(first & 63))) == 0)
            {
                continue;
            }

            int found = 0;
            ulong sequence = WordScanner.FnvOffset;
            for (int n = 0; n < maxWords && i + n < count; n++)
            {
                if (n > 0 && !MatchGap.IsJoining(text, words[i + n - 1].End, words[i + n].Start))
                {
                    break;
                }

                sequence = WordScanner.Extend(sequence, words[i + n].Hash);
                if (!sequences.TryGetValue(sequence, out var forms))
                {
                    break;
                }

                if (forms is not null)
                {
                    lengths[found++] = n + 1;
                }
            }

            // Longest first; a shorter one only when the longer is written with other diacritics ("Thái Nguyễn").
            for (int k = found - 1; k >= 0; k--)
            {
                int n = lengths[k];
                var span = new ReadOnlySpan<Word>(words, i, n);
                var matches = Accepted(text, folded, span, hasUpper);
                if (matches.Count == 0)
                {
                    continue;
                }

                if (!matches[0].Entry.IsTrap && !PersonNames.LooksLikePerson(text, words, folded, count, i, i + n - 1))
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

    private List<AliasForm> Accepted(string text, char[] folded, ReadOnlySpan<Word> span, bool hasUpper)
    {
        var result = new List<AliasForm>(1);
        ulong sequence = WordScanner.FnvOffset;
        foreach (var w in span)
        {
            sequence = WordScanner.Extend(sequence, w.Hash);
        }

        foreach (var form in sequences[sequence]!)
        {
            if (form.Matches(text, folded, span, hasUpper))
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
            if (c < '\u3040' || !cjk.TryGetValue(c, out var candidates))
            {
                continue;
            }

            foreach (var alias in candidates)
            {
                if (string.CompareOrdinal(text, i, alias.Text, 0, alias.Text.Length) == 0)
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
