using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>
/// One organisation's report of a period: its officers write narratives and figures and submit; the lead department
/// returns it with a comment, accepts it (locking it) or reopens it with a reason. Every action goes through
/// <see cref="ReportActions"/>, which checks role and organisation.
/// </summary>
public sealed class AgencyModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Dictionary<string, string?> Narratives { get; set; } = [];
    /// <summary>Figures keyed "indicatorId:part index" (−1 = the single total), as typed ("1.250").</summary>
    [BindProperty] public Dictionary<string, string?> Figures { get; set; } = [];
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public ReportQueries.AgencyView Report { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct, fill: true) ?? Page();

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => ActAsync(() => SaveAsync(ct), "saved", ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (!await SaveAsync(ct)) return false;
        await ReportActions.SubmitAsync(db, User, Id, null, clock, ct);
        return true;
    }, "submitted", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => ActAsync(async () =>
    {
        await ReportActions.ReturnAsync(db, User, Id, Comment, clock, ct);
        return true;
    }, "returned", ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => ActAsync(async () =>
    {
        await ReportActions.AcceptAsync(db, User, Id, clock, ct);
        return true;
    }, "accepted", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => ActAsync(async () =>
    {
        await ReportActions.ReopenAsync(db, User, Id, Comment, clock, ct);
        return true;
    }, "reopened", ct);

    public string? Done => Request.Query["done"].FirstOrDefault() switch
    {
        "saved" => Lang.T("Đã lưu báo cáo.", "Report saved."),
        "submitted" => Lang.T("Đã gửi báo cáo tới Sở đầu mối.", "Report submitted to the lead department."),
        "returned" => Lang.T("Đã trả lại báo cáo kèm ý kiến.", "Report returned with your comment."),
        "accepted" => Lang.T("Đã tiếp nhận báo cáo; báo cáo đã khóa.", "Report accepted and locked."),
        "reopened" => Lang.T("Đã mở lại báo cáo để đơn vị sửa.", "Report reopened for corrections."),
        _ => null,
    };

    public static string FigureKey(int indicatorId, int part) => $"{indicatorId}:{part}";

    public string? FigureText(int indicatorId, int part) => Figures.GetValueOrDefault(FigureKey(indicatorId, part));

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        var figures = new List<AgencyReport.FigureInput>();
        var indicators = await ReportQueries.IndicatorsAsync(db, await db.AgencyReports.Where(r => r.Id == Id).Select(r => r.TemplateId).SingleAsync(ct), ct);
        foreach (var i in indicators)
            foreach (var part in i.Breakdown.Count == 0 ? [-1] : Enumerable.Range(0, i.Breakdown.Count))
            {
                var key = FigureKey(i.Id, part);
                var text = Figures.GetValueOrDefault(key);
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (ParseNumber(text) is { } value) figures.Add(new(i.Id, part < 0 ? null : i.Breakdown[part], value));
                else ModelState.AddModelError("Figures_" + key.Replace(':', '_'), Lang.T(
                    $"Số liệu \"{i.Name}{(part < 0 ? "" : " – " + i.Breakdown[part])}\" phải là một số, ví dụ 350 hoặc 1.250 hoặc 12,5.",
                    $"\"{i.Name}\" must be a number, e.g. 350, 1.250 or 12,5."));
            }
        if (!ModelState.IsValid) return false;
        await ReportActions.SaveAsync(db, User, Id, new ReportActions.SaveInput(
            Narratives.Where(n => n.Value is not null).ToDictionary(n => n.Key, n => n.Value!), figures, Version), ct);
        return true;
    }

    /// <summary>Vietnamese writing: "." groups thousands, "," marks decimals.</summary>
    public static decimal? ParseNumber(string text)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private async Task<IActionResult> ActAsync(Func<Task<bool>> action, string done, CancellationToken ct)
    {
        var visible = await db.AgencyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (visible is null) return NotFound();
        if (!await ReportAccess.CanSeeAsync(db, User, visible, ct)) return Forbid();
        try
        {
            if (await action()) return Redirect($"/Reports/Agency/{Id}?done={done}");
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) { ModelState.AddModelError(done is "returned" or "reopened" ? nameof(Comment) : "", e.Message); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Lang.T("Báo cáo vừa được người khác thay đổi. Hãy tải lại trang rồi nhập lại.", "Someone changed the report just now: reload and redo."));
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(ct, fill: false) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool fill)
    {
        var row = await db.AgencyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (row is null) return NotFound();
        if (!await ReportAccess.CanSeeAsync(db, User, row, ct)) return Forbid();
        Report = await ReportQueries.AgencyAsync(db, Id, TaskActions.Today(clock), ct);
        CanWrite = ReportAccess.CanWrite(User, row.OrganisationId);
        CanReview = await ReportAccess.CanReviewAsync(db, User, row.PlanId, ct);
        if (fill)
        {
            Narratives = Report.Narratives.ToDictionary(n => n.Key, n => (string?)n.Value);
            Version = Report.Version;
            foreach (var i in Report.Indicators)
                foreach (var f in Report.Figures.Where(f => f.IndicatorId == i.Id))
                    Figures[FigureKey(i.Id, f.Part.Length == 0 ? -1 : i.Breakdown.ToList().IndexOf(f.Part))] = ReportDocument.Number(f.Value);
        }
        return null;
    }
}
