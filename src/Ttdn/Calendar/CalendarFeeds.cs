using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Tasks;

namespace Ttdn.Calendar;

/// <summary>
/// The organisation's iCalendar feed at <c>/calendar/{id}.ics?token=…</c>. Calendar apps fetch it without a cookie, so
/// the address carries a random per-organisation secret; a wrong or missing token gets 404, as if there were no feed.
/// </summary>
public static class CalendarFeeds
{
    public static async Task<string> TokenAsync(AppDb db, int organisationId, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.OrganisationId == organisationId, ct) is { } feed) return feed.Token;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.CalendarFeeds.Add(new CalendarFeed(organisationId, token, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{organisationId:int}.ics", Feed).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> Feed(int organisationId, string? token, AppDb db, TimeProvider clock, CalendarSettings settings, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.OrganisationId == organisationId, ct);
        if (feed is null || string.IsNullOrEmpty(token)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(feed.Token), Encoding.UTF8.GetBytes(token)))
            return Results.NotFound();
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.Kind, o.ProvinceId }).SingleAsync(ct);
        var today = TaskActions.Today(clock);
        // A year back and a year and a half ahead: enough for planning without an ever-growing feed.
        var entries = await CalendarEntries.ForAsync(db, today.AddYears(-1), today.AddMonths(18), organisationId,
            org.Kind == OrganisationKind.Province ? organisationId : org.ProvinceId, settings, ct);
        var body = ICalendarWriter.Write($"TTĐN – {org.Name}", entries, clock.GetUtcNow());
        return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
    }
}
