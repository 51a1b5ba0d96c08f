using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Plans;
using Ttdn.Tasks;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Bench;

/// <summary>
/// Where the time of the two pages goes, without HTTP: the data access each page model does (the same calls, in the same order),
/// timed with a stopwatch, and every SQL command EF Core sends, timed from EF's own diagnostic events (execution until the first
/// row, then reading all rows). Single-threaded, so the numbers are service times, not queueing.
/// </summary>
public static partial class ProfileCommand
{
    private sealed class Stat
    {
        public string Sql = "";
        public string RawSql = "";
        public int Count;
        public double ExecMs, ReadMs;
        public long Rows;
        public List<(string Name, object? Value)> Parameters = [];
    }

    private static readonly ConcurrentDictionary<Guid, List<(string, object?)>> ParametersOf = new();

    private static readonly ConcurrentDictionary<Guid, double> Executed = new();
    private static readonly ConcurrentDictionary<string, Stat> Stats = new(StringComparer.Ordinal);
    private static volatile string _operation = "";

    public static async Task<int> RunAsync(Args a)
    {
        PgCluster? cluster = null;
        try
        {
            var target = Target.From(a);
            if (target.IsPostgres && target.Connection is null)
            {
                cluster = await PgCluster.StartAsync(a.Get("pg-root") ?? throw new BenchException("profile --provider postgres needs --connection or --pg-root"), Console.Out);
                target = target with { Connection = (await cluster.DatabaseAsync("ttdn_bench")).ConnectionString };
            }
            return await ProfileAsync(a, target);
        }
        finally
        {
            cluster?.Stop(Console.Out);
        }
    }

    private static async Task<int> ProfileAsync(Args a, Target target)
    {
        Console.WriteLine($"app code: {RunCommand.AppVersion()}");
        var options = GenerateCommand.Options(a);
        var iterations = a.Int("iterations", 20);
        var users = a.Int("users", 50);
        var today = options.Today;
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(l =>
        {
            if (l.Name == DbLoggerCategory.Name) l.Subscribe(new Observer<KeyValuePair<string, object?>>(OnEvent));
        }));

