using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Plans;

public sealed class EditModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PlanKind Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? PeriodStart { get; set; }
    [BindProperty] public string? PeriodEnd { get; set; }
    [BindProperty] public int LeadOrganisationId { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public string? SignerName { get; set; }
    [BindProperty] public string? SignerAuthority { get; set; }
    [BindProperty] public string? SignerTitle { get; set; }
    [BindProperty] public int Version { get; set; }
    public List<(int Id, string Label)> Organisations { get; private set; } = [];
    public List<(int Id, string Label)> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        if (Id is { } id)
        {
            var p = await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (p is null) return NotFound();
            (Kind, Title, LeadOrganisationId, ParentId, Introduction, Version) = (p.Kind, p.Title, p.LeadOrganisationId, p.ParentId, p.Introduction, p.Version);
            (SignerName, SignerAuthority, SignerTitle) = (p.SignerName, p.SignerAuthority, p.SignerTitle);
            (PeriodStart, PeriodEnd) = (Lang.Date(p.PeriodStart), Lang.Date(p.PeriodEnd));
        }
        else
        {
            var year = Tasks.TaskActions.Today(clock).Year + 1;
            (PeriodStart, PeriodEnd, LeadOrganisationId) = ($"01/01/{year}", $"31/12/{year}", User.OrganisationId() ?? 0);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        if (!DateInput.TryParse(PeriodStart, out var start) || start is null)
            ModelState.AddModelError(nameof(PeriodStart), Lang.T("Hãy nhập ngày bắt đầu dạng ngày/tháng/năm, ví dụ 01/01/2027.", "Enter the start as day/month/year."));
        if (!DateInput.TryParse(PeriodEnd, out var end) || end is null)
            ModelState.AddModelError(nameof(PeriodEnd), Lang.T("Hãy nhập ngày kết thúc dạng ngày/tháng/năm, ví dụ 31/12/2027.", "Enter the end as day/month/year."));
        if (ModelState.IsValid)
        {
            try
            {
                var input = new PlanChanges.HeaderInput(Kind, Title ?? "", start!.Value, end!.Value, LeadOrganisationId, ParentId: ParentId,
                    Introduction: Introduction, SignerName: SignerName, SignerAuthority: SignerAuthority, SignerTitle: SignerTitle, Version: Version);
                var plan = Id is { } id ? await PlanChanges.UpdateAsync(db, User, id, input, ct) : await PlanChanges.CreateAsync(db, User, input, clock, ct);
                TempData["Notice"] = Lang.T("Đã lưu kế hoạch.", "Plan saved.");
                return Redirect($"/Plans/{plan.Id}");
            }
            catch (DomainException e) when (e.StatusCode != 403)
            {
                ModelState.AddModelError(e.Message.Contains("Kỳ", StringComparison.Ordinal) ? nameof(PeriodEnd) : nameof(Title), e.Message);
            }
        }
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.ValidTo == null || o.Id == LeadOrganisationId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Province = o.Province != null ? o.Province.Name : null }).ToListAsync(ct);
        Organisations = orgs.Select(o => (o.Id, o.Province is null ? o.Name : $"{o.Name} — {o.Province}")).ToList();
        Programmes = (await db.Plans.AsNoTracking().Where(p => p.Kind != PlanKind.AnnualPlan && p.Id != Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
    }
}
