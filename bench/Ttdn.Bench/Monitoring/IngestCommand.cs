using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Import;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// `ttdn-bench ingest`: a fresh app database (the app's migrations, demo data off), then the corpus through the code
/// `ttdn monitor import` runs (MediaImporter → MediaIngest: parse, fold, 5,000-alias gazetteer, fingerprint, story,
/// tone, rows, search index), with the 5,000-alias gazetteer put into MediaIngest through its Gazetteer option.
/// Reports items/s of wall time and of CPU time (this process plus, on the bench's own cluster, PostgreSQL's backends).
/// </summary>
public static class IngestCommand
{
    private const int PhaseSample = 20_000;

    public static async Task<int> RunAsync(Args a)
    {
        string dir = a.Get("dir", "/tmp/ttdn-corpus");
        long items = a.Int("items", int.MaxValue);
        string corpus = Path.Combine(dir, CorpusCommand.CorpusFile);
        if (!File.Exists(corpus))
        {
            throw new BenchException($"no corpus in {dir}: run `ttdn-bench corpus --out {dir}` first");
        }

        var gazetteer = LargeGazetteer.Build(a.Int("aliases", 5000));
        await using var media = await MediaDatabase.OpenAsync(a, fresh: true);
        await using var app = AppHost.Build(media.Settings(), b =>
            b.Services.AddSingleton(sp => new MediaIngest(sp.GetRequiredService<TimeProvider>()) { Gazetteer = gazetteer }));
        var migrated = await Initialiser.RunAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (await db.MediaItems.AnyAsync())
        {
            throw new BenchException("the database already holds media items: ingest needs an empty one (drop it or use another --connection)");
        }

        var importer = scope.ServiceProvider.GetRequiredService<MediaImporter>();
        // Read back from the container, so the line shows what MediaImporter's MediaIngest really matches with.
        int aliases = scope.ServiceProvider.GetRequiredService<MediaIngest>().Gazetteer.AliasCount;
        Console.WriteLine($"{media.Describe()}: migrated ({string.Join(", ", migrated.AppliedMigrations.DefaultIfEmpty("up to date"))}); " +
            $"MediaIngest gazetteer {aliases:N0} aliases; corpus {corpus}{(items < int.MaxValue ? $", first {items:N0} items" : "")}");
        Console.WriteLine($"before: uptime load {File.ReadAllText("/proc/loadavg").Trim()}");

        var pg = media.Cluster?.PostmasterPid();
        var self = Process.GetCurrentProcess();
        double cpu0 = self.TotalProcessorTime.TotalSeconds;
        double pgCpu0 = pg is { } p0 ? Cpu.ProcessSeconds([p0], withChildren: true) : 0;
        var machine0 = Cpu.Machine();
        var wall = Stopwatch.StartNew();
        await using var file = new LineLimitStream(File.OpenRead(corpus), items);
        var lastReport = Stopwatch.StartNew();
        var progress = new SyncProgress(n =>
        {
            if (lastReport.Elapsed.TotalSeconds < 15)
            {
                return;
            }

            lastReport.Restart();
            Console.WriteLine($"  {n:N0} lines read, {n / wall.Elapsed.TotalSeconds:N0} items/s, load {Cpu.LoadAverage()}");
        });
        var result = await importer.ImportAsync(db, file, CorpusCommand.CorpusFile, null, progress);
        double ingestSeconds = wall.Elapsed.TotalSeconds;
        var alerts = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<AlertRules>().EvaluateAsync(db); // `ttdn monitor import` does this last
        double alertSeconds = alerts.Elapsed.TotalSeconds;
        double seconds = wall.Elapsed.TotalSeconds;
        self.Refresh();
        double appCpu = self.TotalProcessorTime.TotalSeconds - cpu0;
        double pgCpu = pg is { } p1 ? Cpu.ProcessSeconds([p1], withChildren: true) - pgCpu0 : 0;
        var machine1 = Cpu.Machine();
        double busy = (double)(machine1.Busy - machine0.Busy) / Math.Max(1, machine1.Total - machine0.Total);

        long stored = await db.MediaItems.LongCountAsync();
        long mentions = await db.MediaMentions.LongCountAsync();
        long stories = await db.MediaItems.Select(i => i.ClusterId).Distinct().LongCountAsync();
        int n = result.Imported + result.Duplicates + result.Rejected.Count;
        double cpu = appCpu + pgCpu;

        Console.WriteLine();
        Console.WriteLine($"after: uptime load {File.ReadAllText("/proc/loadavg").Trim()}; machine busy {busy:P0} of {Environment.ProcessorCount} cores during the run");
        Console.WriteLine();
        Console.WriteLine("| provider | lines | imported | duplicates | rejected | MB read | wall s | items/s | CPU s (app + db) | cores used | items/s per core |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {media.Target.Provider} | {n:N0} | {result.Imported:N0} | {result.Duplicates:N0} | {result.Rejected.Count:N0} | {file.BytesRead / 1e6:N0} | " +
            $"{seconds:F1} | {n / seconds:N0} | {cpu:F1} ({appCpu:F1} + {pgCpu:F1}) | {cpu / seconds:F2} | {n / cpu:N0} |");
        Console.WriteLine();
        Console.WriteLine($"stored: {stored:N0} items, {mentions:N0} mentions, {stories:N0} stories; import {ingestSeconds:F1} s, alert rules {alertSeconds:F2} s" +
            (media.Cluster is null && media.Target.IsPostgres ? "; PostgreSQL CPU not counted (--connection: not our cluster)" : ""));
        foreach (var r in result.Rejected.Take(3))
        {
            Console.WriteLine($"  rejected line {r.Line}: {r.Reason}");
        }

        Phases(corpus, (int)Math.Min(items, PhaseSample), gazetteer, n / cpu, media.Target.IsPostgres);
        return 0;
    }

