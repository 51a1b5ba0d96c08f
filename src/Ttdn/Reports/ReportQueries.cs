using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>Read models of the report pages and API.</summary>
public static class ReportQueries
{
    public sealed record IndicatorView(int Id, string Code, string Group, string Name, string Unit, IReadOnlyList<string> Breakdown, string? TargetUnit);
    public sealed record SectionView(string Key, string Number, string Title, bool Results);
    public sealed record ThemeView(int Id, string Key, string Number, string Title);
    public sealed record FigureView(int IndicatorId, string Part, decimal Value, string NameAsFiled, string UnitAsFiled);
    public sealed record EventView(ReportAction Action, DateTime AtUtc, string UserName, string? Comment);
    public sealed record AgencyView(int Id, int PlanId, string? PlanNumber, string PlanTitle, int TemplateId, string TemplateName, string Period, string PeriodText,
        DateOnly PeriodStart, DateOnly PeriodEnd, int OrganisationId, string Organisation, DateOnly Deadline, ReportStatus Status, DateOnly? SubmittedOn, bool Late,
        string? ReturnComment, DateOnly? AcceptedOn, IReadOnlyList<SectionView> Sections, IReadOnlyList<ThemeView> Themes, IReadOnlyList<IndicatorView> Indicators,
        IReadOnlyDictionary<string, string> Narratives, IReadOnlyList<FigureView> Figures, IReadOnlyList<TaskQueries.Row> Tasks, IReadOnlyList<EventView> History, int Version,
        DateOnly? LockedSince = null);

    public static async Task<List<IndicatorView>> IndicatorsAsync(AppDb db, int templateId, CancellationToken ct = default) =>
        (await db.Set<TemplateIndicator>().AsNoTracking().Where(t => t.TemplateId == templateId).OrderBy(t => t.Order).Select(t => t.Indicator!).ToListAsync(ct))
        .Select(i => new IndicatorView(i.Id, i.Code, i.Group, i.Name, i.Unit, i.Breakdown, i.TargetUnit)).ToList();

