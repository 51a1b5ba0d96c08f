using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    [BindProperty] public OrganisationKind Kind { get; set; } = OrganisationKind.Department;
    [BindProperty] public int? ProvinceId { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Version { get; set; }

    public List<(int Id, string Name)> Provinces { get; private set; } = [];
    public List<(int Id, string Label)> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var o = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (o is null) return NotFound();
            (Name, ShortName, Kind, ProvinceId, ParentId, Note, Version) = (o.Name, o.ShortName, o.Kind, o.ProvinceId, o.ParentId, o.Note, o.Version);
            (ValidFrom, ValidTo) = (Lang.Date(o.ValidFrom), Lang.Date(o.ValidTo));
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var from = ParseDate(ValidFrom, nameof(ValidFrom));
        var to = ParseDate(ValidTo, nameof(ValidTo));
        if (ModelState.IsValid)
        {
            try
            {
                var input = new OrganisationChanges.Input(Name ?? "", ShortName, Kind, ProvinceId, ParentId, from, to, Note, Version);
                var org = Id is { } id ? await OrganisationChanges.UpdateAsync(db, id, input, ct) : await OrganisationChanges.CreateAsync(db, input, ct);
                TempData["Notice"] = Lang.T($"Đã lưu \"{org.Name}\".", $"Saved \"{org.Name}\".");
                return Redirect($"/Organisations/Details/{org.Id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(e.Message.Contains("tên", StringComparison.OrdinalIgnoreCase) ? nameof(Name) : "", e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", ErrorHandling.Describe(new DbUpdateConcurrencyException()).Detail);
            }
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinkAsync(int? successorId, SuccessionKind linkKind, string? effectiveOn, string? dutyArea, CancellationToken ct)
    {
        var on = ParseDate(effectiveOn, "EffectiveOn");
        if (on is null && ModelState.IsValid) ModelState.AddModelError("EffectiveOn", Lang.T("Hãy nhập ngày có hiệu lực.", "Enter the effective date."));
        if (successorId is null) ModelState.AddModelError("SuccessorId", Lang.T("Hãy chọn tổ chức tiếp nhận.", "Choose the successor."));
        if (ModelState.IsValid)
        {
            try
            {
                await OrganisationChanges.AddSuccessionAsync(db, Id!.Value, successorId!.Value, linkKind, on!.Value, dutyArea, null, ct);
                TempData["Notice"] = Lang.T("Đã ghi nhận thay đổi tổ chức.", "Change recorded.");
                return Redirect($"/Organisations/Details/{Id}");
            }
            catch (DomainException e) { ModelState.AddModelError("SuccessorId", e.Message); }
        }
        return await OnGetAsync(ct);
    }

    private DateOnly? ParseDate(string? text, string field)
    {
        if (DateInput.TryParse(text, out var d)) return d;
        ModelState.AddModelError(field, Lang.T($"\"{text}\" không phải ngày: hãy gõ ngày/tháng/năm, ví dụ 01/07/2025.", $"\"{text}\" is not a date: type day/month/year, e.g. 01/07/2025."));
        return null;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var all = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind, Province = o.Province != null ? o.Province.Name : null }).ToListAsync(ct);
        Provinces = all.Where(o => o.Kind == OrganisationKind.Province).Select(o => (o.Id, o.Name)).ToList();
        All = all.Select(o => (o.Id, o.Province is null ? o.Name : $"{o.Name} — {o.Province}")).ToList();
    }
}
