using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Tasks;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Reports;

/// <summary>
/// The lead department's consolidation of one period: indicator sums with a breakdown by agency, compared with the same
/// period last year and with the plan's targets; narratives gathered per section, theme and agency; the plan's duties
/// with their status at the period's end; and the agencies whose report is missing. Submitted and accepted reports count.
/// </summary>
public static class Consolidation
{
    public sealed record Source(int Id, string Name);
    public sealed record PartSum(string Part, decimal Total, IReadOnlyDictionary<int, decimal> BySource);
    public sealed record IndicatorSum(int IndicatorId, string Code, string Group, string Name, string Unit, decimal Total, IReadOnlyDictionary<int, decimal> BySource,
        IReadOnlyList<PartSum> Parts, decimal? PreviousYear, decimal? Target);
    public sealed record Narrative(string Source, string Text);
    public sealed record Section(string Key, string Number, string Title, bool Results, IReadOnlyList<Narrative> Narratives,
        IReadOnlyList<ThemeNarratives> Themes, string? FinalText);
    public sealed record ThemeNarratives(string Number, string Title, IReadOnlyList<Narrative> Narratives);
    public sealed record LateSource(int Id, string Name, DateOnly SubmittedOn);
    public sealed record Result(ReportLevel Level, int? PlanId, string? PlanNumber, string PlanTitle, DateOnly? PlanIssuedOn, string Issuer, string? ParentIssuer,
        string Place, int TemplateId, string TemplateCode, string TemplateName, ReportingPeriod Period, IReadOnlyList<Source> Sources,
        IReadOnlyList<Source> Missing, IReadOnlyList<LateSource> Late, IReadOnlyList<IndicatorSum> Indicators,
        IReadOnlyList<Section> Sections, IReadOnlyList<TaskQueries.Row> Tasks, TaskQueries.Tally Tally, IReadOnlyList<string> Receivers,
        string? Number, DateOnly? IssuedOn, string? Intro, string? SignerAuthority, string? SignerTitle, string? SignerName, DateOnly? SentOn = null);

    public sealed record FigureRow(int ReportId, int OrganisationId, int IndicatorId, string Part, decimal Value, string NameAsFiled, string UnitAsFiled);

    public static async Task<Result> ProvinceAsync(AppDb db, int planId, ReportTemplate template, ReportingPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.LeadOrganisation).Include(p => p.Issuer).Include(p => p.Themes)
            .SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new Shared.DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        var overview = await ReportQueries.OverviewAsync(db, planId, template, period, today, ct);
        var reports = await db.AgencyReports.AsNoTracking()
            .Where(r => r.PlanId == planId && r.TemplateId == template.Id && r.PeriodLabel == period.Label
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .Select(r => new { r.Id, r.OrganisationId, r.Organisation!.Name, r.Narratives, r.SubmittedOn, r.Deadline }).ToListAsync(ct);
        var order = overview.Rows.Select((r, i) => (r.OrganisationId, i)).ToDictionary(x => x.OrganisationId, x => x.i);
        reports = [.. reports.OrderBy(r => order.GetValueOrDefault(r.OrganisationId, int.MaxValue))];
        var ids = reports.Select(r => r.Id).ToList();
        var figures = await FiguresAsync(db, ids, ct);

        // Same period last year: the same template's reports on any plan led in this province.
        var province = await ReportAccess.ProvinceOfPlanAsync(db, planId, ct);
        var previous = period.PreviousYear();
        var provincePlans = await db.Plans.AsNoTracking()
            .Where(p => p.LeadOrganisationId == province || p.LeadOrganisation!.ProvinceId == province).Select(p => p.Id).ToListAsync(ct);
        var previousIds = await db.AgencyReports.AsNoTracking().Where(r => r.TemplateId == template.Id && r.PeriodLabel == previous.Label
                && provincePlans.Contains(r.PlanId) && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)).Select(r => r.Id).ToListAsync(ct);
        var previousFigures = previousIds.Count == 0 ? null : await FiguresAsync(db, previousIds, ct);

