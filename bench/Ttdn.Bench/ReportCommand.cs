using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Reports;

namespace Ttdn.Bench;

/// <summary>
/// <c>report</c>: consolidating one province's annual report on a national-scale database (issue 5: under 1 s), on SQLite or
/// PostgreSQL. Files an accepted report with every indicator for each reporting agency of province 1's last complete year
/// (once), then times, in the same run, the consolidation (<see cref="Consolidation.ProvinceAsync"/>), the document model and
/// workbook built from it, and a peer: the same indicator sums by agency and part done by one hand-written GROUP BY over the
/// same tables on the raw connection — the floor of what the database can do for the figures. It writes: run it on a copy.
/// </summary>
public static class ReportCommand
{
    /// <summary>The PostgreSQL database the command writes its reports into: a copy of the generated one, so <c>run</c>'s data stays untouched.</summary>
    public const string PgDatabase = "ttdn_bench_report", PgSource = "ttdn_bench";

    public static async Task<int> RunAsync(Args a)
    {
        PgCluster? cluster = null;
        try
        {
            var target = Target.From(a);
            if (target.IsPostgres && target.Connection is null)
            {
                cluster = await PgCluster.StartAsync(a.Get("pg-root"), Console.Out);
                target = target with { Connection = await CopyOrCreateAsync(cluster) };
            }
            await GenerateCommand.GenerateAsync(target, GenerateCommand.Options(a), Console.Out, skipIfPresent: true);
            return await MeasureAsync(a, target);
        }
        finally
        {
            cluster?.Stop(Console.Out);
        }
    }

    /// <summary>The report database: when missing, a file-level copy of the generated database if there is one (seconds), else empty (generated next).</summary>
    private static async Task<string> CopyOrCreateAsync(PgCluster cluster)
    {
        await using var c = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await c.OpenAsync();
        async Task<bool> ExistsAsync(string name)
        {
            await using var q = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", c);
            q.Parameters.AddWithValue("n", name);
            return await q.ExecuteScalarAsync() is not null;
        }
        if (!await ExistsAsync(PgDatabase) && await ExistsAsync(PgSource))
        {
            await using var copy = new NpgsqlCommand($"CREATE DATABASE \"{PgDatabase}\" TEMPLATE \"{PgSource}\"", c);
            await copy.ExecuteNonQueryAsync();
            Console.WriteLine($"copied {PgSource} to {PgDatabase}");
        }
        return (await cluster.DatabaseAsync(PgDatabase)).ConnectionString;
    }

    private static async Task<int> MeasureAsync(Args a, Target target)
    {
        var iterations = a.Int("iterations", 20);
        var today = GenerateCommand.Options(a).Today;
        await using var app = AppHost.Build(target.Settings());
        int planId, templateId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            scope.ServiceProvider.GetRequiredService<Ttdn.Audit.AuditTrail>().BackgroundActor = "bench";
            await Initialiser.RunAsync(app.Services);
            await DefaultTemplates.EnsureAsync(db);
            planId = await db.Plans.Where(p => p.Number == "101/KH-UBND" && p.PeriodEnd < today).OrderByDescending(p => p.PeriodEnd).Select(p => p.Id).FirstAsync();
            templateId = (await ReportActions.TemplateAsync(db, DefaultTemplates.Annual)).Id;
            await FileReportsAsync(db, planId);
        }
        var year = await Scoped(app, db => db.Plans.Where(p => p.Id == planId).Select(p => p.PeriodStart.Year).SingleAsync());
        var period = ReportingPeriod.Year(year);
        var connectionString = app.Services.GetRequiredService<DatabaseSettings>().ConnectionString;

        var consolidation = new List<double>();
        var rendering = new List<double>();
        var peer = new List<double>();
        (int Sources, int Tasks, decimal Total) shape = default;
        var peerTotal = 0m;
        var peerRows = 0;
        for (var i = -3; i < iterations; i++) // three rounds of warm-up (JIT, query cache, page cache)
        {
            var sw = Stopwatch.StartNew();
            var result = await Scoped(app, async db =>
                await Consolidation.ProvinceAsync(db, planId, await ReportActions.TemplateAsync(db, DefaultTemplates.Annual), period, today));
            var consolidated = sw.Elapsed.TotalMilliseconds;
            _ = ReportDocument.Build(result);
            _ = IndicatorSpreadsheet.Write(result);
            var rendered = sw.Elapsed.TotalMilliseconds - consolidated;
            shape = (result.Sources.Count, result.Tasks.Count, result.Indicators.Sum(s => s.Total));

            sw.Restart();
            await using (var c = await GenerateCommand.OpenAsync(target, connectionString))
                (peerRows, peerTotal) = await PeerAsync(c, planId, templateId, period.Label);
            var peered = sw.Elapsed.TotalMilliseconds;
            if (i < 0) continue;
            consolidation.Add(consolidated);
            rendering.Add(rendered);
            peer.Add(peered);
        }
        // The peer must have summed the same figures, else the comparison means nothing.
        if (Math.Abs(peerTotal - shape.Total) > 0.01m) throw new BenchException($"the SQL peer sums {peerTotal} but the consolidation {shape.Total}");

