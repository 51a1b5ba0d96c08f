using System.Text;
using Ttdn.Monitoring.Processing;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Tests.Monitoring.Processing;

/// <summary>
/// The fast matcher (decision 0020) against a naive one on texts made of the 5,000-alias benchmark gazetteer's names
/// and filler words: leftmost-longest over folded words, by trying every phrase length at every word.
/// </summary>
public class GazetteerReferenceTests
{
    private static readonly IReadOnlyList<GazetteerEntry> Entries = LargeGazetteer.Entries(5000);
    private static readonly Gazetteer Large = new(Entries);

    // Common words that are in no alias, and "xã", which starts 5,000 of them, so phrases are tried and rejected.
    private static readonly string[] Fillers =
    [
        .. new[]
        {
            "hôm", "nay", "hội", "cửa", "nam", "hà", "la", "lễ", "mùa", "lúa", "rất", "đẹp", "khách", "news", "the",
            "festival", "2026", "số", "một", "tân", "an", "người", "dân", "đã", "của",
        }.Where(w => !Entries.SelectMany(e => e.Aliases.Prepend(e.Name))
            .Any(a => VietnameseText.FoldToWords(a).Split(' ').Contains(VietnameseText.FoldToWords(w)))),
        "xã",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", ", ", ". ", "\n", " – ", " ("];

    // For "ascii runs": gaps of non-ASCII separators and space runs that shift names across vector boundaries.
    private static readonly string[] ShiftingGaps = [.. Gaps, "  ", "—", " « ", "…", "\u00A0"];

    // What ends a name between two of its words (MatchGap); a dot or a dash does not ("TP.HCM", "Bà Rịa – Vũng Tàu").
    private static readonly char[] Breaking = [.. ",;:!?()[]\"“”|/\n\r\t"];

    // "ascii runs": as written, among ASCII words of 1 to 40 chars (no alias has them) that the vectorised
    // tokeniser (decision 0024) reads in bulk, so names start and end at every offset of its vectors.
    public static TheoryData<string> Writings => ["as written", "nfd", "upper", "folded", "ascii runs"];

    [Theory]
    [MemberData(nameof(Writings))]
    public void Finds_what_a_naive_leftmost_longest_matcher_finds(string writing)
    {
        // Only the generated communes and the names no rule treats specially (no trap, no person look-alike).
        var names = Entries.Where(e => e.Key.Contains(":gen-", StringComparison.Ordinal)).Select(e => e.Name).ToArray();
        var byPhrase = Entries.Where(e => !e.IsTrap)
            .SelectMany(e => e.Aliases.Prepend(e.Name).Select(a => (Phrase: VietnameseText.FoldToWords(a), e.Key)))
            .Where(p => p.Phrase.Length > 0 && !p.Phrase.Any(FoldTable.IsUnspacedScript))
            .GroupBy(p => p.Phrase)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).Distinct().Order(StringComparer.Ordinal).ToList());
        int maxWords = byPhrase.Keys.Max(p => p.Split(' ').Length);
        var random = new Random(2026);
        int mentions = 0;
        for (int n = 0; n < 300; n++)
        {
            var (text, words) = Generate(random, names, writing);
            var expected = Naive(words, byPhrase, maxWords);
            var actual = Large.Find(text).Select(h => (h.Start, h.Length, h.EntryKey)).Order().ToList();
            Assert.Equal(expected, actual);
            mentions += expected.Count;
        }

        Assert.True(mentions > 500, $"only {mentions} mentions generated");
    }

    private static (string Text, List<(int Start, int End, string Folded, bool JoinedToPrevious)> Words) Generate(
        Random random, string[] names, string writing)
    {
        var text = new StringBuilder();
        var words = new List<(int, int, string, bool)>();
        int pieces = random.Next(5, 40);
        bool lastWasName = false;
        for (int p = 0; p < pieces; p++)
        {
            var gaps = writing == "ascii runs" ? ShiftingGaps : Gaps;
            string gap = p == 0 ? "" : gaps[random.Next(gaps.Length)];
            text.Append(gap);

            // Never two names in a row: "xã Tân Quang xã An Lộc" reads "Quang" as a family name before a person.
            bool name = !lastWasName && random.Next(3) == 0;
            lastWasName = name;
            string piece = name ? names[random.Next(names.Length)]
                : writing == "ascii runs" && random.Next(2) == 0 ? AsciiRun(random)
                : Fillers[random.Next(Fillers.Length)];
            var tokens = piece.Split(' ');
            for (int t = 0; t < tokens.Length; t++)
            {
                if (t > 0)
                {
                    text.Append(' ');
                }

                string token = writing switch
                {
                    "nfd" => tokens[t].Normalize(NormalizationForm.FormD),
                    "upper" => tokens[t].ToUpperInvariant(),
                    "folded" => VietnameseText.FoldToWords(tokens[t]),
                    _ => tokens[t],
                };
                words.Add((text.Length, text.Length + token.Length, VietnameseText.FoldToWords(tokens[t]), t > 0 || gap.IndexOfAny(Breaking) < 0));
                text.Append(token);
            }
        }

        return (text.ToString(), words);
    }

    private static string AsciiRun(Random random)
    {
        const string chars = "qwzjxQWZJX0123456789";
        return new string([.. Enumerable.Range(0, random.Next(1, 41)).Select(_ => chars[random.Next(chars.Length)])]);
    }

    private static List<(int, int, string)> Naive(
        List<(int Start, int End, string Folded, bool JoinedToPrevious)> words, Dictionary<string, List<string>> byPhrase, int maxWords)
    {
        var hits = new List<(int, int, string)>();
        for (int i = 0; i < words.Count; i++)
        {
            for (int n = Math.Min(maxWords, words.Count - i); n >= 1; n--)
            {
                bool oneName = Enumerable.Range(i + 1, n - 1).All(k => words[k].JoinedToPrevious);
                string phrase = string.Join(' ', words.Skip(i).Take(n).Select(w => w.Folded));
                if (oneName && byPhrase.TryGetValue(phrase, out var keys))
                {
                    hits.AddRange(keys.Select(k => (words[i].Start, words[i + n - 1].End - words[i].Start, k)));
                    i += n - 1;
                    break;
                }
            }
        }

        return [.. hits.Order()];
    }
}