    public static async Task<AgencyView> AgencyAsync(AppDb db, int id, DateOnly today, CancellationToken ct = default)
    {
        var r = await db.AgencyReports.AsNoTracking().AsSplitQuery().Include(x => x.Template).Include(x => x.Plan).Include(x => x.Organisation)
            .Include(x => x.Figures).Include(x => x.Events).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new Shared.DomainException("Không tìm thấy báo cáo. (Report not found.)", 404);
        var period = ReportingPeriod.Parse(r.PeriodLabel);
        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == r.PlanId).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct);
        return new AgencyView(r.Id, r.PlanId, r.Plan!.Number, r.Plan.Title, r.TemplateId, r.Template!.Name, r.PeriodLabel, period.Vietnamese, r.PeriodStart, r.PeriodEnd,
            r.OrganisationId, r.Organisation!.Name, r.Deadline, r.Status, r.SubmittedOn, r.WasLate, r.ReturnComment, r.AcceptedOn,
            [.. r.Template.Sections.Select(s => new SectionView(s.Key, s.Number, s.Title, s.Results))],
            [.. themes.Select(t => new ThemeView(t.Id, ReportActions.ThemeKey(t.Id), t.Number, t.Title))],
            await IndicatorsAsync(db, r.TemplateId, ct),
            r.Narratives.ToDictionary(n => n.Key, n => n.Text),
            [.. r.Figures.OrderBy(f => f.IndicatorId).ThenBy(f => f.Part).Select(f => new FigureView(f.IndicatorId, f.Part, f.Value, f.NameAsFiled, f.UnitAsFiled))],
            await ReportActions.TasksAsync(db, r.PlanId, r.OrganisationId, r.PeriodStart, r.PeriodEnd, today, ct),
            [.. r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new EventView(e.Action, e.AtUtc, e.UserName, e.Comment))],
            r.Version,
            await ConsolidationActions.SentOnAsync(db, r, ct));
    }

    public enum Standing { NotOpened, Draft, Overdue, Returned, Submitted, SubmittedLate, Accepted }

    public sealed record SubmitterRow(int OrganisationId, string Organisation, int? ReportId, ReportStatus? Status, DateOnly? SubmittedOn, bool Late, Standing Standing);
    public sealed record Overview(int PlanId, string? PlanNumber, string PlanTitle, int TemplateId, string TemplateCode, string TemplateName, string Period,
        string PeriodText, DateOnly Deadline, IReadOnlyList<SubmitterRow> Rows)
    {
        public int In => Rows.Count(r => r.Status is ReportStatus.Submitted or ReportStatus.Accepted);
        public IEnumerable<SubmitterRow> Missing => Rows.Where(r => r.Status is not (ReportStatus.Submitted or ReportStatus.Accepted));
    }

    /// <summary>Who has submitted, who is late and who never submitted, for the lead department's page.</summary>
    public static async Task<Overview> OverviewAsync(AppDb db, int planId, ReportTemplate template, ReportingPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Number, p.Title }).SingleOrDefaultAsync(ct)
            ?? throw new Shared.DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        var deadline = template.DeadlineOf(period);
        var reports = await db.AgencyReports.AsNoTracking().Where(r => r.PlanId == planId && r.TemplateId == template.Id && r.PeriodLabel == period.Label)
            .Select(r => new { r.Id, r.OrganisationId, r.Status, r.SubmittedOn, r.Deadline }).ToListAsync(ct);
        var rows = (await ReportActions.SubmittersAsync(db, planId, ct)).Select(s =>
        {
            var r = reports.FirstOrDefault(x => x.OrganisationId == s.Id);
            var late = r?.SubmittedOn > r?.Deadline;
            var standing = r?.Status switch
            {
                ReportStatus.Accepted => Standing.Accepted,
                ReportStatus.Submitted => late ? Standing.SubmittedLate : Standing.Submitted,
                ReportStatus.Returned => Standing.Returned,
                _ when today > deadline => Standing.Overdue,
                ReportStatus.Draft => Standing.Draft,
                _ => Standing.NotOpened,
            };
            return new SubmitterRow(s.Id, s.Name, r?.Id, r?.Status, r?.SubmittedOn, late, standing);
        }).ToList();
        return new Overview(plan.Id, plan.Number, plan.Title, template.Id, template.Code, template.Name, period.Label, period.Vietnamese, deadline, rows);
    }

    public static string Label(Standing s) => s switch
    {
        Standing.NotOpened => Shared.Lang.T("Chưa mở báo cáo", "Not opened"),
        Standing.Draft => Shared.Lang.T("Đang soạn", "Draft"),
        Standing.Overdue => Shared.Lang.T("Quá hạn, chưa gửi", "Overdue, not submitted"),
        Standing.Returned => Shared.Lang.T("Bị trả lại, chờ gửi lại", "Returned"),
        Standing.Submitted => Shared.Lang.T("Đã gửi đúng hạn", "Submitted on time"),
        Standing.SubmittedLate => Shared.Lang.T("Đã gửi, muộn hạn", "Submitted late"),
        _ => Shared.Lang.T("Đã tiếp nhận", "Accepted"),
    };

    /// <summary>The agency's own reports (for its officers' list page).</summary>
    public sealed record MineRow(int Id, int PlanId, string? PlanNumber, string TemplateName, string Period, DateOnly Deadline, ReportStatus Status);

    public static async Task<List<MineRow>> MineAsync(AppDb db, int organisationId, CancellationToken ct = default) =>
        (await db.AgencyReports.AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .Select(r => new MineRow(r.Id, r.PlanId, r.Plan!.Number, r.Template!.Name, r.PeriodLabel, r.Deadline, r.Status)).ToListAsync(ct))
        .OrderByDescending(r => r.Deadline).ToList();
}
