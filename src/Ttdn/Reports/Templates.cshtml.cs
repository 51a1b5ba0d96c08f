using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Reports;

/// <summary>Administrators edit report templates (name, deadline, recipients, active) and indicators (name, unit, breakdown).</summary>
public sealed class TemplatesModel(AppDb db) : PageModel
{
    public List<TemplateAdmin.TemplateView> Templates { get; private set; } = [];
    public List<Indicator> Indicators { get; private set; } = [];
    public string? Message => Request.Query["done"] == "saved" ? Lang.T("Đã lưu.", "Saved.") : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(int id, string name, int deadlineOffsetDays, string? receivers, bool active, CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        return await ActAsync(async () =>
        {
            var t = await db.ReportTemplates.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Không tìm thấy mẫu báo cáo. (Template not found.)", 404);
            t.Update(name, t.PeriodKind, t.StartMonth, deadlineOffsetDays, t.Level, t.ConsolidatorId, (receivers ?? "").Split('\n'), active);
        }, ct);
    }

    public async Task<IActionResult> OnPostIndicatorAsync(int id, string group, string name, string unit, string? breakdown, string? targetUnit, CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        return await ActAsync(async () =>
        {
            var i = await db.Indicators.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Không tìm thấy chỉ tiêu. (Indicator not found.)", 404);
            i.Update(group, name, unit, (breakdown ?? "").Split(';'), targetUnit);
        }, ct);
    }

    private async Task<IActionResult> ActAsync(Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
            await db.SaveChangesAsync(ct);
            return Redirect("/Reports/Templates?done=saved");
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = await TemplateAdmin.ListAsync(db, ct);
        Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Group).ThenBy(i => i.Id).ToListAsync(ct);
    }
}
