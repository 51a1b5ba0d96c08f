using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Plans;

/// <summary>
/// /Plans/{id}/Dashboard — the leader's view of one plan as of a date: headline numbers, a traffic light and counts per
/// lead agency and per theme, charts, and the overdue list. Aggregate data, so every signed-in user may open it.
/// </summary>
public sealed class DashboardModel(AppDb db, ReadModelCache cache, TimeProvider clock) : PageModel
{
    /// <summary>The date the numbers are computed for, typed dd/MM/yyyy; empty means today.</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    /// <summary><c>overdue</c> (default) or <c>name</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>The plan picked in the plan picker (a plain GET form): the page moves to that plan's dashboard.</summary>
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PickedPlan { get; set; }

    public DashboardApi.DashboardView Data { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string AsOfText { get; private set; } = "";
    public List<(int Id, string Label)> Plans { get; private set; } = [];
    public string OverallChart { get; private set; } = "";
    public string AgencyChart { get; private set; } = "";
    public string ThemeChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (PickedPlan is { } picked && picked != id)
            return Redirect($"/Plans/{picked}/Dashboard" + (Sort is DashboardApi.SortName ? "?sort=name" : ""));

        Today = TaskActions.Today(clock);
        var asOf = Today;
        if (!DateInput.TryParse(AsOf, out var typed))
        {
            ModelState.AddModelError(nameof(AsOf), Lang.T(
                $"Ngày \"{AsOf}\" không đúng dạng: hãy gõ ngày/tháng/năm, ví dụ 30/06/2022. Số liệu dưới đây đang tính đến hôm nay ({Lang.Date(Today)}).",
                $"\"{AsOf}\" is not a date: type day/month/year, e.g. 30/06/2022. The figures below are as of today ({Lang.Date(Today)})."));
        }
        else if (typed is { } d)
        {
            asOf = d;
        }
        AsOfText = ModelState.IsValid ? Lang.Date(asOf) : AsOf ?? "";
        var sort = Sort == DashboardApi.SortName ? DashboardApi.SortName : DashboardApi.SortOverdue;

        var data = await DashboardApi.LoadAsync(db, cache, id, asOf, sort, ct);
        if (data is null) return NotFound();
        Data = data;

        var published = await cache.GetOrComputeAsync(db, "dashboard:plans", async () => (await db.Plans.AsNoTracking()
                .Where(p => p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amended || p.Status == PlanStatus.Closed)
                .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, Label: string.IsNullOrEmpty(p.Number) ? p.Title : $"{p.Number} — {p.Title}"))
            .ToList());
        // A draft's own dashboard lists the draft too.
        Plans = published.Any(p => p.Id == id) ? published : [(id, Data.Number is { Length: > 0 } n ? $"{n} — {Data.Title}" : Data.Title), .. published];

        var series = StatusSeries();
        var unit = Lang.T("việc", "items");
        OverallChart = Svg.Donut("chart-overall",
            Lang.T($"Tình hình thực hiện chung đến ngày {Lang.Date(asOf)}", $"Overall progress as of {Lang.Date(asOf)}"),
            Lang.T("Biểu đồ vành khuyên chia tổng số việc đã đến kỳ theo tình trạng.", "Donut chart of all items begun, by status."),
            series, DashboardApi.Values(Data.Overall), $"{Data.Overall.PercentDone}%", Lang.T("đã hoàn thành", "done"), unit);
        AgencyChart = Svg.StackedBars("chart-agencies",
            Lang.T("Tình hình thực hiện theo cơ quan chủ trì", "Progress by lead agency"),
            Lang.T("Biểu đồ thanh: mỗi thanh là một cơ quan chủ trì, chia theo tình trạng; số liệu chi tiết ở bảng dưới.",
                "Bar chart: one bar per lead agency, split by status; the table below has the figures."),
            series, Data.ByAgency.Select(g => new Svg.Row(g.Name, DashboardApi.Values(g.Tally))).ToList(), unit);
        ThemeChart = Svg.StackedBars("chart-themes",
            Lang.T("Tình hình thực hiện theo nội dung", "Progress by theme"),
            Lang.T("Biểu đồ thanh: mỗi thanh là một nội dung của kế hoạch, chia theo tình trạng; số liệu chi tiết ở bảng dưới.",
                "Bar chart: one bar per theme of the plan, split by status; the table below has the figures."),
            series, Data.ByTheme.Select(g => new Svg.Row(g.Name, DashboardApi.Values(g.Tally))).ToList(), unit);
        return Page();
    }

    /// <summary>The five statuses, in the officials' words, with the colours and patterns of the status palette.</summary>
    public static IReadOnlyList<Svg.Series> StatusSeries() =>
    [
        new(PlanLabels.Of(TaskStatus.DoneOnTime), Svg.Palette.Ok, Svg.Fill.Solid),
        new(PlanLabels.Of(TaskStatus.DoneLate), Svg.Palette.Warn, Svg.Fill.Stripes),
        new(PlanLabels.Of(TaskStatus.InProgressOverdue), Svg.Palette.Error, Svg.Fill.CrossHatch),
        new(PlanLabels.Of(TaskStatus.InProgressOnTime), Svg.Palette.Link, Svg.Fill.Dots),
        new(PlanLabels.Of(TaskStatus.NotStarted), Svg.Palette.Grey, Svg.Fill.Light, Svg.Palette.Text),
    ];

    /// <summary>The traffic light in words (shown next to the coloured dot).</summary>
    public static string LightWords(string light) => light switch
    {
        "red" => Lang.T("Đỏ – có việc quá hạn", "Red – work overdue"),
        "amber" => Lang.T("Vàng – có việc hoàn thành chậm", "Amber – work done late"),
        "green" => Lang.T("Xanh – đúng tiến độ", "Green – on schedule"),
        _ => Lang.T("Chưa có việc đến kỳ", "Nothing due to begin yet"),
    };

    /// <summary>Counts as officials write them: 1.234 in Vietnamese.</summary>
    public static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>This page with another sort order, keeping the date.</summary>
    public string SortUrl(string sort)
    {
        var query = new List<string>();
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(AsOf)) query.Add("asOf=" + Uri.EscapeDataString(AsOfText));
        if (sort == DashboardApi.SortName) query.Add("sort=name");
        return $"/Plans/{Data.PlanId}/Dashboard" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
