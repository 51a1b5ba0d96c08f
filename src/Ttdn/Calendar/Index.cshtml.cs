using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;
using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Calendar;

/// <summary>/calendar?month=2022-05[&amp;view=list]: the month as a grid (or a list) with lunar dates beside the solar ones.</summary>
public sealed class IndexModel(AppDb db, TimeProvider clock, CalendarSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly GridStart { get; private set; }
    public DateOnly GridEnd { get; private set; }
    public bool IsList => View == "list";
    public List<CalendarEntry> Entries { get; private set; } = [];
    public string? FeedUrl { get; private set; }
    public string LunarYear { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = TaskActions.Today(clock);
        First = new DateOnly(Today.Year, Today.Month, 1);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && first.Year is >= AnniversaryQueries.MinYear and <= AnniversaryQueries.MaxYear)
                First = first;
            else
                ModelState.AddModelError(nameof(Month), Lang.T($"Tháng \"{Month}\" không đúng dạng năm-tháng trong khoảng 1900–2100, ví dụ 2022-05; đang hiển thị tháng này.",
                    $"Month \"{Month}\" must be year-month within 1900–2100, e.g. 2022-05; showing this month."));
        }
        var last = First.AddMonths(1).AddDays(-1);
        GridStart = IsList ? First : First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        GridEnd = IsList ? last : last.AddDays((7 - (int)last.DayOfWeek) % 7);
        var province = await CalendarAccess.ProvinceOfAsync(db, User, ct);
        Entries = await CalendarEntries.ForAsync(db, GridStart, GridEnd, CalendarEntries.ScopeOf(User), province, settings, ct);
        var lunar = LunarCalendar.FromSolar(First);
        LunarYear = Vietnamese.Calendar.CanChi.OfYear(lunar.Year);
        if (User.OrganisationId() is { } org && User.CanEditAnything())
            FeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{org}.ics?token={await CalendarFeeds.TokenAsync(db, org, clock, ct)}";
    }

    public IEnumerable<CalendarEntry> On(DateOnly day) => Entries.Where(e => e.Start <= day && e.End >= day);

    public string MonthParam(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
