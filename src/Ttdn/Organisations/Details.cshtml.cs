using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

public sealed class DetailsModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? Duty { get; set; }
    [BindProperty] public string? AliasText { get; set; }
    [BindProperty] public AliasKind AliasKind { get; set; }

    public OrganisationsApi.Details? Organisation { get; private set; }
    public OrganisationDirectory.Carrier? Carrier { get; private set; }
    public string? CarrierError { get; private set; }
    public bool CanEdit => User.CanEditOrganisationData(Id);
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Lang.VietnamTime).DateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (On is not null || Duty is not null)
        {
            if (!DateInput.TryParse(On, out var on) || on is null)
                CarrierError = Lang.T("Hãy gõ ngày theo dạng ngày/tháng/năm, ví dụ 01/01/2026.", "Type the date as day/month/year, e.g. 01/01/2026.");
            else
                Carrier = await OrganisationDirectory.CarrierOnAsync(db, Id, on.Value, Duty, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAliasAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        try
        {
            await OrganisationChanges.AddAliasAsync(db, Id, AliasText ?? "", AliasKind, ct);
            TempData["Notice"] = Lang.T($"Đã thêm tên gọi khác \"{AliasText}\".", $"Alias \"{AliasText}\" added.");
            return Redirect($"/Organisations/Details/{Id}#aliases");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(AliasText), e.Message);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostRemoveAliasAsync(int aliasId, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await OrganisationChanges.RemoveAliasAsync(db, Id, aliasId, ct);
        TempData["Notice"] = Lang.T("Đã xóa tên gọi khác.", "Alias removed.");
        return Redirect($"/Organisations/Details/{Id}#aliases");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Organisation = await OrganisationsApi.LoadAsync(db, Id, ct);
        return Organisation is not null;
    }
}
