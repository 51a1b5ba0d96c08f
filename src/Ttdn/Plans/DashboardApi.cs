using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Plans;

/// <summary>
/// The leader's dashboard of one plan as of a date: traffic lights and counts per lead agency and per theme, the
/// overall split and the overdue list. One read model for the page (/Plans/{id}/Dashboard) and the JSON API, so
/// both always show the same numbers. Aggregate data: every signed-in user may read it.
/// </summary>
public static class DashboardApi
{
    public sealed record TallyView(int Total, int DoneOnTime, int DoneLate, int Overdue, int InProgressOnTime, int NotStarted, int Done, int PercentDone,
        string Light)
    {
        public static TallyView Of(TaskQueries.Tally t) =>
            new(t.Total, t.DoneOnTime, t.DoneLate, t.Overdue, t.OnTime, t.NotStarted, t.Done, t.PercentDone, t.Total == 0 ? "none" : t.Light);
    }

    public sealed record GroupView(int Id, string Name, TallyView Tally);

    public sealed record OverdueView(int TaskId, int OccurrenceId, string Text, int LeadAgencyId, string LeadAgency, Recurrence Recurrence,
        DateOnly Start, DateOnly End, DateOnly Due, int DaysOverdue, int Percent);

    public sealed record DashboardView(int PlanId, string? Number, string Title, PlanStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd,
        DateOnly AsOf, string Sort, TallyView Overall, IReadOnlyList<GroupView> ByAgency, IReadOnlyList<GroupView> ByTheme, IReadOnlyList<OverdueView> Overdue);

    /// <summary>Sort orders of the agency and theme lists: most overdue first (default), or by name.</summary>
    public const string SortOverdue = "overdue", SortName = "name";

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plans").WithTags("Plans");
        api.MapGet("/{id:int}/dashboard", Get).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Traffic lights and counts per lead agency and per theme, the overall split and the overdue occurrences of a plan,
    /// as of <c>asOf</c> (yyyy-MM-dd, default today in Vietnam). <c>sort</c>: <c>overdue</c> (default) or <c>name</c>.
    /// Light: red = something overdue, amber = something done late, green = on schedule, none = nothing begun yet.
    /// </summary>
    private static async Task<Results<Ok<DashboardView>, NotFound, ProblemHttpResult>> Get(int id, DateOnly? asOf, string? sort, AppDb db, ReadModelCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        if (sort is not (null or SortOverdue or SortName))
            return TypedResults.Problem(statusCode: 400, title: "Yêu cầu không hợp lệ",
                detail: $"Cách sắp xếp \"{sort}\" không có: dùng sort=overdue (quá hạn nhiều trước) hoặc sort=name (theo tên). (Unknown sort.)");
        return await LoadAsync(db, cache, id, asOf ?? TaskActions.Today(clock), sort, ct) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>The dashboard of plan <paramref name="planId"/> as of <paramref name="asOf"/>; null when there is no such plan.</summary>
    public static async Task<DashboardView?> LoadAsync(AppDb db, ReadModelCache cache, int planId, DateOnly asOf, string? sort, CancellationToken ct = default)
    {
        var found = await cache.GetOrComputeAsync(db, $"dashboard:{planId}:{asOf.DayNumber}:{sort}",
            async () => new Found(await LoadAsync(db, planId, asOf, sort, ct)));
        return found.View;
    }

    /// <summary>A cached "no such plan" is an answer too.</summary>
    private sealed record Found(DashboardView? View);

    /// <summary>Computed from the database, without the cache.</summary>
    public static async Task<DashboardView?> LoadAsync(AppDb db, int planId, DateOnly asOf, string? sort, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Number, p.Title, p.Status, p.PeriodStart, p.PeriodEnd }).SingleOrDefaultAsync(ct);
        if (plan is null) return null;

        var rows = await TaskQueries.ListAsync(db, new TaskQueries.Filter(PlanId: planId), asOf, ct);

        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct);
        var byAgency = rows.GroupBy(r => (r.LeadAgencyId, r.LeadAgency))
            .Select(g => new GroupView(g.Key.LeadAgencyId, g.Key.LeadAgency, TallyView.Of(TaskQueries.Tally.Of(g))))
            .ToList();
        var byTheme = themes
            .Select(t => new GroupView(t.Id, $"{t.Number}. {t.Title}".TrimStart('.', ' '), TallyView.Of(TaskQueries.Tally.Of(rows.Where(r => r.ThemeIds.Contains(t.Id))))))
            .ToList();
        var overdue = rows.Where(r => TaskStatusRules.IsOverdue(r.Status))
            .Select(r => new OverdueView(r.TaskId, r.OccurrenceId, r.Text, r.LeadAgencyId, r.LeadAgency, r.Recurrence, r.Start, r.End, r.Due,
                asOf.DayNumber - r.Due.DayNumber, r.Percent))
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.LeadAgency, Names).ThenBy(o => o.TaskId)
            .ToList();
        var order = sort == SortName ? SortName : SortOverdue;
        var themeOrder = themes.Select(t => t.Id).ToList();
        return new DashboardView(plan.Id, plan.Number, plan.Title, plan.Status, plan.PeriodStart, plan.PeriodEnd, asOf, order,
            TallyView.Of(TaskQueries.Tally.Of(rows)), Sorted(byAgency, order, null), Sorted(byTheme, order, themeOrder), overdue);
    }

    /// <summary>Most overdue first, then most done late, then by name; or by name (themes in the plan's own order).</summary>
    public static IReadOnlyList<GroupView> Sorted(IEnumerable<GroupView> groups, string sort, IReadOnlyList<int>? planOrder)
    {
        if (sort == SortName)
            return planOrder is null
                ? groups.OrderBy(g => g.Name, Names).ToList()
                : groups.OrderBy(g => IndexIn(planOrder, g.Id)).ToList();
        return groups.OrderByDescending(g => g.Tally.Overdue).ThenByDescending(g => g.Tally.DoneLate).ThenBy(g => g.Tally.PercentDone)
            .ThenBy(g => planOrder is null ? 0 : IndexIn(planOrder, g.Id)).ThenBy(g => g.Name, Names).ToList();
    }

    private static int IndexIn(IReadOnlyList<int> order, int id)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i] == id) return i;
        return int.MaxValue;
    }

    /// <summary>Vietnamese alphabetical order (Đ after D, tones after the bare letter).</summary>
    private static readonly StringComparer Names = StringComparer.Create(Shared.Lang.Vietnamese, ignoreCase: true);

    /// <summary>The statuses in the order the charts and tables show them.</summary>
    public static readonly TaskStatus[] StatusOrder =
        [TaskStatus.DoneOnTime, TaskStatus.DoneLate, TaskStatus.InProgressOverdue, TaskStatus.InProgressOnTime, TaskStatus.NotStarted];

    public static IReadOnlyList<int> Values(TallyView t) => [t.DoneOnTime, t.DoneLate, t.Overdue, t.InProgressOnTime, t.NotStarted];
}