        var targets = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).Select(t => t.Targets).ToListAsync(ct);
        var indicators = await ReportQueries.IndicatorsAsync(db, template.Id, ct);
        // Indicators deactivated since the figures were filed still count for the period they were filed for, after the active ones.
        var dropped = figures.Select(f => f.IndicatorId).Distinct().Where(id => indicators.All(i => i.Id != id)).ToList();
        if (dropped.Count > 0)
            indicators.AddRange((await db.Indicators.AsNoTracking().Where(i => dropped.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct))
                .Select(i => new ReportQueries.IndicatorView(i.Id, i.Code, i.Group, i.Name, i.Unit, i.Breakdown, i.TargetUnit)));
        var edited = await db.ConsolidatedReports.AsNoTracking()
            .SingleOrDefaultAsync(c => c.PlanId == planId && c.TemplateId == template.Id && c.PeriodLabel == period.Label, ct);

        var sums = indicators.Select(i => Sum(i, figures, r => r.OrganisationId,
            previousFigures is null ? null : previousFigures.Where(f => f.IndicatorId == i.Id).Sum(f => f.Value),
            i.TargetUnit is null ? null : TargetOf(targets, i.TargetUnit))).ToList();

        var themes = plan.Themes.OrderBy(t => t.Order).ToList();
        var sections = template.Sections.Select(s => new Section(s.Key, s.Number, s.Title, s.Results,
            [.. reports.SelectMany(r => r.Narratives.Where(n => n.Key == s.Key).Select(n => new Narrative(r.Name, n.Text)))],
            s.Results
                ? [.. themes.Select(t => new ThemeNarratives(t.Number, t.Title, [.. reports.SelectMany(r => r.Narratives
                    .Where(n => n.Key == ReportActions.ThemeKey(t.Id)).Select(n => new Narrative(r.Name, n.Text)))]))]
                : [],
            edited?.TextOf(s.Key))).ToList();

        var tasks = await ReportActions.TasksAsync(db, planId, null, period.Start, period.End, today, ct);
        var sources = reports.Select(r => new Source(r.OrganisationId, r.Name)).ToList();
        var provinceOrg = province is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == province, ct);
        return new Result(ReportLevel.Province, plan.Id, plan.Number, plan.Title, plan.IssuedOn,
            Issuer: (provinceOrg?.Name ?? plan.Issuer?.Name ?? plan.LeadOrganisation!.Name), ParentIssuer: null,
            Place: plan.IssuePlace ?? ProvinceName(provinceOrg?.Name), template.Id, template.Code, template.Name, period, sources,
            [.. overview.Missing.Select(m => new Source(m.OrganisationId, m.Organisation))],
            [.. reports.Where(r => r.SubmittedOn > r.Deadline).Select(r => new LateSource(r.OrganisationId, r.Name, r.SubmittedOn!.Value))],
            sums, sections, tasks, TaskQueries.Tally.Of(tasks), template.Receivers, edited?.Number, edited?.IssuedOn, edited?.TextOf(IntroKey),
            plan.SignerAuthority, plan.SignerTitle, plan.SignerName, edited?.SentOn);
    }

    public const string IntroKey = "intro";

    /// <summary>
    /// The national office's consolidation: the same sums over the provinces whose consolidated report was sent up for
    /// the period, broken down by province; provinces that sent nothing are listed as missing.
    /// </summary>
    public static async Task<Result> NationalAsync(AppDb db, ReportTemplate national, ReportingPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var sent = await db.ConsolidatedReports.AsNoTracking()
            .Where(c => c.PlanId != null && c.PeriodLabel == period.Label && c.SentOn != null).ToListAsync(ct);
        var perProvince = new List<(Source Source, Result Result)>();
        foreach (var c in sent)
        {
            var template = await ReportActions.TemplateAsync(db, c.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            var r = await ProvinceAsync(db, c.PlanId!.Value, template, period, today, ct);
            var province = await ReportAccess.ProvinceOfPlanAsync(db, c.PlanId.Value, ct) ?? 0;
            perProvince.Add((new Source(province, r.Issuer), r));
        }
        var provinces = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Province).ToListAsync(ct);
        var missing = provinces.Where(p => p.IsValidOn(period.End) && perProvince.All(x => x.Source.Id != p.Id)).OrderBy(p => p.Name)
            .Select(p => new Source(p.Id, p.Name)).ToList();
        var indicators = await ReportQueries.IndicatorsAsync(db, national.Id, ct);
        var rows = perProvince.SelectMany(p => p.Result.Indicators.SelectMany(i => i.Parts.Count == 0
                ? [new FigureRow(0, p.Source.Id, i.IndicatorId, "", i.Total, i.Name, i.Unit)]
                : i.Parts.Select(part => new FigureRow(0, p.Source.Id, i.IndicatorId, part.Part, part.Total, i.Name, i.Unit))))
            .ToList();
        var sums = indicators.Select(i => Sum(i, rows, r => r.OrganisationId,
            perProvince.Any(p => p.Result.Indicators.Any(x => x.IndicatorId == i.Id && x.PreviousYear is not null))
                ? perProvince.Sum(p => p.Result.Indicators.FirstOrDefault(x => x.IndicatorId == i.Id)?.PreviousYear ?? 0) : null,
            perProvince.Any(p => p.Result.Indicators.Any(x => x.IndicatorId == i.Id && x.Target is not null))
                ? perProvince.Sum(p => p.Result.Indicators.FirstOrDefault(x => x.IndicatorId == i.Id)?.Target ?? 0) : null)).ToList();
        var sections = national.Sections.Select(s => new Section(s.Key, s.Number, s.Title, s.Results,
            [.. perProvince.Select(p => (p.Source, Text: p.Result.Sections.FirstOrDefault(x => x.Key == s.Key)))
                .Where(x => x.Text is not null)
                .Select(x => new Narrative(x.Source.Name, x.Text!.FinalText ?? string.Join("\n", x.Text.Narratives.Select(n => $"{n.Source}: {n.Text}"))))
                .Where(n => n.Text.Length > 0)],
            [], null)).ToList();
        var office = national.ConsolidatorId is { } id ? await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, ct) : null;
        var parent = office?.ParentId is { } pid ? await db.Organisations.AsNoTracking().Where(o => o.Id == pid).Select(o => o.Name).SingleAsync(ct) : null;
        var tasks = perProvince.SelectMany(p => p.Result.Tasks).ToList();
        return new Result(ReportLevel.National, null, null, national.Name, null, office?.Name ?? "Cơ quan tổng hợp", parent, "Hà Nội", national.Id, national.Code,
            national.Name, period, [.. perProvince.Select(p => p.Source)], missing, [], sums, sections, [], TaskQueries.Tally.Of(tasks), national.Receivers,
            null, null, null, null, null, null);
    }

    private static async Task<List<FigureRow>> FiguresAsync(AppDb db, List<int> reportIds, CancellationToken ct) =>
        await db.ReportFigures.AsNoTracking().Where(f => reportIds.Contains(f.AgencyReportId))
            .Join(db.AgencyReports, f => f.AgencyReportId, r => r.Id, (f, r) => new FigureRow(r.Id, r.OrganisationId, f.IndicatorId, f.Part, f.Value, f.NameAsFiled, f.UnitAsFiled))
            .ToListAsync(ct);

    /// <summary>
    /// One indicator's sums. Its name and unit are those the figures were filed under when every agency filed the same
    /// (a report of a past year keeps the wording of its year); otherwise today's.
    /// </summary>
    private static IndicatorSum Sum(ReportQueries.IndicatorView i, IEnumerable<FigureRow> all, Func<FigureRow, int> source, decimal? previous, decimal? target)
    {
        var mine = all.Where(f => f.IndicatorId == i.Id).ToList();
        var filed = mine.Select(f => (f.NameAsFiled, f.UnitAsFiled)).Distinct().ToList();
        var (name, unit) = filed.Count == 1 ? filed[0] : (i.Name, i.Unit);
        var parts = mine.Select(f => f.Part).Where(p => p.Length > 0).Distinct().ToList();
        var ordered = i.Breakdown.Where(parts.Contains).Concat(parts.Where(p => !i.Breakdown.Contains(p))).ToList();
        // Parts keep their order from the indicator; parts renamed since filing come after.
        if (ordered.Count == 0 && i.Breakdown.Count > 0) ordered = [.. i.Breakdown];
        var partSums = ordered.Select(p => new PartSum(p, mine.Where(f => f.Part == p).Sum(f => f.Value),
            mine.Where(f => f.Part == p).GroupBy(source).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)))).ToList();
        return new IndicatorSum(i.Id, i.Code, i.Group, name, unit, mine.Sum(f => f.Value), mine.GroupBy(source).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)),
            partSums, previous, target);
    }

    private static decimal? TargetOf(List<List<Target>> targets, string unit)
    {
        var matching = targets.SelectMany(t => t).Where(t => VietnameseText.EqualsFolded(t.Unit, unit)).ToList();
        return matching.Count == 0 ? null : matching.Sum(t => t.Quantity);
    }

    private static string ProvinceName(string? provinceOrganisation) =>
        provinceOrganisation?.Replace("Ủy ban nhân dân tỉnh ", "", StringComparison.Ordinal) ?? "";
}
