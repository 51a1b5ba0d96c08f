using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Digests;

/// <summary>/monitor/digests: the digests made so far (with any sending error), making one for a chosen day, and who receives them.</summary>
public sealed class DigestsModel(AppDb db, DigestJob job, TimeProvider clock) : PageModel
{
    public List<DigestApi.DigestView> Digests { get; private set; } = [];
    public List<DigestRecipient> Recipients { get; private set; } = [];
    public bool CanManage => User.CanManageMonitoring();

    [BindProperty] public string? Day { get; set; }
    [BindProperty] public bool Send { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (DateInput.TryParse(Day, out var parsed) && parsed is { } day)
        {
            try
            {
                var digest = await DigestApi.CreateAsync(db, User, day, Send, job, clock, ct);
                Done = Lang.T($"Đã lập bản tin ngày {day:dd/MM/yyyy}: {digest.ItemCount} tin.", $"Digest for {day:dd/MM/yyyy} made: {digest.ItemCount} items.");
                return RedirectToPage();
            }
            catch (DomainException e) { ModelState.AddModelError(nameof(Day), e.Message); }
        }
        else ModelState.AddModelError(nameof(Day), Lang.T("Nhập ngày theo dạng dd/MM/yyyy, ví dụ 19/05/2022.", "Enter the day as dd/MM/yyyy, e.g. 19/05/2022."));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecipientAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        try
        {
            await DigestApi.AddRecipientAsync(db, User, new(Name ?? "", Email ?? ""), ct);
            Done = Lang.T($"Đã thêm người nhận {Name}.", $"Added {Name}.");
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Message.Contains("e-mail", StringComparison.OrdinalIgnoreCase) ? nameof(Email) : nameof(Name), e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var r = await db.DigestRecipients.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        db.DigestRecipients.Remove(r);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Digests = await DigestApi.ListAsync(db, ct);
        Recipients = await db.DigestRecipients.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        Day ??= Lang.VietnamDay(clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("dd/MM/yyyy");
    }
}