        Console.WriteLine($"report consolidation on {target.Provider}, plan 101/KH-UBND {year}: {shape.Sources} agency reports, {shape.Tasks} task rows, " +
            $"sum of all figures {shape.Total:N0} (the SQL peer: the same, in {peerRows} groups), {iterations} iterations after 3 warm-up rounds");
        Console.WriteLine("| step | mean ms | median ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, times) in new[]
        {
            ("Consolidation.ProvinceAsync (sums, narratives, last year, targets, tasks)", consolidation),
            ("ReportDocument.Build + IndicatorSpreadsheet.Write", rendering),
            ("total (what the consolidation page / `ttdn report render` costs)", consolidation.Zip(rendering, (x, y) => x + y).ToList()),
            ("peer: one SQL GROUP BY of the same figures (new connection, read all rows)", peer),
        })
        {
            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times.Average():F1} | {sorted[sorted.Length / 2]:F1} | {sorted[^1]:F1} |"));
        }
        return 0;
    }

    /// <summary>The figures of the period's submitted and accepted reports summed by indicator, part and agency in the database.</summary>
    private static async Task<(int Rows, decimal Total)> PeerAsync(DbConnection c, int planId, int templateId, string period)
    {
        await using var command = c.CreateCommand();
        // SQLite keeps decimals as text: CAST so the database, not the client, does the arithmetic.
        var value = c is NpgsqlConnection ? "f.\"Value\"" : "CAST(f.\"Value\" AS REAL)";
        command.CommandText = $"""
            SELECT f."IndicatorId", f."Part", r."OrganisationId", SUM({value})
            FROM "ReportFigures" f JOIN "AgencyReports" r ON r."Id" = f."AgencyReportId"
            WHERE r."PlanId" = @plan AND r."TemplateId" = @template AND r."PeriodLabel" = @period AND r."Status" IN ('Submitted', 'Accepted')
            GROUP BY f."IndicatorId", f."Part", r."OrganisationId"
            """;
        foreach (var (name, v) in new (string, object)[] { ("plan", planId), ("template", templateId), ("period", period) })
        {
            var p = command.CreateParameter();
            (p.ParameterName, p.Value) = ("@" + name, v);
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var (rows, total) = (0, 0m);
        while (await reader.ReadAsync())
        {
            rows++;
            total += Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
        }
        return (rows, total);
    }

    private static async Task<T> Scoped<T>(WebApplication app, Func<AppDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    private static async Task FileReportsAsync(AppDb db, int planId)
    {
        var template = await ReportActions.TemplateAsync(db, DefaultTemplates.Annual);
        var period = ReportingPeriod.Year(await db.Plans.Where(p => p.Id == planId).Select(p => p.PeriodStart.Year).SingleAsync());
        if (await db.AgencyReports.AnyAsync(r => r.PlanId == planId && r.TemplateId == template.Id && r.PeriodLabel == period.Label)) return;
        var indicators = template.Indicators.Select(i => i.Indicator!).ToDictionary(i => i.Id);
        var n = 0;
        foreach (var (id, _) in await ReportActions.SubmittersAsync(db, planId))
        {
            var report = new AgencyReport(template, planId, id, period);
            report.Save([new SectionText { Key = "results", Text = "Kết quả thực hiện." }, new SectionText { Key = "next", Text = "Phương hướng." }],
                indicators.Values.SelectMany(i => i.Breakdown.Count == 0
                    ? [new AgencyReport.FigureInput(i.Id, null, ++n % 97)]
                    : i.Breakdown.Select(b => new AgencyReport.FigureInput(i.Id, b, ++n % 89))), indicators);
            report.Submit("bench", DateTime.UtcNow, period.End.AddDays(-20));
            report.Accept("bench", DateTime.UtcNow, period.End.AddDays(-18));
            db.AgencyReports.Add(report);
        }
        await db.SaveChangesAsync();
    }
}
