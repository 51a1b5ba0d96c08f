using System.Globalization;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Monitoring.Search;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// `ttdn-bench search`: the fixed query set through MediaSearch.SearchAsync (what /Monitor/Search runs: the ids page of
/// 50 and the capped count), each query warmed up then repeated, and straight after, the same two statements run directly
/// in sqlite3 or psql on the same database, all repetitions in one client process, timed by the client per statement.
/// </summary>
public static class SearchCommand
{
    public static async Task<int> RunAsync(Args a)
    {
        if (a.Get("sql") is { } label)
        {
            // The statements of the queries whose label holds the text, as the clients run them, to read or EXPLAIN by hand.
            foreach (var q in SearchQueries.All.Where(q => q.Label.Contains(label, StringComparison.OrdinalIgnoreCase)))
            {
                var (ids, count, _, dense) = SearchQueries.Sql(q.Filter, a.Get("provider", "sqlite") == "postgres");
                Console.WriteLine($"-- {q.Label}\n{ids};\n-- count\n{count};" + (dense is null ? "" : $"\n-- dense\n{dense};"));
            }
            return 0;
        }
        int repeat = a.Int("repeat", 20);
        int warmup = a.Int("warmup", 3);
        await using var media = await MediaDatabase.OpenAsync(a, fresh: false);
        await using var app = AppHost.Build(media.Settings());
        await Initialiser.RunAsync(app.Services);
        var connectionString = app.Services.GetRequiredService<DatabaseSettings>().ConnectionString;
        long items;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            items = await db.MediaItems.LongCountAsync();
            if (media.Target.IsPostgres)
            {
                // A server that has been running has statistics (autovacuum's ANALYZE); a just-loaded database may not yet.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }

        if (items == 0)
        {
            throw new BenchException("no media items in the database: run `ttdn-bench ingest` first");
        }

        Console.WriteLine($"{media.Describe()}: {items:N0} items; {SearchQueries.All.Count} queries × {repeat} (after {warmup} warm-up); load {File.ReadAllText("/proc/loadavg").Trim()}");

        // Per query, the app then the client straight after, so both see the same machine load and the same page cache.
        var appRuns = new List<(long[] Ids, int Total, bool AtLeast, double[] Ms)>();
        var directRuns = new List<(long[] Ids, double[] Ms)>();
        string version = "";
        foreach (var q in SearchQueries.All)
        {
            var appRun = await TimeAppAsync(app.Services, q.Filter, warmup, repeat);
            appRuns.Add(appRun);
            // The client runs what the app ran: the count statement only when the app needed it (decision 0022).
            var (ids, count, countInIds, idsDense) = SearchQueries.Sql(q.Filter, media.Target.IsPostgres);
            if (idsDense is not null && await DenseAsync(app.Services, count))
            {
                ids = idsDense; // newest first over dense matches: the app walked the items by date (decision 0025)
            }

            List<(string, string?)> statement = [(ids, countInIds && appRun.Ids.Length > 0 ? null : count)];
            var result = media.Target.IsPostgres
                ? DirectClient.Psql(connectionString, statement, warmup, repeat, new PostgresMediaSearch().Statements(q.Filter).Settings)
                : DirectClient.Sqlite3(Path.Combine(media.Target.DataDir, "ttdn.db"), statement, warmup, repeat);
            directRuns.Add(result.Queries[0]);
            version = result.Version;
        }

        var direct = new DirectResult(version, directRuns);
        string client = media.Target.IsPostgres ? "psql" : "sqlite3";
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}; {client}: {direct.Version}");
        Console.WriteLine();
        Console.WriteLine($"| query | hits | app p50 ms | app p95 ms | {client} p50 ms | {client} p95 ms | same ids |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|:---:|");
        for (int i = 0; i < SearchQueries.All.Count; i++)
        {
            var run = appRuns[i];
            var d = direct.Queries[i];
            bool same = run.Ids.SequenceEqual(d.Ids);
            Console.WriteLine($"| {SearchQueries.All[i].Label} | {(run.AtLeast ? "≥ " : "")}{run.Total:N0} | {P(run.Ms, 50):F1} | {P(run.Ms, 95):F1} | " +
                $"{P(d.Ms, 50):F1} | {P(d.Ms, 95):F1} | {(same ? "yes" : $"**no** ({d.Ids.Length} ids)")} |");
        }

        var allApp = appRuns.SelectMany(r => r.Ms).ToArray();
        var allDirect = direct.Queries.SelectMany(q => q.Ms).ToArray();
        Console.WriteLine($"| **all queries** | | **{P(allApp, 50):F1}** | **{P(allApp, 95):F1}** | **{P(allDirect, 50):F1}** | **{P(allDirect, 95):F1}** | |");
        Console.WriteLine();
        var slow = SearchQueries.All.Where((_, i) => P(appRuns[i].Ms, 95) >= 50).Select(q => q.Label).ToList();
        Console.WriteLine(slow.Count == 0 ? "every query's p95 < 50 ms" : $"p95 ≥ 50 ms: {string.Join("; ", slow)}");
        return 0;
    }

    /// <summary>Runs the count statement as the app does first, and applies the app's rule for which page statement follows.</summary>
    private static async Task<bool> DenseAsync(IServiceProvider services, string count)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = count;
        return (await MediaSearch.CountRowAsync(command)).Dense;
    }

    private static async Task<(long[] Ids, int Total, bool AtLeast, double[] Ms)> TimeAppAsync(IServiceProvider services, MediaFilter filter, int warmup, int repeat)
    {
        var ms = new double[repeat];
        SearchHits? hits = null;
        for (int i = -warmup; i < repeat; i++)
        {
            // A scope per search, as a page request has.
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var clock = Stopwatch.StartNew();
            hits = await MediaSearch.For(db).SearchAsync(db, filter);
            if (i >= 0)
            {
                ms[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        return ([.. hits!.Ids], hits.Total, hits.TotalIsAtLeast, ms);
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double P(double[] samples, int percent)
    {
        if (samples.Length == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
