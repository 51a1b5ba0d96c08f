using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Reports;

/// <summary>
/// One template's narrative outline and indicator set, for administrators: add, rename, reorder and remove headings;
/// add, rename, re-unit, reorder, deactivate and reactivate indicators. Every change is one post saved through the
/// audited SaveChanges; a refused change shows the reason and changes nothing.
/// </summary>
public sealed class TemplateEditModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Dictionary<string, string?> Numbers { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Titles { get; set; } = [];
    [BindProperty] public string? NewNumber { get; set; }
    [BindProperty] public string? NewTitle { get; set; }
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewGroup { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewUnit { get; set; }
    [BindProperty] public string? NewBreakdown { get; set; }
    [BindProperty] public string? NewTargetUnit { get; set; }

    public ReportTemplate Template { get; private set; } = null!;
    /// <summary>The template's indicators in their order.</summary>
    public List<Indicator> Active { get; private set; } = [];
    /// <summary>Catalogue indicators this template does not ask for (deactivated here, or never used).</summary>
    public List<Indicator> Inactive { get; private set; } = [];

    public string? Message => Request.Query["done"].FirstOrDefault() switch
    {
        "saved" => Lang.T("Đã lưu.", "Saved."),
        "added" => Lang.T("Đã thêm.", "Added."),
        "removed" => Lang.T("Đã xóa mục khỏi đề cương. Nội dung các đơn vị đã viết trong mục này vẫn được lưu trong báo cáo của họ.",
            "Section removed. What agencies wrote under it stays stored in their reports."),
        "deactivated" => Lang.T("Đã ngừng dùng chỉ tiêu trong mẫu này. Số liệu đã báo cáo vẫn được giữ và vẫn được tổng hợp cho các kỳ đã báo cáo.",
            "Indicator deactivated. Filed figures are kept and still consolidated for their periods."),
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSectionsAsync(CancellationToken ct) => ActAsync(t =>
    {
        t.RenameSections(t.Sections.Where(s => Titles.ContainsKey(s.Key))
            .ToDictionary(s => s.Key, s => (Numbers.GetValueOrDefault(s.Key) ?? "", Titles[s.Key] ?? "")));
        return Task.CompletedTask;
    }, "saved", ct);

    public Task<IActionResult> OnPostAddSectionAsync(CancellationToken ct) => ActAsync(t =>
    {
        if (string.IsNullOrWhiteSpace(NewTitle))
            throw new FieldException(nameof(NewTitle), Lang.T("Hãy nhập tên mục đề cương, ví dụ: Tồn tại, hạn chế và nguyên nhân.", "Enter the section's title."));
        t.AddSection(NewNumber ?? "", NewTitle);
        return Task.CompletedTask;
    }, "added", ct);

    public Task<IActionResult> OnPostMoveSectionAsync(string key, int by, CancellationToken ct) => ActAsync(t =>
    {
        t.MoveSection(key, Math.Sign(by));
        return Task.CompletedTask;
    }, "saved", ct);

    public Task<IActionResult> OnPostRemoveSectionAsync(string key, CancellationToken ct) => ActAsync(t =>
    {
        t.RemoveSection(key);
        return Task.CompletedTask;
    }, "removed", ct);

    public Task<IActionResult> OnPostIndicatorAsync(int indicatorId, string? group, string? name, string? unit, string? breakdown, string? targetUnit, CancellationToken ct) =>
        ActAsync(async t =>
        {
            if (t.Indicators.All(i => i.IndicatorId != indicatorId)) throw new DomainException("Chỉ tiêu không thuộc mẫu báo cáo này. (The indicator is not in this template.)", 404);
            var indicator = await db.Indicators.SingleAsync(i => i.Id == indicatorId, ct);
            indicator.Update(group ?? "", name ?? "", unit ?? "", Parts(breakdown), targetUnit);
        }, "saved", ct);

    public Task<IActionResult> OnPostMoveIndicatorAsync(int indicatorId, int by, CancellationToken ct) => ActAsync(t =>
    {
        t.MoveIndicator(indicatorId, Math.Sign(by));
        return Task.CompletedTask;
    }, "saved", ct);

    public Task<IActionResult> OnPostDeactivateIndicatorAsync(int indicatorId, CancellationToken ct) => ActAsync(t =>
    {
        t.DeactivateIndicator(indicatorId);
        return Task.CompletedTask;
    }, "deactivated", ct);

    public Task<IActionResult> OnPostActivateIndicatorAsync(int indicatorId, CancellationToken ct) => ActAsync(async t =>
    {
        if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId, ct)) throw new DomainException("Không tìm thấy chỉ tiêu. (Indicator not found.)", 404);
        t.ActivateIndicator(indicatorId);
    }, "added", ct);

    public async Task<IActionResult> OnPostNewIndicatorAsync(CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        if (!await db.ReportTemplates.AnyAsync(t => t.Id == Id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(NewName)) ModelState.AddModelError(nameof(NewName), Lang.T("Hãy nhập tên chỉ tiêu, ví dụ: Họp báo, giao ban báo chí.", "Enter the indicator's name."));
        if (string.IsNullOrWhiteSpace(NewUnit)) ModelState.AddModelError(nameof(NewUnit), Lang.T("Hãy nhập đơn vị tính, ví dụ: tin, bài; cuộc; lượt.", "Enter a unit, e.g. articles."));
        var code = NewCode?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(code) && await db.Indicators.AnyAsync(i => i.Code == code, ct))
            ModelState.AddModelError(nameof(NewCode), Lang.T($"Mã chỉ tiêu \"{code}\" đã có: hãy chọn mã khác hoặc để trống để hệ thống tự đặt.",
                $"Code \"{code}\" is taken: choose another or leave it empty."));
        if (ModelState.IsValid)
        {
            try
            {
                await TemplateAdmin.CreateIndicatorAsync(db, new TemplateAdmin.IndicatorInput(code, NewGroup ?? "", NewName!, NewUnit!, Parts(NewBreakdown), NewTargetUnit, Id), ct);
                return Redirect($"/Reports/Templates/{Id}?done=added#indicators");
            }
            catch (DomainException e) { ModelState.AddModelError(e.Message.StartsWith("Mã", StringComparison.Ordinal) ? nameof(NewCode) : "", e.Message); }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private static string[] Parts(string? text) => (text ?? "").Split(';', '\n');

    /// <summary>A refusal that belongs to one field of the page's forms.</summary>
    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    private async Task<IActionResult> ActAsync(Func<ReportTemplate, Task> change, string done, CancellationToken ct)
    {
        if (!User.IsAdministrator()) return Forbid();
        var template = await db.ReportTemplates.Include(t => t.Indicators).SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        try
        {
            await change(template);
            await db.SaveChangesAsync(ct);
            return Redirect($"/Reports/Templates/{Id}?done={done}");
        }
        catch (FieldException e) { ModelState.AddModelError(e.Field, e.Message); }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Lang.T("Mẫu báo cáo vừa được người khác sửa: hãy tải lại trang rồi làm lại.", "Someone changed the template just now: reload and redo."));
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var template = await db.ReportTemplates.AsNoTracking().Include(t => t.Indicators).ThenInclude(i => i.Indicator).SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return false;
        Template = template;
        Active = [.. template.Indicators.OrderBy(i => i.Order).Select(i => i.Indicator!)];
        var used = Active.Select(i => i.Id).ToHashSet();
        Inactive = [.. (await db.Indicators.AsNoTracking().OrderBy(i => i.Group).ThenBy(i => i.Id).ToListAsync(ct)).Where(i => !used.Contains(i.Id))];
        return true;
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