    /// <summary>
    /// After the run, on one thread, the in-memory steps of MediaIngest over the first items again, each step over all of
    /// them at once and timed in process CPU time (so other work on the machine does not count): what is left of the
    /// end-to-end CPU per item is the database (SQL, index), transactions, the story index and GC.
    /// </summary>
    private static void Phases(string corpus, int sample, Gazetteer gazetteer, double perCore, bool postgres)
    {
        var process = Process.GetCurrentProcess();
        double Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalMicroseconds;
        }

        var rows = new List<(string Name, double Us)>();
        long sink = 0;
        void Step(string name, Action run)
        {
            double before = Cpu();
            run();
            rows.Add((name, Cpu() - before));
        }

        List<IncomingItem> items = [];
        Step("parse JSON Lines", () => items = ImportFile.Read(new LineLimitStream(File.OpenRead(corpus), sample), CorpusCommand.CorpusFile)
            .Where(l => l.Item is not null).Select(l => l.Item!).ToList());
        var titles = new string[items.Count];
        var texts = new string[items.Count];
        var wholes = new string[items.Count];
        Step("normalise (NFC)", () =>
        {
            for (int i = 0; i < items.Count; i++)
            {
                titles[i] = VietnameseText.Normalize(items[i].Title?.Trim() ?? "");
                texts[i] = VietnameseText.Normalize(items[i].Text?.Trim() ?? "");
                wholes[i] = titles[i].Length == 0 ? texts[i] : titles[i] + "\n" + texts[i];
            }
        });
        Step("gazetteer (fold + 5,000 aliases)", () => { foreach (string w in wholes) { sink += gazetteer.Find(w).Count; } });
        Step("SimHash fingerprint", () => { foreach (string w in wholes) { sink += (long)(SimHash.Compute(w) & 1); } });
        Step("tone", () =>
        {
            for (int i = 0; i < items.Count; i++)
            {
                sink += (int)ToneClassifier.Classify(wholes[i], items[i].Language ?? LanguageDetector.Detect(wholes[i]));
            }
        });
        Step("search-index folding", () =>
        {
            for (int i = 0; i < items.Count; i++)
            {
                sink += SearchText.ForIndex(titles[i]).Length + SearchText.ForIndex(texts[i]).Length;
            }
        });

        // PostgreSQL only: the tsvector made in C#, then its pairs' buckets (decisions 0026, 0028).
        if (postgres)
        {
            var folded = items.Select((_, i) => (SearchText.ForIndex(titles[i]), SearchText.ForIndex(texts[i]))).ToList();
            var vectors = new List<byte[]>();
            Step("tsvector (PostgreSQL)", () =>
            {
                foreach (var (title, body) in folded)
                {
                    if (TsVectorBinary.TryBuild(title, body, ["#lvi"]) is { } v)
                    {
                        vectors.Add(v);
                    }
                }
            });
            Step("phrase pairs (PostgreSQL)", () =>
            {
                foreach (var v in vectors)
                {
                    sink += SearchPairs.OfTsVector(v).Length;
                }
            });
        }

        double endToEnd = 1e6 / perCore;
        Console.WriteLine();
        Console.WriteLine($"Per-item CPU by step (first {items.Count:N0} items again, one thread, process CPU time, after the run; checksum {sink % 10}):");
        Console.WriteLine();
        Console.WriteLine("| step | µs per item | share of end-to-end CPU per item |");
        Console.WriteLine("|---|---:|---:|");
        double known = 0;
        foreach (var (name, total) in rows)
        {
            double us = total / items.Count;
            known += us;
            Console.WriteLine($"| {name} | {us:N0} | {us / endToEnd:P0} |");
        }

        Console.WriteLine($"| rest: SQL (rows, mentions, index), transactions, story index, GC | {endToEnd - known:N0} | {(endToEnd - known) / endToEnd:P0} |");
        Console.WriteLine($"| **end to end (CPU s / item)** | **{endToEnd:N0}** | 100 % |");
    }

    /// <summary>Progress reported on the caller's thread (Progress&lt;T&gt; would post to the pool and print out of order).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
