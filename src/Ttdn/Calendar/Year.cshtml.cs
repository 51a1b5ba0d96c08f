using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Calendar;

/// <summary>/calendar/anniversaries?year=2022: the year's anniversaries, and tasks drafted from the ticked ones into a plan.</summary>
public sealed class YearModel(AppDb db, TimeProvider clock, CalendarSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public int? PlanId { get; set; }
    [BindProperty] public int? LeadAgencyId { get; set; }
    [BindProperty] public string? LeadDays { get; set; }

    public List<AnniversaryQueries.YearItem> Items { get; private set; } = [];
    public List<AnniversaryQueries.Entry> Undated { get; private set; } = [];
    public List<(int Id, string Label, bool Editable)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public string? Province { get; private set; }
    public CalendarSettings Settings => settings;
    public bool CanDraft => User.CanEditPlans();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LeadDays ??= settings.LeadDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        int? days = null;
        if (!string.IsNullOrWhiteSpace(LeadDays))
        {
            if (int.TryParse(LeadDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d)) days = d;
            else ModelState.AddModelError(nameof(LeadDays), Lang.T("Số ngày chuẩn bị trước phải là số ngày, ví dụ 10.", "Lead time must be a number of days, e.g. 10."));
        }
        if (PlanId is null) ModelState.AddModelError(nameof(PlanId), Lang.T("Hãy chọn kế hoạch để thêm nhiệm vụ.", "Choose the plan to add the tasks to."));
        if (Selected.Count == 0) ModelState.AddModelError(nameof(Selected), Lang.T("Hãy đánh dấu ít nhất một ngày kỷ niệm.", "Tick at least one anniversary."));
        if (ModelState.IsValid)
        {
            try
            {
                var outcome = await AnniversaryDrafting.DraftAsync(db, User, new(PlanId!.Value, Selected, LeadAgencyId, days), settings, ct);
                TempData["Notice"] = Lang.T($"Đã thêm {outcome.Added.Count} nhiệm vụ tuyên truyền vào kế hoạch.", $"Added {outcome.Added.Count} tasks to the plan.")
                    + (outcome.AlreadyInPlan.Count > 0 ? Lang.T($" {outcome.AlreadyInPlan.Count} nhiệm vụ đã có sẵn nên không thêm lại.", $" {outcome.AlreadyInPlan.Count} were already there.") : "");
                return Redirect($"/Plans/{PlanId}#tasks");
            }
            catch (DomainException e) when (e.StatusCode != 403)
            {
                ModelState.AddModelError(e.Message.Contains("kế hoạch", StringComparison.OrdinalIgnoreCase) ? nameof(PlanId)
                    : e.Message.Contains("ngày chuẩn bị", StringComparison.Ordinal) ? nameof(LeadDays) : nameof(Selected), e.Message);
            }
            catch (DomainException)
            {
                return Forbid();
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = Year ?? TaskActions.Today(clock).Year;
        if (year is < AnniversaryQueries.MinYear or > AnniversaryQueries.MaxYear)
        {
            ModelState.AddModelError(nameof(Year), Lang.T($"Năm {year} nằm ngoài khoảng 1900–2100; đang hiển thị năm nay.", $"Year {year} is outside 1900–2100; showing this year."));
            year = TaskActions.Today(clock).Year;
        }
        Year = year;
        var provinceId = await CalendarAccess.ProvinceOfAsync(db, User, ct);
        Province = provinceId is { } p ? await db.Organisations.Where(o => o.Id == p).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        Items = await AnniversaryQueries.ForYearAsync(db, year, provinceId, settings.RoundYears, ct);
        Undated = await AnniversaryQueries.UndatedAsync(db, provinceId, ct);
        if (!CanDraft) return;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var plans = await db.Plans.AsNoTracking().Where(x => x.PeriodStart <= to && x.PeriodEnd >= from).OrderByDescending(x => x.Status == PlanStatus.Draft)
            .Select(x => new { x.Id, x.Number, x.Title, x.Status }).ToListAsync(ct);
        Plans = plans.Select(x => (x.Id, $"{(x.Number is null ? "" : x.Number + " – ")}{x.Title} ({PlanLabels.Of(x.Status)})", x.Status is PlanStatus.Draft or PlanStatus.Amended)).ToList();
        if (PlanId is null && Plans.Any(x => x.Editable)) PlanId = Plans.First(x => x.Editable).Id;
        Agencies = (await db.Organisations.AsNoTracking()
            .Where(o => (o.ProvinceId == provinceId || o.Id == provinceId) && (o.ValidFrom == null || o.ValidFrom <= to) && (o.ValidTo == null || o.ValidTo >= from))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }
}
