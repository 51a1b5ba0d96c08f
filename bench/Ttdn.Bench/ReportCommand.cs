using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Reports;

namespace Ttdn.Bench;

/// <summary>
/// <c>report</c>: consolidating one province's annual report on a national-scale database (issue 5: under 1 s). Files an
/// accepted report with every indicator for each reporting agency of province 1's last complete year (once), then times
/// the consolidation, the document model and the indicator workbook. Run it on a copy: it migrates and writes reports.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(Args a)
    {
        var target = Target.From(a);
        var iterations = a.Int("iterations", 20);
        var today = GenerateCommand.Options(a).Today;
        await using var app = AppHost.Build(target.Settings());
        int planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            scope.ServiceProvider.GetRequiredService<Ttdn.Audit.AuditTrail>().BackgroundActor = "bench";
            await db.Database.MigrateAsync();
            await DefaultTemplates.EnsureAsync(db);
            planId = await db.Plans.Where(p => p.Number == "101/KH-UBND" && p.PeriodEnd < today).OrderByDescending(p => p.PeriodEnd).Select(p => p.Id).FirstAsync();
            await FileReportsAsync(db, planId);
        }
        var year = await Scoped(app, db => db.Plans.Where(p => p.Id == planId).Select(p => p.PeriodStart.Year).SingleAsync());
        var timings = new List<double>();
        var sources = 0;
        var tasks = 0;
        for (var i = -3; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var (s, t) = await Scoped(app, async db =>
            {
                var template = await ReportActions.TemplateAsync(db, DefaultTemplates.Annual);
                var result = await Consolidation.ProvinceAsync(db, planId, template, ReportingPeriod.Year(year), today);
                _ = ReportDocument.Build(result);
                _ = IndicatorSpreadsheet.Write(result);
                return (result.Sources.Count, result.Tasks.Count);
            });
            sw.Stop();
            (sources, tasks) = (s, t);
            if (i >= 0) timings.Add(sw.Elapsed.TotalMilliseconds);
        }
        var sorted = timings.Order().ToArray();
        Console.WriteLine($"report consolidation on {target.Provider}, plan 101/KH-UBND {year}: {sources} agency reports, {tasks} task rows, {iterations} iterations");
        Console.WriteLine($"mean {timings.Average():F1} ms, median {sorted[sorted.Length / 2]:F1} ms, max {sorted[^1]:F1} ms");
        return 0;
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
