using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

public static class CalendarApi
{
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(CalendarSettings.From(config));

    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar");
        api.MapGet("/anniversaries", List);
        api.MapPost("/anniversaries", Create);
        api.MapPut("/anniversaries/{id:int}", Update);
        api.MapDelete("/anniversaries/{id:int}", Remove);
        api.MapGet("/years/{year:int}", Year);
        api.MapPost("/drafts", Draft);
        api.MapGet("/entries", Entries);
        api.MapPost("/events", CreateEvent);
        api.MapPut("/events/{id:int}", UpdateEvent);
        api.MapDelete("/events/{id:int}", DeleteEvent);
        app.MapCalendarFeed();
    }

    /// <summary>The register, filtered by words of the name, kind, and province (or national entries only).</summary>
    private static async Task<Ok<List<AnniversaryQueries.Entry>>> List(string? text, AnniversaryKind? kind, int? provinceId, bool? national, AppDb db, CancellationToken ct) =>
        TypedResults.Ok(await AnniversaryQueries.ListAsync(db, new(text, kind, provinceId, national == true), ct));

    private static async Task<Created<AnniversaryQueries.Entry>> Create(AnniversaryChanges.Input input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        var entry = await AnniversaryChanges.CreateAsync(db, user, input, ct);
        return TypedResults.Created($"/api/calendar/anniversaries/{entry.Id}", await ViewAsync(db, entry.Id, ct));
    }

    private static async Task<Ok<AnniversaryQueries.Entry>> Update(int id, AnniversaryChanges.Input input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        await AnniversaryChanges.UpdateAsync(db, user, id, input, ct);
        return TypedResults.Ok(await ViewAsync(db, id, ct));
    }

    /// <summary>Removes an entry; <c>version</c> guards against removing what someone else just changed.</summary>
    private static async Task<NoContent> Remove(int id, int? version, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await AnniversaryChanges.RemoveAsync(db, user, id, version ?? 0, clock, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The year's anniversaries for a province (national ones only without <c>provinceId</c>), with years, the plans' sentence and the round flag.</summary>
    private static async Task<Ok<List<AnniversaryQueries.YearItem>>> Year(int year, int? provinceId, AppDb db, CalendarSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await AnniversaryQueries.ForYearAsync(db, year, provinceId, settings.RoundYears, ct));

    /// <summary>Drafts "Tuyên truyền kỷ niệm …" tasks from year-list items into a draft (or amended) plan, all or none.</summary>
    private static async Task<Created<AnniversaryDrafting.Outcome>> Draft(AnniversaryDrafting.Input input, ClaimsPrincipal user, AppDb db, CalendarSettings settings, CancellationToken ct)
    {
        var outcome = await AnniversaryDrafting.DraftAsync(db, user, input, settings, ct);
        return TypedResults.Created($"/api/plans/{input.PlanId}", outcome);
    }

    /// <summary>Anniversaries, task deadlines and events between two dates (at most a year), as the signed-in user may see them.</summary>
    private static async Task<Ok<List<CalendarEntry>>> Entries(DateOnly from, DateOnly to, ClaimsPrincipal user, AppDb db, CalendarSettings settings, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw new DomainException("Khoảng ngày phải từ from đến to, không quá một năm. (The range must run forwards and span at most a year.)");
        return TypedResults.Ok(await CalendarEntries.ForAsync(db, from, to, CalendarEntries.ScopeOf(user), await CalendarAccess.ProvinceOfAsync(db, user, ct), settings, ct));
    }

    private static async Task<Created<EventChanges.View>> CreateEvent(EventChanges.Input input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var e = await EventChanges.CreateAsync(db, user, input, clock, ct);
        return TypedResults.Created($"/api/calendar/events/{e.Id}", EventChanges.View.Of(e));
    }

    private static async Task<Ok<EventChanges.View>> UpdateEvent(int id, EventChanges.Input input, ClaimsPrincipal user, AppDb db, CancellationToken ct) =>
        TypedResults.Ok(EventChanges.View.Of(await EventChanges.UpdateAsync(db, user, id, input, ct)));

    private static async Task<NoContent> DeleteEvent(int id, int? version, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        await EventChanges.DeleteAsync(db, user, id, version ?? 0, ct);
        return TypedResults.NoContent();
    }

    private static async Task<AnniversaryQueries.Entry> ViewAsync(AppDb db, int id, CancellationToken ct)
    {
        var entry = await db.Anniversaries.AsNoTracking().Include(a => a.Province).SingleAsync(a => a.Id == id, ct);
        return AnniversaryQueries.View(entry);
    }
}
