using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ttdn.Monitoring.Processing;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// `ttdn-bench corpus`: a generated media corpus (JSON Lines: url, source, title, text, publishedAt, language),
/// its folded copy (one item's folded text per line, for ripgrep) and aliases.txt (the 5,000 folded aliases of
/// <see cref="LargeGazetteer"/>). Deterministic for a seed.
/// </summary>
public static class CorpusCommand
{
    public const string CorpusFile = "corpus.jsonl";
    public const string FoldedFile = "corpus.folded.txt";
    public const string AliasesFile = "aliases.txt";

    public static int Run(Args a)
    {
        int items = a.Int("items", 1_000_000);
        int aliasCount = a.Int("aliases", 5000);
        string dir = a.Get("out", "/tmp/ttdn-corpus");
        Directory.CreateDirectory(dir);
        var clock = Stopwatch.StartNew();

        var entries = LargeGazetteer.Entries(aliasCount);
        File.WriteAllLines(Path.Combine(dir, AliasesFile), LargeGazetteer.FoldedAliases(entries));

        var generator = new CorpusGenerator(a.Int("seed", 2026), DefaultGazetteer.Entries());
        using var json = new FileStream(Path.Combine(dir, CorpusFile), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        using var folded = new StreamWriter(Path.Combine(dir, FoldedFile), false, new UTF8Encoding(false), 1 << 20);
        using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long chars = 0;
        int reposts = 0;
        for (int i = 0; i < items; i++)
        {
            var item = generator.Next(i);
            reposts += item.IsRepost ? 1 : 0;
            chars += item.Text.Length;
            writer.WriteStartObject();
            writer.WriteString("url", item.Url);
            writer.WriteString("source", item.Source);
            writer.WriteString("title", item.Title);
            writer.WriteString("text", item.Text);
            writer.WriteString("publishedAt", item.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.WriteString("language", item.Language);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            json.WriteByte((byte)'\n');
            folded.Write(VietnameseText.FoldToWords(item.Text));
            folded.Write('\n');
        }

        Console.WriteLine($"{items:N0} items ({reposts:N0} re-posts, {chars / Math.Max(1, items):N0} chars of text on average), " +
            $"{aliasCount:N0} aliases → {dir} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
