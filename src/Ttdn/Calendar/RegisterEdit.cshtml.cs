using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>/calendar/register/edit[/{id}]: add, change or remove an anniversary (administrators; the lead department for its province).</summary>
public sealed class RegisterEditModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AnniversaryKind Kind { get; set; } = AnniversaryKind.Provincial;
    [BindProperty] public AnniversaryCalendar Calendar { get; set; }
    [BindProperty] public string? BaseYear { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Day { get; set; }
    [BindProperty] public bool LeapMonth { get; set; }
    [BindProperty] public int? ProvinceId { get; set; }
    [BindProperty] public string? SourceNote { get; set; }
    [BindProperty] public int Version { get; set; }

    public List<(int? Id, string Name)> Scopes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CalendarAccess.MayEditRegister(User)) return Forbid();
        if (Id is { } id)
        {
            var e = await db.Anniversaries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.RemovedAtUtc == null, ct);
            if (e is null) return NotFound();
            if (!await CalendarAccess.CanEditRegisterAsync(db, User, e.ProvinceId, ct)) return Forbid();
            (Name, Kind, Calendar, LeapMonth, ProvinceId, SourceNote, Version) = (e.Name, e.Kind, e.Calendar, e.LeapMonth, e.ProvinceId, e.SourceNote, e.Version);
            (BaseYear, Month, Day) = (Text(e.BaseYear), Text(e.Month), Text(e.Day));
        }
        else if (!User.IsAdministrator())
        {
            ProvinceId = await CalendarAccess.ProvinceOfAsync(db, User, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CalendarAccess.MayEditRegister(User)) return Forbid();
        var year = Number(BaseYear, nameof(BaseYear), Lang.T("Năm gốc phải là số, ví dụ 1947.", "The year must be a number, e.g. 1947."));
        var month = Number(Month, nameof(Month), Lang.T("Tháng phải là số từ 1 đến 12.", "The month must be a number 1–12."));
        var day = Number(Day, nameof(Day), Lang.T("Ngày phải là số, ví dụ 20.", "The day must be a number, e.g. 20."));
        if (ModelState.IsValid)
        {
            try
            {
                var input = new AnniversaryChanges.Input(Name ?? "", Kind, Calendar, year, month, day, LeapMonth, ProvinceId, SourceNote, Version);
                if (Id is { } id) await AnniversaryChanges.UpdateAsync(db, User, id, input, ct);
                else await AnniversaryChanges.CreateAsync(db, User, input, ct);
                TempData["Notice"] = Lang.T("Đã lưu ngày kỷ niệm.", "Anniversary saved.");
                return Redirect("/calendar/register");
            }
            catch (DomainException e) when (e.StatusCode != 404)
            {
                ModelState.AddModelError(FieldOf(e.Message), e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        try
        {
            await AnniversaryChanges.RemoveAsync(db, User, id, Version, clock, ct);
        }
        catch (DomainException e) when (e.StatusCode == 403)
        {
            return Forbid();
        }
        TempData["Notice"] = Lang.T("Đã xóa ngày kỷ niệm khỏi sổ.", "Anniversary removed.");
        return Redirect("/calendar/register");
    }

    private static string FieldOf(string message) =>
        message.Contains("Tên", StringComparison.Ordinal) || message.Contains("tên", StringComparison.Ordinal) ? nameof(Name)
        : message.Contains("Phạm vi", StringComparison.Ordinal) || message.Contains("tỉnh mình", StringComparison.Ordinal) || message.Contains("toàn quốc", StringComparison.Ordinal) ? nameof(ProvinceId)
        : message.Contains("nguồn", StringComparison.Ordinal) ? nameof(SourceNote)
        : message.Contains("Tháng ", StringComparison.Ordinal) && !message.Contains("ngày", StringComparison.Ordinal) ? nameof(Month)
        : message.Contains("năm", StringComparison.OrdinalIgnoreCase) && !message.Contains("ngày", StringComparison.Ordinal) ? nameof(BaseYear)
        : nameof(Day);

    private int? Number(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, message);
        return null;
    }

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = await CalendarAccess.ProvinceOfAsync(db, User, ct);
        var admin = User.IsAdministrator();
        var provinces = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Province && o.ValidTo == null && (admin || o.Id == own))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => ((int?)o.Id, o.Name));
        Scopes = [.. (admin ? [(null, Lang.T("Toàn quốc", "National"))] : Array.Empty<(int?, string)>()), .. provinces];
    }
}
