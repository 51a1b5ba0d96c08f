using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class MergeModel(AppDb db) : PageModel
{
    [BindProperty] public List<int> AbsorbedIds { get; set; } = [];
    [BindProperty] public int? SurvivorId { get; set; }
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    public List<(int Id, string Label)> Active { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AbsorbedIds.Count == 0) ModelState.AddModelError(nameof(AbsorbedIds), Lang.T("Hãy chọn ít nhất một tổ chức được sáp nhập.", "Choose at least one body to merge."));
        if (SurvivorId is null) ModelState.AddModelError(nameof(SurvivorId), Lang.T("Hãy chọn tổ chức tiếp nhận.", "Choose the surviving body."));
        if (!DateInput.TryParse(EffectiveOn, out var on) || on is null)
            ModelState.AddModelError(nameof(EffectiveOn), Lang.T("Hãy nhập ngày hiệu lực dạng ngày/tháng/năm, ví dụ 01/07/2025.", "Enter the effective date as day/month/year."));
        if (ModelState.IsValid)
        {
            try
            {
                var survivor = await Merger.MergeAsync(db, AbsorbedIds, SurvivorId!.Value, on!.Value, Note, ct);
                TempData["Notice"] = Lang.T($"Đã sáp nhập {AbsorbedIds.Count} tổ chức vào \"{survivor.Name}\".", $"Merged {AbsorbedIds.Count} bodies into \"{survivor.Name}\".");
                return Redirect($"/Organisations/Details/{survivor.Id}");
            }
            catch (DomainException e) { ModelState.AddModelError(nameof(AbsorbedIds), e.Message); }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Organisations.AsNoTracking().Where(o => o.ValidTo == null).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Province = o.Province != null ? o.Province.Name : null }).ToListAsync(ct);
        Active = rows.Select(o => (o.Id, o.Province is null ? o.Name : $"{o.Name} — {o.Province}")).ToList();
    }
}
