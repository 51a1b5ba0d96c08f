using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>
/// The reports home: an organisation's own reports and the periods it can open; for the lead department, every plan's
/// periods with links to who has submitted and to the consolidation.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    public sealed record PeriodLink(int PlanId, string Plan, string TemplateCode, string TemplateName, ReportingPeriod Period, DateOnly Deadline);

    public List<ReportQueries.MineRow> Mine { get; private set; } = [];
    /// <summary>Periods begun in plans where the user's organisation reports, not opened yet.</summary>
    public List<PeriodLink> ToOpen { get; private set; } = [];
    /// <summary>Periods of the plans the user reviews.</summary>
    public List<PeriodLink> Reviewed { get; private set; } = [];
    public List<TemplateAdmin.TemplateView> NationalTemplates { get; private set; } = [];
    /// <summary>The last five years, newest first, for the national office's consolidations.</summary>
    public List<int> NationalYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = TaskActions.Today(clock);
        var org = User.OrganisationId() ?? -1;
        Mine = await ReportQueries.MineAsync(db, org, ct);
        var templates = (await TemplateAdmin.ListAsync(db, ct)).Where(t => t.IsActive).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status != Plans.PlanStatus.Draft && p.Status != Plans.PlanStatus.Submitted)
            .OrderByDescending(p => p.PeriodStart).Select(p => new { p.Id, p.Number, p.Title, p.PeriodStart, p.PeriodEnd }).ToListAsync(ct);
        var reporting = await db.Assignments.AsNoTracking().Where(a => a.AgencyId == org).Select(a => a.PlanId).Distinct().ToListAsync(ct);
        foreach (var plan in plans)
        {
            var reviews = await ReportAccess.CanSeeAllOfPlanAsync(db, User, plan.Id, ct);
            if (!reviews && !reporting.Contains(plan.Id)) continue;
            foreach (var t in templates.Where(t => t.Level == ReportLevel.Province))
                foreach (var p in ReportingPeriod.Within(t.PeriodKind, t.StartMonth, plan.PeriodStart, plan.PeriodEnd).Where(p => p.Start <= today).OrderByDescending(p => p.End))
                {
                    var link = new PeriodLink(plan.Id, plan.Number ?? plan.Title, t.Code, t.Name, p, p.End.AddDays(t.DeadlineOffsetDays));
                    if (reviews) Reviewed.Add(link);
                    if (reporting.Contains(plan.Id) && !Mine.Any(m => m.PlanId == plan.Id && m.Period == p.Label && m.TemplateName == t.Name)) ToOpen.Add(link);
                }
        }
        NationalYears = [.. Enumerable.Range(0, 5).Select(k => today.Year - k)];
        NationalTemplates = templates.Where(t => t.Level == ReportLevel.National && (User.IsAdministrator() || t.ConsolidatorId == User.OrganisationId())).ToList();
    }

    public async Task<IActionResult> OnPostOpenAsync(int plan, string template, string period, CancellationToken ct)
    {
        try
        {
            var report = await ReportActions.OpenAsync(db, User, new ReportActions.OpenInput(plan, template, period, null), clock, ct);
            return Redirect($"/Reports/Agency/{report.Id}");
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            await OnGetAsync(ct);
            return Page();
        }
    }
}
