using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Calendar;

public enum EntryKind { Anniversary, Deadline, Event }

/// <summary>One thing on the calendar on one day or span: an anniversary, a task's due date, or a registered event.</summary>
public sealed record CalendarEntry(EntryKind Kind, DateOnly Start, DateOnly End, string Title, string? Detail, string? Link, bool Round, string Uid);

/// <summary>What the calendar shows for a span of days, scoped to what the user (or a feed's organisation) may see.</summary>
public static class CalendarEntries
{
    /// <summary>
    /// Whose entries: <paramref name="organisationId"/> null = every organisation's tasks and events; otherwise the tasks that
    /// organisation leads or co-ordinates and its own events. Anniversaries: national plus <paramref name="provinceId"/>'s.
    /// </summary>
    public static async Task<List<CalendarEntry>> ForAsync(AppDb db, DateOnly from, DateOnly to, int? organisationId, int? provinceId,
        CalendarSettings settings, CancellationToken ct = default)
    {
        var list = new List<CalendarEntry>();
        for (var year = Math.Max(from.Year, AnniversaryQueries.MinYear); year <= Math.Min(to.Year, AnniversaryQueries.MaxYear); year++)
        {
            foreach (var a in await AnniversaryQueries.ForYearAsync(db, year, provinceId, settings.RoundYears, ct))
            {
                if (a.Date < from || a.Date > to) continue;
                list.Add(new(EntryKind.Anniversary, a.Date, a.Date, a.Text, a.SourceNote, $"/calendar/anniversaries?year={year}", a.Round, $"anniversary-{a.Key.Replace(':', '-')}"));
            }
        }

        var occurrences = db.TaskOccurrences.AsNoTracking().Where(o => (o.ExtendedTo ?? o.Due) >= from && (o.ExtendedTo ?? o.Due) <= to);
        if (organisationId is { } org)
            occurrences = occurrences.Where(o => o.Task!.LeadAgencyId == org || o.Task.Coordinators.Any(c => c.OrganisationId == org));
        var due = await occurrences
            .Select(o => new { o.Id, o.PlanTaskId, Due = o.ExtendedTo ?? o.Due, o.Task!.Text, Plan = o.Task.Plan!.Number ?? o.Task.Plan.Title, Lead = o.Task.LeadAgency!.Name, o.CompletedOn })
            .ToListAsync(ct);
        list.AddRange(due.Select(d => new CalendarEntry(EntryKind.Deadline, d.Due, d.Due, Shorten(d.Text), $"{d.Lead} · {d.Plan}{(d.CompletedOn is null ? "" : " · đã hoàn thành")}",
            $"/Tasks/{d.PlanTaskId}", false, $"deadline-{d.Id}")));

        var events = db.CalendarEvents.AsNoTracking().Where(e => e.StartDate <= to && e.EndDate >= from);
        if (organisationId is { } own) events = events.Where(e => e.OrganisationId == own);
        var rows = await events.Select(e => new { e.Id, e.Title, e.StartDate, e.EndDate, e.Place, e.Note, Org = e.Organisation!.Name }).ToListAsync(ct);
        list.AddRange(rows.Select(e => new CalendarEntry(EntryKind.Event, e.StartDate, e.EndDate, e.Title,
            string.Join(" · ", new[] { e.Org, e.Place, e.Note }.Where(s => !string.IsNullOrWhiteSpace(s))), $"/calendar/events/{e.Id}", false, $"event-{e.Id}")));

        return list.OrderBy(e => e.Start).ThenBy(e => e.Kind).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The organisation whose entries a user sees: null (everything) for province-wide roles and viewers.</summary>
    public static int? ScopeOf(ClaimsPrincipal user) => user.SeesAllTasks() ? null : user.OrganisationId() ?? -1;

    /// <summary>The lunar day and month as Vietnamese wall calendars print them beside the solar day ("1/4"; "N" marks a leap month).</summary>
    public static string LunarLabel(DateOnly date)
    {
        var l = LunarCalendar.FromSolar(date);
        return $"{l.Day}/{l.Month}{(l.IsLeapMonth ? "N" : "")}";
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";
}

/// <summary>Registered events: added and changed by officers of the organisation (see <see cref="CalendarAccess.CanManageEvents"/>).</summary>
public static class EventChanges
{
    public sealed record Input(string Title, DateOnly StartDate, DateOnly? EndDate, int OrganisationId, string? Place, string? Note, int Version = 0);

    public sealed record View(int Id, string Title, DateOnly StartDate, DateOnly EndDate, int OrganisationId, string? Place, string? Note, int Version)
    {
        public static View Of(CalendarEvent e) => new(e.Id, e.Title, e.StartDate, e.EndDate, e.OrganisationId, e.Place, e.Note, e.Version);
    }

    public static async Task<CalendarEvent> CreateAsync(AppDb db, ClaimsPrincipal user, Input input, TimeProvider clock, CancellationToken ct = default)
    {
        await CheckAsync(db, user, input.OrganisationId, ct);
        var e = new CalendarEvent(input.Title, input.StartDate, input.EndDate ?? input.StartDate, input.OrganisationId, input.Place, input.Note,
            user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        db.CalendarEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public static async Task<CalendarEvent> UpdateAsync(AppDb db, ClaimsPrincipal user, int id, Input input, CancellationToken ct = default)
    {
        var e = await LoadAsync(db, id, input.Version, ct);
        await CheckAsync(db, user, e.OrganisationId, ct);
        if (input.OrganisationId != e.OrganisationId) await CheckAsync(db, user, input.OrganisationId, ct);
        e.Update(input.Title, input.StartDate, input.EndDate ?? input.StartDate, input.OrganisationId, input.Place, input.Note);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public static async Task DeleteAsync(AppDb db, ClaimsPrincipal user, int id, int version, CancellationToken ct = default)
    {
        var e = await LoadAsync(db, id, version, ct);
        await CheckAsync(db, user, e.OrganisationId, ct);
        db.CalendarEvents.Remove(e);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<CalendarEvent> LoadAsync(AppDb db, int id, int version, CancellationToken ct)
    {
        var e = await db.CalendarEvents.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Không tìm thấy sự kiện. (Event not found.)", 404);
        if (version > 0)
        {
            if (version != e.Version) throw DomainException.Conflict("Sự kiện vừa được người khác sửa. Hãy tải lại trang. (Changed by someone else: reload.)");
            db.Entry(e).Property(x => x.Version).OriginalValue = version;
        }
        return e;
    }

    private static async Task CheckAsync(AppDb db, ClaimsPrincipal user, int organisationId, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            throw new DomainException("Đơn vị được chọn không có trong danh mục tổ chức. (Organisation not found.)");
        if (!user.CanManageEvents(organisationId))
            throw new DomainException("Bạn chỉ được ghi sự kiện của đơn vị mình. (You can only register your own organisation's events.)", 403);
    }
}
