using System.Globalization;
using System.Text;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Bench.Monitoring;

/// <summary>One generated media item.</summary>
internal sealed record CorpusItem(string Url, string Source, string Title, string Text, DateTimeOffset PublishedAt, string Language, bool IsRepost);

/// <summary>
/// Media items in four languages (vi 70 %, en 15 %, zh 8 %, ko 7 %): Zipf-distributed words (s = 1.07),
/// text length log-uniform between 300 and 3,000 chars, a quarter of items mentioning 1–3 gazetteer names in the
/// item's script, and 5 % re-posts of a recent item with a light rewrite (new title, a sentence added, a paragraph
/// removed, or diacritics stripped).
/// </summary>
internal sealed class CorpusGenerator
{
    private const double ZipfExponent = 1.07;
    private const int RecentItems = 2000;

    private readonly Dictionary<string, (string[] Words, double[] Cdf)> vocabularies;
    private readonly Dictionary<string, string[]> mentions;
    private readonly Dictionary<string, (string Host, string Language)[]> sources;
    private readonly CorpusItem[] recent = new CorpusItem[RecentItems];
    private readonly DateTimeOffset start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private ulong state;
    private int recentCount;

    public CorpusGenerator(int seed, IReadOnlyList<GazetteerEntry> gazetteer)
    {
        state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        vocabularies = new()
        {
            ["vi"] = Zipf(CorpusWords.Vietnamese),
            ["en"] = Zipf(CorpusWords.English),
            ["zh"] = Zipf(CorpusWords.Chinese),
            ["ko"] = Zipf(CorpusWords.Korean),
        };
        var names = gazetteer.Where(e => !e.IsTrap).SelectMany(e => e.Aliases.Prepend(e.Name)).Distinct().ToList();
        mentions = new()
        {
            ["latin"] = [.. names.Where(n => !n.Any(c => c >= '\u3040'))],
            ["zh"] = [.. names.Where(n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF'))],
            ["ko"] = [.. names.Where(n => n.Any(c => c is >= '\uAC00' and <= '\uD7AF'))],
        };
        sources = CorpusWords.Sources.GroupBy(s => s.Language).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public CorpusItem Next(int index)
    {
        var item = recentCount > 0 && Uniform() < 0.05 ? Repost(index) : Original(index);
        if (!item.IsRepost)
        {
            recent[recentCount++ % RecentItems] = item;
        }

        return item;
    }

    private CorpusItem Original(int index)
    {
        double r = Uniform();
        string language = r < 0.70 ? "vi" : r < 0.85 ? "en" : r < 0.93 ? "zh" : "ko";
        var source = Pick(sources[language]);
        int target = (int)(300 * Math.Pow(10, Uniform())); // log-uniform 300–3,000
        var mentioned = new List<string>();
        if (Uniform() < 0.25)
        {
            var pool = mentions[language is "zh" or "ko" ? language : "latin"];
            int count = 1 + (int)(Uniform() * 3);
            for (int k = 0; k < count; k++)
            {
                mentioned.Add(Pick(pool));
            }
        }

        var paragraphs = new List<string>();
        int length = 0;
        while (length < target)
        {
            var sentences = new List<string>();
            int n = 2 + (int)(Uniform() * 4);
            for (int s = 0; s < n && length < target; s++)
            {
                string? name = mentioned.Count > 0 && Uniform() < 0.5 ? mentioned[^1] : null;
                if (name is not null)
                {
                    mentioned.RemoveAt(mentioned.Count - 1);
                }

                string sentence = Sentence(language, name);
                sentences.Add(sentence);
                length += sentence.Length + 1;
            }

            paragraphs.Add(string.Join(language == "zh" ? "" : " ", sentences));
        }

        string title = Sentence(language, null, words: 6 + (int)(Uniform() * 8)).TrimEnd('.', '。');
        return new CorpusItem(Url(source.Host, index), source.Host, title, string.Join("\n\n", paragraphs),
            start.AddSeconds(Uniform() * 2 * 365 * 86400), language, false);
    }

    private CorpusItem Repost(int index)
    {
        var original = recent[(int)(Uniform() * Math.Min(recentCount, RecentItems))];
        var source = Pick(sources[original.Language]);
        string title = original.Title, text = original.Text;
        var paragraphs = text.Split("\n\n");
        switch ((int)(Uniform() * 4))
        {
            case 0:
                title = Sentence(original.Language, null, words: 8).TrimEnd('.', '。');
                break;
            case 1:
                text += (original.Language == "zh" ? "" : " ") + Sentence(original.Language, null);
                break;
            case 2 when paragraphs.Length >= 3:
                text = string.Join("\n\n", paragraphs.Where((_, i) => i != paragraphs.Length / 2));
                break;
            default:
                title = StripDiacritics(title);
                text = StripDiacritics(text);
                break;
        }

        return new CorpusItem(Url(source.Host, index), source.Host, title, text, original.PublishedAt.AddHours(1 + Uniform() * 48),
            original.Language, true);
    }

    private string Sentence(string language, string? mention, int words = 0)
    {
        var (vocabulary, cdf) = vocabularies[language];
        int count = words > 0 ? words : language switch { "zh" => 12 + (int)(Uniform() * 18), "ko" => 5 + (int)(Uniform() * 8), _ => 8 + (int)(Uniform() * 17) };
        int mentionAt = mention is null ? -1 : (int)(Uniform() * count);
        var sb = new StringBuilder(count * 6);
        string separator = language == "zh" ? "" : " ";
        for (int w = 0; w < count; w++)
        {
            if (w > 0)
            {
                sb.Append(separator);
                if (language != "zh" && Uniform() < 0.06)
                {
                    sb.Insert(sb.Length - 1, ',');
                }
            }

            sb.Append(w == mentionAt ? mention : vocabulary[Rank(cdf)]);
        }

        if (language is "vi" or "en" && sb.Length > 0)
        {
            sb[0] = char.ToUpper(sb[0], CultureInfo.InvariantCulture);
        }

        sb.Append(language == "zh" ? "。" : ".");
        return sb.ToString();
    }

    private static string Url(string host, int index) => $"https://{host}/tin/{index:D8}.html";

    private static string StripDiacritics(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static (string[] Words, double[] Cdf) Zipf(string[] words)
    {
        var cdf = new double[words.Length];
        double sum = 0;
        for (int r = 0; r < words.Length; r++)
        {
            sum += 1 / Math.Pow(r + 1, ZipfExponent);
            cdf[r] = sum;
        }

        for (int r = 0; r < cdf.Length; r++)
        {
            cdf[r] /= sum;
        }

        return (words, cdf);
    }

    private int Rank(double[] cdf)
    {
        int found = Array.BinarySearch(cdf, Uniform());
        return Math.Min(found < 0 ? ~found : found, cdf.Length - 1);
    }

    private T Pick<T>(T[] items) => items[(int)(Uniform() * items.Length)];

    // xorshift64*: fast and deterministic across runtimes (System.Random's algorithm may change).
    private double Uniform()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return ((state * 2685821657736338717UL) >> 11) * (1.0 / (1UL << 53));
    }
}
