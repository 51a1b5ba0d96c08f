using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks;

/// <summary>
/// Every task occurrence the user may see, filtered, sorted on the server and exportable to Excel with the same
/// filters. Users who see only their own organisation's work are held to it whatever the query string says.
/// </summary>
public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Also list occurrences that have not begun yet (next months of a monthly duty).</summary>
    [BindProperty(SupportsGet = true)] public bool Upcoming { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public List<TaskQueries.Row> Rows { get; private set; } = [];
    public TaskQueries.Tally Tally { get; private set; } = TaskQueries.Tally.Of([]);
    public List<(int Id, string Label)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<(int Id, string Label)> Themes { get; private set; } = [];
    public List<(int Id, string Label)> Channels { get; private set; } = [];
    public string? OwnOrganisation { get; private set; }
    public DateOnly Today { get; private set; }

    public bool SeesAll => User.SeesAllTasks();
    public string SortKey => Sort is "agency" or "status" or "plan" ? Sort : "due";
    public bool Descending => Dir == "desc";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = await PrepareAsync(ct);
        if (filter is not null) Rows = Order(await TaskQueries.ListAsync(db, filter, Today, ct));
        Tally = TaskQueries.Tally.Of(Rows);
    }

    /// <summary>The same list as an .xlsx file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var filter = await PrepareAsync(ct);
        if (filter is null)
        {
            Tally = TaskQueries.Tally.Of(Rows);
            return Page();
        }
        var rows = Order(await TaskQueries.ListAsync(db, filter, Today, ct));
        return File(TaskSpreadsheet.Write(rows), TaskSpreadsheet.ContentType, $"nhiem-vu-{Today:yyyy-MM-dd}.xlsx");
    }

    /// <summary>Loads the filter choices and turns the query into a filter; null when a typed date is wrong (errors in ModelState).</summary>
    private async Task<TaskQueries.Filter?> PrepareAsync(CancellationToken ct)
    {
        Today = TaskActions.Today(clock);
        if (!SeesAll)
        {
            Agency = User.OrganisationId() ?? -1;
            OwnOrganisation = await db.Organisations.AsNoTracking().Where(o => o.Id == Agency).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        }
        await LoadChoicesAsync(ct);

        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        if (from is not null && to is not null && to < from)
            ModelState.AddModelError(nameof(To), Lang.T("Ngày \"đến\" phải sau ngày \"từ\".", "\"To\" must be after \"from\"."));
        TaskStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<TaskStatus>(Status, out var s) && Enum.IsDefined(s)) status = s;
            else ModelState.AddModelError(nameof(Status), Lang.T("Hãy chọn một trạng thái trong danh sách.", "Choose a status from the list."));
        }
        // Themes and channels belong to one plan: a choice left over from another plan is dropped.
        if (Theme is { } theme && Themes.All(t => t.Id != theme)) Theme = null;
        if (Channel is { } channel && Channels.All(c => c.Id != channel)) Channel = null;
        if (!ModelState.IsValid) return null;
        return new TaskQueries.Filter(PlanId: Plan, AgencyId: Agency, IncludeCoordinating: true, ThemeId: Theme, ChannelId: Channel, Status: status,
            DueFrom: from, DueTo: to, OnlyStarted: !Upcoming, Text: string.IsNullOrWhiteSpace(Q) ? null : Q);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Plans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Title)
                .Select(p => new { p.Id, p.Number, p.Title, p.Status }).ToListAsync(ct))
            .Select(p => (p.Id, $"{p.Number ?? PlanLabels.Of(p.Status)} — {p.Title}")).ToList();
        if (Plan is { } planId && Plans.All(p => p.Id != planId)) Plan = null;
        if (SeesAll)
        {
            var leads = db.PlanTasks.Select(t => t.LeadAgencyId);
            var coordinators = db.Set<TaskCoordinator>().Select(c => c.OrganisationId);
            Agencies = (await db.Organisations.AsNoTracking().Where(o => leads.Contains(o.Id) || coordinators.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        }
        if (Plan is { } chosen)
        {
            Themes = (await db.Themes.AsNoTracking().Where(t => t.PlanId == chosen).OrderBy(t => t.Order).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct))
                .Select(t => (t.Id, $"{t.Number}. {t.Title}")).ToList();
            Channels = (await db.PlanChannels.AsNoTracking().Where(c => c.PlanId == chosen).OrderBy(c => c.Order).Select(c => new { c.Id, c.Number, c.Title }).ToListAsync(ct))
                .Select(c => (c.Id, $"{c.Number}. {c.Title}")).ToList();
        }
    }

    private List<TaskQueries.Row> Order(List<TaskQueries.Row> rows)
    {
        IOrderedEnumerable<TaskQueries.Row> sorted = SortKey switch
        {
            "agency" => Descending ? rows.OrderByDescending(r => r.LeadAgency, StringComparer.Create(Lang.Vietnamese, false)) : rows.OrderBy(r => r.LeadAgency, StringComparer.Create(Lang.Vietnamese, false)),
            "status" => Descending ? rows.OrderByDescending(r => StatusRank(r.Status)) : rows.OrderBy(r => StatusRank(r.Status)),
            "plan" => Descending ? rows.OrderByDescending(r => r.PlanNumber ?? r.PlanTitle) : rows.OrderBy(r => r.PlanNumber ?? r.PlanTitle),
            _ => Descending ? rows.OrderByDescending(r => r.Due) : rows.OrderBy(r => r.Due),
        };
        return sorted.ThenBy(r => r.Due).ThenBy(r => r.PlanId).ThenBy(r => r.Order).ToList();
    }

    /// <summary>What needs attention first: overdue, not started, in progress, done late, done on time.</summary>
    public static int StatusRank(TaskStatus s) => s switch
    {
        TaskStatus.InProgressOverdue => 0,
        TaskStatus.NotStarted => 1,
        TaskStatus.InProgressOnTime => 2,
        TaskStatus.DoneLate => 3,
        _ => 4,
    };

    private DateOnly? ParseDate(string? text, string field)
    {
        if (DateInput.TryParse(text, out var date)) return date;
        ModelState.AddModelError(field, Lang.T($"\"{text}\" không phải ngày: hãy gõ ngày/tháng/năm, ví dụ 01/07/2026.", $"\"{text}\" is not a date: type day/month/year, e.g. 01/07/2026."));
        return null;
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="changes"/> (null removes a key).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plan"] = Plan?.ToString(), ["Agency"] = SeesAll ? Agency?.ToString() : null, ["Theme"] = Theme?.ToString(), ["Channel"] = Channel?.ToString(),
            ["Status"] = Status, ["From"] = From, ["To"] = To, ["Q"] = Q, ["Upcoming"] = Upcoming ? "true" : null, ["Sort"] = Sort, ["Dir"] = Dir,
        };
        foreach (var (key, value) in changes) values[key] = value;
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? "/Tasks" : "/Tasks?" + query;
    }

    /// <summary>The link of a sortable column header: ascending first, then toggles.</summary>
    public string SortUrl(string key) => Link(("Sort", key), ("Dir", SortKey == key && !Descending ? "desc" : null));

    public string? AriaSort(string key) => SortKey == key ? (Descending ? "descending" : "ascending") : null;
}
