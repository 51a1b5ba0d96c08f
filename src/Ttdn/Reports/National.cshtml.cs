using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>
/// The national office's page for one period: which provinces sent their consolidated report (and when, under which
/// number) and which did not, the indicator sums with a breakdown by province, and the national BÁO CÁO as DOCX, PDF
/// and XLSX. Who may see it is <see cref="ReportAccess.CanConsolidateNationally"/>.
/// </summary>
public sealed class NationalModel(AppDb db, TimeProvider clock) : PageModel
{
    public sealed record SentRow(int ProvinceId, string Province, string Plan, string? Number, DateOnly SentOn);

    [BindProperty(SupportsGet = true)] public string Template { get; set; } = DefaultTemplates.National;
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public Consolidation.Result Result { get; private set; } = null!;
    public List<SentRow> Sent { get; private set; } = [];
    public List<TemplateAdmin.TemplateView> Templates { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    public string Api => $"/api/national-reports/{Uri.EscapeDataString(Template)}/{Uri.EscapeDataString(Period ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = TaskActions.Today(clock);
        // Without a period: the latest year some province sent a report for, else last year.
        Period ??= (await db.ConsolidatedReports.AsNoTracking().Where(c => c.PlanId != null && c.SentOn != null).Select(c => c.PeriodEnd).ToListAsync(ct))
            .DefaultIfEmpty(new DateOnly(today.Year - 1, 12, 31)).Max().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Result = await ConsolidationActions.NationalAsync(db, User, Template, Period, clock, ct);
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) { return BadRequest(e.Message); }

        var sent = await db.ConsolidatedReports.AsNoTracking().Where(c => c.PlanId != null && c.PeriodLabel == Result.Period.Label && c.SentOn != null)
            .Join(db.Plans, c => c.PlanId, p => p.Id, (c, p) => new { c.PlanId, c.Number, c.SentOn, Plan = p.Number ?? p.Title }).ToListAsync(ct);
        foreach (var s in sent)
        {
            var province = await ReportAccess.ProvinceOfPlanAsync(db, s.PlanId!.Value, ct) ?? 0;
            Sent.Add(new(province, Result.Sources.FirstOrDefault(x => x.Id == province)?.Name ?? "", s.Plan, s.Number, s.SentOn!.Value));
        }
        Sent = [.. Sent.OrderBy(s => s.Province, StringComparer.Ordinal)];
        Templates = [.. (await TemplateAdmin.ListAsync(db, ct)).Where(t => t.Level == ReportLevel.National && (User.IsAdministrator() || t.ConsolidatorId == User.OrganisationId()))];
        Years = [.. Enumerable.Range(0, 6).Select(k => today.Year - k)];
        return Page();
    }
}
