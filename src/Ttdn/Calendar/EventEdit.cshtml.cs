using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Calendar;

/// <summary>/calendar/events[/{id}]: register an event of one's organisation, or change or delete it.</summary>
public sealed class EventEditModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public int OrganisationId { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Version { get; set; }

    public bool CanEdit { get; private set; }
    public string? OrganisationName { get; private set; }
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var e = await db.CalendarEvents.AsNoTracking().Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return NotFound();
            (Title, StartDate, EndDate, OrganisationId, Place, Note, Version) = (e.Title, Lang.Date(e.StartDate), Lang.Date(e.EndDate), e.OrganisationId, e.Place, e.Note, e.Version);
            OrganisationName = e.Organisation?.Name;
        }
        else
        {
            if (!User.CanEditAnything()) return Forbid();
            OrganisationId = User.OrganisationId() ?? 0;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanEditAnything()) return Forbid();
        if (!DateInput.TryParse(StartDate, out var start) || start is null)
            ModelState.AddModelError(nameof(StartDate), Lang.T("Hãy nhập ngày bắt đầu dạng ngày/tháng/năm, ví dụ 20/05/2022.", "Enter the start date as day/month/year."));
        if (!DateInput.TryParse(EndDate, out var end))
            ModelState.AddModelError(nameof(EndDate), Lang.T("Ngày kết thúc phải có dạng ngày/tháng/năm (để trống nếu sự kiện trong một ngày).", "The end date must be day/month/year (empty for one day)."));
        if (ModelState.IsValid)
        {
            try
            {
                var input = new EventChanges.Input(Title ?? "", start!.Value, end, OrganisationId, Place, Note, Version);
                var e = Id is { } id ? await EventChanges.UpdateAsync(db, User, id, input, ct) : await EventChanges.CreateAsync(db, User, input, clock, ct);
                TempData["Notice"] = Lang.T("Đã lưu sự kiện.", "Event saved.");
                return Redirect($"/calendar?month={e.StartDate:yyyy-MM}");
            }
            catch (DomainException ex) when (ex.StatusCode is 400 or 409)
            {
                ModelState.AddModelError(ex.Message.Contains("kết thúc", StringComparison.Ordinal) ? nameof(EndDate) : nameof(Title), ex.Message);
            }
            catch (DomainException ex) when (ex.StatusCode == 403)
            {
                ModelState.AddModelError(nameof(OrganisationId), ex.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        try
        {
            await EventChanges.DeleteAsync(db, User, id, Version, ct);
        }
        catch (DomainException ex) when (ex.StatusCode == 403)
        {
            return Forbid();
        }
        TempData["Notice"] = Lang.T("Đã xóa sự kiện.", "Event deleted.");
        return Redirect("/calendar");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = Id is null ? User.CanEditAnything() : User.CanManageEvents(OrganisationId);
        var all = User.IsAdministrator() || User.IsInRole(Roles.LeadOfficer);
        var own = User.OrganisationId() ?? 0;
        Organisations = (await db.Organisations.AsNoTracking().Where(o => o.ValidTo == null && (all || o.Id == own || o.Id == OrganisationId))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }
}
