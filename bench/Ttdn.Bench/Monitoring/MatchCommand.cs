using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// `ttdn-bench match`: times the 5,000-alias gazetteer over the corpus texts (as written, folding included) and over
/// the folded copy, next to `rg -F -c -f aliases.txt` over the same folded copy, in one run, single-threaded. Also
/// times the other per-item steps (language, SimHash, tone) so the processing cost per item is visible.
/// With --items, rg reads a copy of the first that many folded lines; --gazetteer-only leaves out the other steps.
/// </summary>
public static class MatchCommand
{
    private const int Batch = 20_000;

    public static int Run(Args a)
    {
        string dir = a.Get("dir", "/tmp/ttdn-corpus");
        int limit = a.Int("items", int.MaxValue);
        bool gazetteerOnly = a.Has("gazetteer-only");
        string corpus = Path.Combine(dir, CorpusCommand.CorpusFile);
        string folded = Path.Combine(dir, CorpusCommand.FoldedFile);
        string aliases = Path.Combine(dir, CorpusCommand.AliasesFile);
        if (!File.Exists(corpus) || !File.Exists(folded) || !File.Exists(aliases))
        {
            throw new BenchException($"no corpus in {dir}: run `ttdn-bench corpus --out {dir}` first");
        }

        var gazetteer = LargeGazetteer.Build(a.Int("aliases", 5000));
        Console.WriteLine($"gazetteer: {gazetteer.AliasCount:N0} aliases; aliases.txt: {File.ReadLines(aliases).Count():N0} lines; load {Load()}");

        // Warm-up (not measured): JIT tiers and dynamic PGO settle before the clock runs.
        foreach (string t in ReadTexts(corpus).Take(5000))
        {
            _ = gazetteer.Find(t).Count + LanguageDetector.Detect(t).Length + (int)SimHash.Compute(t) + (int)ToneClassifier.Classify(t, "vi");
            _ = gazetteer.Find(Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(t)).Count;
        }

        var texts = new Timing("gazetteer, texts as written");
        var lines = new Timing("gazetteer, folded copy");
        var language = new Timing("language detection");
        var simhash = new Timing("SimHash");
        var tone = new Timing("tone");
        foreach (var batch in Batches(ReadTexts(corpus), limit))
        {
            long bytes = batch.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
            texts.Measure(batch, bytes, t => gazetteer.Find(t).Count);
            if (gazetteerOnly)
            {
                continue;
            }

            var langs = new string[batch.Count];
            language.Measure(batch, bytes, t => LanguageDetector.Detect(t).Length);
            for (int i = 0; i < batch.Count; i++)
            {
                langs[i] = LanguageDetector.Detect(batch[i]);
            }

            simhash.Measure(batch, bytes, t => (int)(SimHash.Compute(t) & 1));
            int k = 0;
            tone.Measure(batch, bytes, t => (int)ToneClassifier.Classify(t, langs[k++ % langs.Length]));
        }

        foreach (var batch in Batches(File.ReadLines(folded), limit))
        {
            lines.Measure(batch, batch.Sum(t => (long)Encoding.UTF8.GetByteCount(t) + 1), t => gazetteer.Find(t).Count);
        }

        var rg = Ripgrep(aliases, folded, limit);
        Console.WriteLine();
        Console.WriteLine("| step | items | MB | seconds | items/s | MB/s | items with a hit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in gazetteerOnly ? new[] { texts, lines } : [texts, lines, language, simhash, tone])
        {
            Console.WriteLine(t.Row(t == texts || t == lines));
        }

        if (rg is { } r)
        {
            Console.WriteLine($"| rg -F -c -f aliases.txt (folded copy) | {lines.Items:N0} | {lines.Bytes / 1e6:N0} | {r.Seconds:F2} | {lines.Items / r.Seconds:N0} | {lines.Bytes / 1e6 / r.Seconds:N0} | {r.Lines:N0} |");
            Console.WriteLine($"\ngazetteer / ripgrep throughput (same folded copy): {r.Seconds / lines.Seconds:P0}; texts as written: {r.Seconds / texts.Seconds:P0}");
            if (r.CpuSeconds > 0 && lines.CpuSeconds > 0)
            {
                Console.WriteLine($"CPU seconds: gazetteer {texts.CpuSeconds:F2} (texts as written), {lines.CpuSeconds:F2} (folded copy); rg {r.CpuSeconds:F2} (least of 3 runs); " +
                    $"gazetteer / ripgrep by CPU time: {r.CpuSeconds / lines.CpuSeconds:P0} (folded copy), {r.CpuSeconds / texts.CpuSeconds:P0} (texts as written)");
            }
        }

        return 0;
    }

    private static IEnumerable<string> ReadTexts(string corpus)
    {
        foreach (string line in File.ReadLines(corpus))
        {
            using var doc = JsonDocument.Parse(line);
            yield return doc.RootElement.GetProperty("text").GetString() ?? "";
        }
    }

    private static IEnumerable<List<string>> Batches(IEnumerable<string> source, int limit)
    {
        var batch = new List<string>(Batch);
        int n = 0;
        foreach (string s in source)
        {
            if (n++ >= limit)
            {
                break;
            }

            batch.Add(s);
            if (batch.Count == Batch)
            {
                yield return batch;
                batch = new List<string>(Batch);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static (double Seconds, long Lines, double CpuSeconds)? Ripgrep(string aliases, string folded, int limit)
    {
        string? part = null;
        if (limit != int.MaxValue)
        {
            part = Path.Combine(Path.GetTempPath(), $"ttdn-bench-folded-{Environment.ProcessId}.txt");
            File.WriteAllLines(part, File.ReadLines(folded).Take(limit));
            folded = part;
        }

        try
        {
            return BestRipgrepRun(aliases, folded);
        }
        finally
        {
            if (part is not null)
            {
                File.Delete(part);
            }
        }
    }

    private static (double Seconds, long Lines, double CpuSeconds)? BestRipgrepRun(string aliases, string folded)
    {
        (double Seconds, long Lines, double CpuSeconds)? best = null;
        for (int run = 0; run < 3; run++) // the first run also warms the page cache
        {
            var psi = new ProcessStartInfo("rg", ["-F", "-c", "-f", aliases, folded]) { RedirectStandardOutput = true };
            var clock = Stopwatch.StartNew();
            double cpuStart = CpuClock.ChildrenSeconds();
            try
            {
                using var p = Process.Start(psi)!;
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                double seconds = clock.Elapsed.TotalSeconds;
                double cpu = CpuClock.ChildrenSeconds() - cpuStart;
                long count = long.TryParse(output.Trim(), out long c) ? c : -1;
                if (best is null || seconds < best.Value.Seconds)
                {
                    best = (seconds, count, best is null ? cpu : Math.Min(cpu, best.Value.CpuSeconds));
                }
                else
                {
                    best = best.Value with { CpuSeconds = Math.Min(cpu, best.Value.CpuSeconds) };
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.WriteLine("rg: not installed (scripts/install-test-deps.sh installs ripgrep)");
                return null;
            }
        }

        return best;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class Timing(string name)
    {
        private readonly Stopwatch clock = new();
        private double cpu;

        public long Items { get; private set; }

        public long Bytes { get; private set; }

        public double Seconds => clock.Elapsed.TotalSeconds;

        /// <summary>CPU time of the measuring thread.</summary>
        public double CpuSeconds => cpu;

        private long hits;

        public void Measure(List<string> batch, long bytes, Func<string, int> step)
        {
            double cpuStart = CpuClock.ThreadSeconds();
            clock.Start();
            foreach (string t in batch)
            {
                hits += step(t) > 0 ? 1 : 0;
            }

            clock.Stop();
            cpu += CpuClock.ThreadSeconds() - cpuStart;
            Items += batch.Count;
            Bytes += bytes;
        }

        public string Row(bool showHits) =>
            $"| {name} | {Items:N0} | {Bytes / 1e6:N0} | {Seconds:F2} | {Items / Seconds:N0} | {Bytes / 1e6 / Seconds:N0} | {(showHits ? hits.ToString("N0") : "")} |";
    }
}
