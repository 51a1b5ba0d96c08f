using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>The consolidator's writes: the final text and number, and sending the province's report up.</summary>
public static class ConsolidationActions
{
    public sealed record EditInput(Dictionary<string, string>? Texts, string? Number, DateOnly? IssuedOn);

    public static async Task<(ReportTemplate Template, ReportingPeriod Period)> ResolveAsync(AppDb db, string template, string period, CancellationToken ct = default)
    {
        var t = await ReportActions.TemplateAsync(db, template, ct);
        var p = ReportingPeriod.Parse(period);
        if (p.Kind != t.PeriodKind) throw new DomainException($"Kỳ {p.Label} không phải kỳ của mẫu \"{t.Name}\". (The period does not fit the template.)");
        return (t, p);
    }

    public static async Task<Consolidation.Result> ForPlanAsync(AppDb db, ClaimsPrincipal user, int planId, string template, string period, TimeProvider clock, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        if (!await ReportAccess.CanSeeAllOfPlanAsync(db, user, planId, ct))
            throw new DomainException("Chỉ Sở đầu mối và lãnh đạo của tỉnh xem được báo cáo tổng hợp. (Only the lead department and leaders see the consolidation.)", 403);
        var (t, p) = await ResolveAsync(db, template, period, ct);
        return await Consolidation.ProvinceAsync(db, planId, t, p, TaskActions.Today(clock), ct);
    }

    public static async Task<Consolidation.Result> NationalAsync(AppDb db, ClaimsPrincipal user, string template, string period, TimeProvider clock, CancellationToken ct = default)
    {
        var (t, p) = await ResolveAsync(db, template, period, ct);
        if (t.Level != ReportLevel.National) throw new DomainException($"Mẫu \"{t.Name}\" không phải mẫu tổng hợp cấp trung ương. (Not a national template.)");
        if (!ReportAccess.CanConsolidateNationally(user, t))
            throw new DomainException("Chỉ cơ quan tổng hợp cấp trung ương xem được báo cáo tổng hợp các tỉnh. (Only the national office.)", 403);
        return await Consolidation.NationalAsync(db, t, p, TaskActions.Today(clock), ct);
    }

    public static async Task<ConsolidatedReport> EditAsync(AppDb db, ClaimsPrincipal user, int planId, string template, string period, EditInput input, CancellationToken ct = default)
    {
        var report = await RecordAsync(db, user, planId, template, period, ct);
        var (t, _) = await ResolveAsync(db, template, period, ct);
        var keys = t.Sections.Select(s => s.Key).Append(Consolidation.IntroKey).ToHashSet();
        var texts = input.Texts ?? [];
        if (texts.Keys.FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
            throw new DomainException($"Mục \"{unknown}\" không có trong đề cương báo cáo. (Unknown section.)");
        report.Edit(texts.Select(x => new SectionText { Key = x.Key, Text = x.Value }), input.Number, input.IssuedOn);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Sends (or records as sent) the province's report; every agency report of the period is locked from then on.</summary>
    public static async Task<ConsolidatedReport> SendAsync(AppDb db, ClaimsPrincipal user, int planId, string template, string period, TimeProvider clock, CancellationToken ct = default)
    {
        var report = await RecordAsync(db, user, planId, template, period, ct);
        report.Send(TaskActions.Today(clock));
        foreach (var r in await PeriodReportsAsync(db, report, ct)) r.Locked(user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Takes the sent report back with a reason, recorded in every agency report of the period, which can then be corrected again.</summary>
    public static async Task<ConsolidatedReport> ReopenAsync(AppDb db, ClaimsPrincipal user, int planId, string template, string period, string? reason, TimeProvider clock,
        CancellationToken ct = default)
    {
        var report = await RecordAsync(db, user, planId, template, period, ct);
        var why = report.Reopen(reason ?? "");
        foreach (var r in await PeriodReportsAsync(db, report, ct)) r.Unlocked(why, user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static async Task<List<AgencyReport>> PeriodReportsAsync(AppDb db, ConsolidatedReport c, CancellationToken ct) =>
        await db.AgencyReports.Include(r => r.Events).Where(r => r.PlanId == c.PlanId && r.TemplateId == c.TemplateId && r.PeriodLabel == c.PeriodLabel).ToListAsync(ct);

    /// <summary>When the consolidated report of the agency report's period was sent up; null while it is not (the report can change).</summary>
    public static async Task<DateOnly?> SentOnAsync(AppDb db, AgencyReport report, CancellationToken ct = default) =>
        await db.ConsolidatedReports.AsNoTracking()
            .Where(c => c.PlanId == report.PlanId && c.TemplateId == report.TemplateId && c.PeriodLabel == report.PeriodLabel && c.SentOn != null)
            .Select(c => c.SentOn).FirstOrDefaultAsync(ct);

    private static async Task<ConsolidatedReport> RecordAsync(AppDb db, ClaimsPrincipal user, int planId, string template, string period, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        if (!await ReportAccess.CanReviewAsync(db, user, planId, ct))
            throw new DomainException("Chỉ Sở đầu mối của tỉnh được soạn báo cáo tổng hợp. (Only the lead department edits the consolidation.)", 403);
        var (t, p) = await ResolveAsync(db, template, period, ct);
        var existing = await db.ConsolidatedReports.SingleOrDefaultAsync(c => c.PlanId == planId && c.TemplateId == t.Id && c.PeriodLabel == p.Label, ct);
        if (existing is not null) return existing;
        var created = new ConsolidatedReport(t.Id, planId, plan.LeadOrganisationId, p);
        db.ConsolidatedReports.Add(created);
        return created;
    }
}