        await using var app = AppHost.Build(target.Settings());
        var accounts = new List<(string User, int Org, int Plan)>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Number, p.PeriodStart }).ToListAsync();
            for (var i = 0; i < users; i++)
            {
                var province = i % options.Provinces + 1;
                var name = $"cb-{province:00}-{i % 15 + 1:00}";
                var org = await db.Users.Where(u => u.UserName == name).Select(u => u.OrganisationId).SingleAsync();
                var plan = plans.Where(p => p.Number == $"{100 + province}/KH-UBND").OrderByDescending(p => p.PeriodStart).First().Id;
                accounts.Add((name, org, plan));
            }
        }

        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        async Task Time(string op, Func<AppDb, Task<int>> work, bool record)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            _operation = record ? op : "";
            // As the app's request localisation does; an async method's culture does not leak back to its caller.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Ttdn.Shared.Lang.Vietnamese;
            var sw = Stopwatch.StartNew();
            var n = await work(db);
            sw.Stop();
            _operation = "";
            if (!record) return;
            (timings.TryGetValue(op, out var t) ? t : timings[op] = []).Add(sw.Elapsed.TotalMilliseconds);
            (rows.TryGetValue(op, out var r) ? r : rows[op] = []).Add(n);
        }

        var variants = a.Has("variants");
        for (var i = -3; i < iterations; i++) // three rounds of warm-up (JIT, query cache, page cache)
        {
            var (_, org, plan) = accounts[(i + 3) % accounts.Count];
            await Time("Mine (MineModel.OnGetAsync)", db => MineAsync(db, org, today), i >= 0);
            await Time("Dashboard (DashboardModel.OnGetAsync)", db => DashboardAsync(db, plan, today), i >= 0);
            if (!variants) continue;
            await Time("Mine, proposed query", db => ProposedMineAsync(db, org, today), i >= 0);
            await Time("Dashboard, proposed query", db => ProposedDashboardAsync(db, plan, today), i >= 0);
            await Time("Dashboard, tallies in SQL", db => AggregatedDashboardAsync(db, plan, today), i >= 0);
        }
        if (variants)
            foreach (var (page, proposed) in new[] { ("Mine (MineModel.OnGetAsync)", "Mine, proposed query"), ("Dashboard (DashboardModel.OnGetAsync)", "Dashboard, proposed query"),
                ("Dashboard (DashboardModel.OnGetAsync)", "Dashboard, tallies in SQL") })
            {
                if (!rows[page].SequenceEqual(rows[proposed]))
                    throw new BenchException($"{proposed} does not give the same result as {page}: {string.Join(",", rows[page].Take(5))} vs {string.Join(",", rows[proposed].Take(5))}");
                Console.WriteLine($"{proposed}: same results as the current code on all {rows[page].Count} pages");
            }

        Console.WriteLine($"profile of {target.Provider}, {iterations} iterations over {accounts.Count} users, today {today:yyyy-MM-dd}");
        foreach (var (op, list) in timings)
        {
            var sorted = list.Order().ToArray();
            Console.WriteLine($"\n## {op}: mean {list.Average():F1} ms, median {sorted[sorted.Length / 2]:F1} ms, max {sorted[^1]:F1} ms; " +
                $"rows in the page model: mean {rows[op].Average():N0}");
            var sqlMs = 0.0;
            foreach (var s in Stats.Values.Where(s => s.Sql.StartsWith(op + "|", StringComparison.Ordinal)).OrderByDescending(s => s.ExecMs + s.ReadMs))
            {
                var per = (s.ExecMs + s.ReadMs) / iterations;
                sqlMs += per;
                Console.WriteLine($"- {per,7:F1} ms/page (execute {s.ExecMs / s.Count:F1} + read {s.ReadMs / s.Count:F1} ms, {s.Rows / (double)s.Count:N0} rows, " +
                    $"{s.Count / (double)iterations:F0}×/page): {Shorten(s.Sql[(op.Length + 1)..])}");
            }
            Console.WriteLine($"  SQL total {sqlMs:F1} ms/page; the rest ({list.Average() - sqlMs:F1} ms) is EF materialisation after reading and the page model's own work");
        }
        if (a.Has("sql") || a.Has("explain"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var connection = scope.ServiceProvider.GetRequiredService<AppDb>().Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var s in Stats.Values.OrderByDescending(s => s.ExecMs + s.ReadMs))
            {
                var bar = s.Sql.IndexOf('|', StringComparison.Ordinal);
                var sql = s.RawSql;
                Console.WriteLine($"\n-- {s.Sql[..bar]}; parameters: {string.Join(", ", s.Parameters.Select(p => $"{p.Name}={p.Value}"))}\n{sql}");
                if (!a.Has("explain")) continue;
                System.Data.Common.DbCommand Command(string text)
                {
                    var cmd = connection.CreateCommand();
                    cmd.CommandText = text;
                    foreach (var (name, value) in s.Parameters)
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = name;
                        p.Value = value ?? DBNull.Value;
                        cmd.Parameters.Add(p);
                    }
                    return cmd;
                }
                await using (var explain = Command((target.IsPostgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql))
                await using (var r = await explain.ExecuteReaderAsync())
                    while (await r.ReadAsync())
                        Console.WriteLine("   " + (target.IsPostgres ? r.GetString(0) : $"{r.GetValue(0)} {r.GetValue(1)} {r.GetString(r.FieldCount - 1)}"));
                // The same SQL without EF: how long the database itself takes to produce and hand over every row.
                var times = new List<double>();
                long count = 0;
                for (var i = 0; i < 5; i++)
                {
                    await using var raw = Command(sql);
                    var sw = Stopwatch.StartNew();
                    await using (var r = await raw.ExecuteReaderAsync())
                    {
                        count = 0;
                        while (await r.ReadAsync()) count++;
                    }
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine($"   raw ADO.NET: {count:N0} rows, median {times.Order().ElementAt(2):F1} ms (5 runs)");
            }
        }
        return 0;
    }

    /// <summary>The page model of /Tasks/Mine itself (src/Ttdn/Tasks/Mine.cshtml.cs): everything but Razor rendering and HTTP.</summary>
    private static async Task<int> MineAsync(AppDb db, int org, DateOnly today)
    {
        // A new cache per call: the profile measures computing the page, not serving it from the cache.
        var clock = new FixedClock(today);
        var page = new MineModel(db, new Ttdn.Shared.ReadModelCache(clock), clock) { PageContext = Context(org) };
        await page.OnGetAsync(CancellationToken.None);
        return page.Items.Count * 10_000 + page.OverdueCount * 100 + page.DueSoonCount;
    }

    /// <summary>An agency officer of <paramref name="org"/>, as the sign-in cookie describes them.</summary>
    private static Microsoft.AspNetCore.Mvc.RazorPages.PageContext Context(int org)
    {
        var identity = new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.Name, "bench"), new(System.Security.Claims.ClaimTypes.Role, Accounts.Roles.AgencyOfficer),
            new(Accounts.CurrentUser.OrganisationClaim, org.ToString(CultureInfo.InvariantCulture)),
        ], "bench");
        return new Microsoft.AspNetCore.Mvc.RazorPages.PageContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { User = new(identity) } };
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
    }

    /// <summary>
    /// The change proposed for MineModel (docs/benchmarks.md): let the database do the filtering the page model now does in memory
    /// (plans in force; due in the period or still open), find the organisation's duties through the two indexes
    /// (PlanTasks.LeadAgencyId, TaskCoordinators.OrganisationId) instead of an OR that forces a scan, and read only the columns the
    /// page shows (no coordinator, theme or channel lists, whose single-query joins multiply the rows).
    /// Returns the same number as <see cref="MineAsync"/>.
    /// </summary>
    private static async Task<int> ProposedMineAsync(AppDb db, int org, DateOnly today)
    {
        var from = new DateOnly(today.Year, today.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync();
        var led = db.PlanTasks.Where(t => t.LeadAgencyId == org).Select(t => t.Id);
        var coordinated = db.Set<TaskCoordinator>().Where(c => c.OrganisationId == org).Select(c => c.PlanTaskId);
        var ids = led.Union(coordinated);
        var raw = await db.TaskOccurrences.AsNoTracking()
            .Where(o => ids.Contains(o.PlanTaskId))
            .Where(o => o.Task!.Plan!.Status == PlanStatus.Issued || o.Task.Plan.Status == PlanStatus.Amended)
            .Where(o => o.CompletedOn == null || o.CompletedOn > today || ((o.ExtendedTo ?? o.Due) >= from && (o.ExtendedTo ?? o.Due) <= to))
            .Select(o => new
            {
                o.PlanTaskId, o.Task!.PlanId, o.Task.Plan!.Number, o.Task.Plan.Title, o.Task.Order, o.Task.Text, o.Task.LeadAgencyId,
                Lead = o.Task.LeadAgency!.Name, o.Task.DeadlineText, o.Task.Recurrence, o.Id, o.Start, o.End, o.Due, o.ExtendedTo, o.StartedOn, o.CompletedOn, o.Percent,
            })
            .ToListAsync();
        var all = raw.Select(r => (Due: r.ExtendedTo ?? r.Due, Status: TaskOccurrence.StatusOf(r.ExtendedTo ?? r.Due, r.StartedOn, r.CompletedOn, today))).ToList();
        var shown = all.Count(r => r.Due >= from && r.Due <= to) + all.Count(r => r.Due < from && TaskStatusRules.IsOverdue(r.Status));
        var overdue = all.Count(r => TaskStatusRules.IsOverdue(r.Status));
        var dueSoon = all.Count(r => !TaskStatusRules.IsDone(r.Status) && today <= r.Due && r.Due <= today.AddDays(MineModel.DueSoonDays));
        return name is null ? -1 : shown * 10_000 + overdue * 100 + dueSoon;
    }

    /// <summary>
    /// The change proposed for DashboardApi.LoadAsync / TaskQueries.ListAsync: the dashboard reads the occurrences without the coordinator
    /// and channel lists it never shows, and the theme links in a second small query, so no row multiplication and no scan of all
    /// TaskCoordinators. Returns the same number as <see cref="DashboardAsync"/> (occurrences begun).
    /// </summary>
    private static async Task<int> ProposedDashboardAsync(AppDb db, int plan, DateOnly today)
    {
        var header = await db.Plans.AsNoTracking().Where(p => p.Id == plan).Select(p => new { p.Id, p.Number, p.Title, p.Status, p.PeriodStart, p.PeriodEnd }).SingleOrDefaultAsync();
        var raw = await db.TaskOccurrences.AsNoTracking().Where(o => o.Task!.PlanId == plan && o.Start <= today)
            .Select(o => new
            {
                o.PlanTaskId, o.Task!.Order, o.Task.Text, o.Task.LeadAgencyId, Lead = o.Task.LeadAgency!.Name, o.Task.Recurrence,
                o.Id, o.Start, o.End, o.Due, o.ExtendedTo, o.StartedOn, o.CompletedOn, o.Percent,
            })
            .ToListAsync();
        var links = await (from p in db.PlanTasks.AsNoTracking()
                           join t in db.Set<TaskTheme>() on p.Id equals t.PlanTaskId
                           where p.PlanId == plan
                           select new { t.PlanTaskId, t.ThemeId }).ToListAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == plan).OrderBy(t => t.Order).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync();
        var themesOf = links.ToLookup(l => l.PlanTaskId, l => l.ThemeId);
        var rows = raw.Select(r => (r.LeadAgencyId, r.Lead, Themes: themesOf[r.PlanTaskId],
            Status: TaskOccurrence.StatusOf(r.ExtendedTo ?? r.Due, r.StartedOn, r.CompletedOn, today))).ToList();
        var byAgency = rows.GroupBy(r => r.LeadAgencyId).Select(g => g.Count(r => TaskStatusRules.IsOverdue(r.Status))).ToList();
        var byTheme = themes.Select(t => rows.Count(r => r.Themes.Contains(t.Id))).ToList();
        var picker = await db.Plans.AsNoTracking()
            .Where(p => p.Id == plan || p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amended || p.Status == PlanStatus.Closed)
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).Select(p => new { p.Id, p.Number, p.Title }).ToListAsync();
        return header is null ? -1 : rows.Count + 0 * (byAgency.Count + byTheme.Count + picker.Count);
    }

    /// <summary>
    /// The dashboard's counts computed by the database (GROUP BY lead agency / theme and status, the status rule of
    /// TaskStatusRules.Compute written as a CASE), and only the overdue occurrences read as rows (they are listed with their text).
    /// Returns the same number as <see cref="DashboardAsync"/>.
    /// </summary>
    private static async Task<int> AggregatedDashboardAsync(AppDb db, int plan, DateOnly asOf)
    {
        var header = await db.Plans.AsNoTracking().Where(p => p.Id == plan).Select(p => new { p.Id, p.Number, p.Title, p.Status, p.PeriodStart, p.PeriodEnd }).SingleOrDefaultAsync();
        var occurrences = db.TaskOccurrences.AsNoTracking().Where(o => o.Task!.PlanId == plan && o.Start <= asOf)
            .Select(o => new
            {
                o.PlanTaskId, o.Task!.LeadAgencyId, Due = o.ExtendedTo ?? o.Due,
                Done = o.CompletedOn <= asOf ? o.CompletedOn : null, Started = o.StartedOn <= asOf || o.CompletedOn <= asOf,
            })
            .Select(x => new
            {
                x.PlanTaskId, x.LeadAgencyId,
                Status = x.Done != null ? (x.Done <= x.Due ? TaskStatus.DoneOnTime : TaskStatus.DoneLate)
                    : asOf > x.Due ? TaskStatus.InProgressOverdue : x.Started ? TaskStatus.InProgressOnTime : TaskStatus.NotStarted,
            });
        var byAgency = await occurrences.GroupBy(x => new { x.LeadAgencyId, x.Status }).Select(g => new { g.Key.LeadAgencyId, g.Key.Status, Count = g.Count() }).ToListAsync();
        var byTheme = await (from x in occurrences
                             join t in db.Set<TaskTheme>() on x.PlanTaskId equals t.PlanTaskId
                             group x by new { t.ThemeId, x.Status } into g
                             select new { g.Key.ThemeId, g.Key.Status, Count = g.Count() }).ToListAsync();
        var agencyIds = byAgency.Select(g => g.LeadAgencyId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => agencyIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync();
        var overdue = await db.TaskOccurrences.AsNoTracking()
            .Where(o => o.Task!.PlanId == plan && o.Start <= asOf && !(o.CompletedOn <= asOf) && (o.ExtendedTo ?? o.Due) < asOf)
            .Select(o => new { o.PlanTaskId, o.Id, o.Task!.Text, o.Task.LeadAgencyId, o.Task.Recurrence, o.Start, o.End, Due = o.ExtendedTo ?? o.Due, o.Percent })
            .ToListAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == plan).OrderBy(t => t.Order).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync();
        var picker = await db.Plans.AsNoTracking()
            .Where(p => p.Id == plan || p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amended || p.Status == PlanStatus.Closed)
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).Select(p => new { p.Id, p.Number, p.Title }).ToListAsync();
        var overdueCounted = byAgency.Where(g => g.Status == TaskStatus.InProgressOverdue).Sum(g => g.Count);
        if (overdueCounted != overdue.Count) throw new BenchException($"overdue: {overdueCounted} counted, {overdue.Count} listed");
        return header is null ? -1 : byAgency.Sum(g => g.Count) + 0 * (byTheme.Count + names.Count + themes.Count + picker.Count);
    }

    /// <summary>The page model of /Plans/{id}/Dashboard itself (src/Ttdn/Plans/Dashboard.cshtml.cs), charts included; no Razor, no HTTP.</summary>
    private static async Task<int> DashboardAsync(AppDb db, int plan, DateOnly today)
    {
        // A fresh cache each time: the profile measures the computation, not a cache hit.
        var clock = new FixedClock(today);
        var page = new DashboardModel(db, new Ttdn.Shared.ReadModelCache(clock), clock) { PageContext = Context(0) };
        await page.OnGetAsync(plan, CancellationToken.None);
        return page.Data.Overall.Total;
    }

    private static void OnEvent(KeyValuePair<string, object?> e)
    {
        var op = _operation;
        if (op.Length == 0) return;
        if (e.Value is CommandExecutedEventData executed)
        {
            Executed[executed.CommandId] = executed.Duration.TotalMilliseconds;
            ParametersOf[executed.CommandId] = executed.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        }
        else if (e.Value is DataReaderDisposingEventData disposing)
        {
            var exec = Executed.TryRemove(disposing.CommandId, out var x) ? x : 0;
            var s = Stats.GetOrAdd(op + "|" + InList().Replace(disposing.Command.CommandText, "IN (@$1…)"), k => new Stat { Sql = k, RawSql = disposing.Command.CommandText });
            ParametersOf.TryRemove(disposing.CommandId, out var parameters);
            lock (s)
            {
                if (s.Parameters.Count == 0 && parameters is not null) s.Parameters = parameters;
                s.Count++;
                s.ExecMs += exec;
                s.ReadMs += Math.Max(0, disposing.Duration.TotalMilliseconds - exec);
                s.Rows += disposing.ReadCount;
            }
        }
    }

    private static string Shorten(string sql)
    {
        var one = Spaces().Replace(sql, " ");
        return one.Length > 160 ? one[..160] + " …" : one;
    }

    /// <summary>EF Core expands a list parameter into one parameter per element: one statement whatever the length.</summary>
    [GeneratedRegex(@"IN \(@(\w+?)\d+(?:, @\w+?\d+)*\)")]
    private static partial Regex InList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(T value) => next(value);
    }
}
