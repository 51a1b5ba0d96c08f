using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;

namespace Ttdn.Tasks;

/// <summary>
/// "Việc của tôi": the signed-in user's organisation's occurrences due in the chosen period, plus anything overdue
/// from before, with a one-line reminder at the top. Only plans in force (issued or being amended) count.
/// </summary>
public sealed class MineModel(AppDb db, ReadModelCache cache, TimeProvider clock) : PageModel
{
    public const int DueSoonDays = 7;

    /// <summary>month (default), quarter or year.</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    /// <summary>A row and how it got here: led or co-ordinated by the user's organisation; due before the period (overdue carried over).</summary>
    public sealed record Item(TaskQueries.Row Row, bool Leads, bool CarriedOver);

    public List<Item> Items { get; private set; } = [];
    public int? OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int OverdueCount { get; private set; }
    public int DueSoonCount { get; private set; }
    public int InPeriodCount { get; private set; }
    public int InPeriodDone { get; private set; }

    private sealed record MineRows(string OrganisationName, IReadOnlyList<TaskQueries.Row> Rows);

    public string PeriodKey => Period is "quarter" or "year" ? Period : "month";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = TaskActions.Today(clock);
        (From, To) = PeriodKey switch
        {
            "year" => (new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31)),
            "quarter" => (new DateOnly(Today.Year, (Today.Month - 1) / 3 * 3 + 1, 1), new DateOnly(Today.Year, (Today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1)),
            _ => (new DateOnly(Today.Year, Today.Month, 1), new DateOnly(Today.Year, Today.Month, 1).AddMonths(1).AddDays(-1)),
        };
        OrganisationId = User.OrganisationId();
        if (OrganisationId is not { } org) return;

        // Filtered in SQL: plans in force only, nothing due after what the page can show, and nothing finished before the
        // period that is no longer overdue or due (every number below is computed from what remains).
        var lastShown = To > Today.AddDays(DueSoonDays) ? To : Today.AddDays(DueSoonDays);
        var firstShown = From < Today ? From : Today;
        // Cached per organisation and window like the dashboard (decision 0015): officers reload this page all day, and on
        // PostgreSQL planning and running the occurrence query costs more than the 3 ms a request may take.
        var (name, all) = await cache.GetOrComputeAsync(db, $"mine:{org}:{Today.DayNumber}:{firstShown.DayNumber}:{lastShown.DayNumber}", async () =>
            new MineRows(
                await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "",
                await TaskQueries.ListAsync(db, new TaskQueries.Filter(AgencyId: org, OnlyStarted: false, DueTo: lastShown, OnlyPlansInForce: true,
                    OpenOrDueFrom: firstShown, WithLinks: false), Today, ct)));
        OrganisationName = name;

        var inPeriod = all.Where(r => From <= r.Due && r.Due <= To).ToList();
        var carried = all.Where(r => r.Due < From && TaskStatusRules.IsOverdue(r.Status)).ToList();
        Items = carried.Select(r => new Item(r, r.LeadAgencyId == org, true))
            .Concat(inPeriod.Select(r => new Item(r, r.LeadAgencyId == org, false)))
            .OrderBy(i => i.Row.Due).ThenBy(i => i.Row.PlanId).ThenBy(i => i.Row.Order)
            .ToList();

        OverdueCount = all.Count(r => TaskStatusRules.IsOverdue(r.Status));
        DueSoonCount = all.Count(r => !TaskStatusRules.IsDone(r.Status) && Today <= r.Due && r.Due <= Today.AddDays(DueSoonDays));
        InPeriodCount = inPeriod.Count;
        InPeriodDone = inPeriod.Count(r => TaskStatusRules.IsDone(r.Status));
    }

    public string PeriodName(string key) => key switch
    {
        "year" => Lang.T($"Năm nay ({Today.Year})", $"This year ({Today.Year})"),
        "quarter" => Lang.T($"Quý này ({TaskText.Period(QuarterStart, QuarterStart.AddMonths(3).AddDays(-1))})", $"This quarter ({TaskText.Period(QuarterStart, QuarterStart.AddMonths(3).AddDays(-1))})"),
        _ => Lang.T($"Tháng này ({Today.Month:00}/{Today.Year})", $"This month ({Today.Month:00}/{Today.Year})"),
    };

    private DateOnly QuarterStart => new(Today.Year, (Today.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>The reminder in words: "3 việc quá hạn, 2 việc đến hạn trong 7 ngày tới".</summary>
    public string Reminder()
    {
        var parts = new List<string>();
        if (OverdueCount > 0) parts.Add(Lang.T($"{OverdueCount} việc quá hạn", $"{OverdueCount} overdue"));
        if (DueSoonCount > 0) parts.Add(Lang.T($"{DueSoonCount} việc đến hạn trong {DueSoonDays} ngày tới", $"{DueSoonCount} due in the next {DueSoonDays} days"));
        return parts.Count == 0
            ? Lang.T($"Không có việc quá hạn và không có việc đến hạn trong {DueSoonDays} ngày tới.", $"Nothing overdue and nothing due in the next {DueSoonDays} days.")
            : string.Join(", ", parts) + ".";
    }

    /// <summary>Long duties are cut at a word for the list; the task page shows them whole.</summary>
    public static string Shorten(string text, int max = 240)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut < max / 2 ? max : cut)] + " …";
    }
}
