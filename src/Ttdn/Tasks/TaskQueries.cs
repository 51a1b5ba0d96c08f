using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Plans;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks;

/// <summary>Read models of the follow-up pages and API: task rows with their status as of a date.</summary>
public static class TaskQueries
{
    public sealed record Row(int TaskId, int PlanId, string? PlanNumber, string PlanTitle, int Order, string Text,
        int LeadAgencyId, string LeadAgency, IReadOnlyList<string> Coordinators, string? DeadlineText, Recurrence Recurrence,
        int OccurrenceId, DateOnly Start, DateOnly End, DateOnly Due, int Percent, DateOnly? CompletedOn, TaskStatus Status,
        IReadOnlyList<int> ThemeIds, IReadOnlyList<int> ChannelIds);

    public sealed record Filter(int? PlanId = null, int? AgencyId = null, bool IncludeCoordinating = true, int? ThemeId = null, int? ChannelId = null,
        TaskStatus? Status = null, DateOnly? DueFrom = null, DateOnly? DueTo = null, bool OnlyStarted = true, string? Text = null,
        bool OnlyPlansInForce = false, DateOnly? OpenOrDueFrom = null, bool WithLinks = true);

    /// <summary>
    /// One row per occurrence that has begun by <paramref name="today"/> (a monthly duty shows its months so far,
    /// a one-off duty its single occurrence), filtered and ordered by due date.
    /// </summary>
    public static async Task<List<Row>> ListAsync(AppDb db, Filter f, DateOnly today, CancellationToken ct = default)
    {
        var q = db.TaskOccurrences.AsNoTracking().AsQueryable();
        if (f.PlanId is { } planId) q = q.Where(o => o.Task!.PlanId == planId);
        if (f.AgencyId is { } agency)
        {
            // Two index lookups (PlanTasks.LeadAgencyId, TaskCoordinators.OrganisationId) instead of an OR that scans every occurrence.
            var led = db.PlanTasks.Where(t => t.LeadAgencyId == agency).Select(t => t.Id);
            var all = f.IncludeCoordinating ? led.Union(db.Set<TaskCoordinator>().Where(c => c.OrganisationId == agency).Select(c => c.PlanTaskId)) : led;
            // Years of closed plans drop out before any occurrence is read (half the time of "Việc của tôi" in SQLite).
            var ids = f.OnlyPlansInForce
                ? db.PlanTasks.Where(t => all.Contains(t.Id) && (t.Plan!.Status == PlanStatus.Issued || t.Plan.Status == PlanStatus.Amended)).Select(t => t.Id)
                : all;
            q = q.Where(o => ids.Contains(o.PlanTaskId));
        }
        if (f.ThemeId is { } theme) q = q.Where(o => o.Task!.Themes.Any(t => t.ThemeId == theme));
        if (f.ChannelId is { } channel) q = q.Where(o => o.Task!.Channels.Any(c => c.PlanChannelId == channel));
        if (f.OnlyStarted) q = q.Where(o => o.Start <= today);
        if (f.OnlyPlansInForce) q = q.Where(o => o.Task!.Plan!.Status == PlanStatus.Issued || o.Task.Plan.Status == PlanStatus.Amended);
        if (f.DueFrom is { } from) q = q.Where(o => (o.ExtendedTo ?? o.Due) >= from);
        if (f.DueTo is { } to) q = q.Where(o => (o.ExtendedTo ?? o.Due) <= to);
        // Work finished by today and due before the window can no longer be overdue or due: the bulk of five years' rows.
        if (f.OpenOrDueFrom is { } window) q = q.Where(o => o.CompletedOn == null || o.CompletedOn > today || (o.ExtendedTo ?? o.Due) >= window);
        var raw = await q
            .Select(o => new
            {
                o.PlanTaskId, o.Task!.PlanId, o.Task.Plan!.Number, o.Task.Plan.Title, o.Task.Order, o.Task.Text, o.Task.LeadAgencyId,
                Lead = o.Task.LeadAgency!.Name,
                o.Task.DeadlineText, o.Task.Recurrence, o.Id, o.Start, o.End, o.Due, o.ExtendedTo, o.StartedOn, o.CompletedOn, o.Percent, o.QuantityAchieved,
            })
            .ToListAsync(ct);
        // The lists per duty in three small queries: no correlated subquery per occurrence row. Pages that show none of
        // them skip the three round trips.
        var taskIds = raw.Select(r => r.PlanTaskId).Distinct().ToList();
        ILookup<int, string> coordinators = Empty<string>.Lookup;
        ILookup<int, int> themes = Empty<int>.Lookup, channels = Empty<int>.Lookup;
        if (f.WithLinks && taskIds.Count > 0)
        {
            coordinators = (await db.Set<TaskCoordinator>().AsNoTracking().Where(c => taskIds.Contains(c.PlanTaskId))
                .Select(c => new { c.PlanTaskId, c.Organisation!.Name }).ToListAsync(ct)).ToLookup(c => c.PlanTaskId, c => c.Name);
            themes = (await db.Set<TaskTheme>().AsNoTracking().Where(t => taskIds.Contains(t.PlanTaskId)).ToListAsync(ct)).ToLookup(t => t.PlanTaskId, t => t.ThemeId);
            channels = (await db.Set<TaskChannel>().AsNoTracking().Where(t => taskIds.Contains(t.PlanTaskId)).ToListAsync(ct)).ToLookup(t => t.PlanTaskId, t => t.PlanChannelId);
        }
        var text = Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(f.Text);
        return raw
            .Select(r =>
            {
                var due = r.ExtendedTo ?? r.Due;
                // As of a past date, later work does not count yet (docs/decisions/0009).
                var completed = r.CompletedOn <= today ? r.CompletedOn : null;
                var percent = completed is not null || r.CompletedOn is null ? r.Percent : r.StartedOn <= today ? Math.Min(r.Percent, 99) : 0;
                return new Row(r.PlanTaskId, r.PlanId, r.Number, r.Title, r.Order, r.Text, r.LeadAgencyId, r.Lead, [.. coordinators[r.PlanTaskId]], r.DeadlineText,
                    r.Recurrence, r.Id, r.Start, r.End, due, percent, completed, TaskOccurrence.StatusOf(due, r.StartedOn, r.CompletedOn, today),
                    [.. themes[r.PlanTaskId]], [.. channels[r.PlanTaskId]]);
            })
            .Where(r => f.Status is null || r.Status == f.Status)
            .Where(r => text.Length == 0 || Ttdn.Vietnamese.Text.VietnameseText.ContainsWords(r.Text, f.Text))
            .OrderBy(r => r.Due).ThenBy(r => r.PlanId).ThenBy(r => r.Order)
            .ToList();
    }

    private static class Empty<T>
    {
        public static readonly ILookup<int, T> Lookup = Array.Empty<(int, T)>().ToLookup(x => x.Item1, x => x.Item2);
    }

    public sealed record Tally(int Total, int NotStarted, int OnTime, int Overdue, int DoneOnTime, int DoneLate)
    {
        public int Done => DoneOnTime + DoneLate;
        public int PercentDone => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
        /// <summary>Traffic light in words and colour: red when anything is overdue, amber when something was late, else green.</summary>
        public string Light => Overdue > 0 ? "red" : DoneLate > 0 ? "amber" : "green";

        public static Tally Of(IEnumerable<Row> rows)
        {
            var list = rows.ToList();
            return new Tally(list.Count, list.Count(r => r.Status == TaskStatus.NotStarted), list.Count(r => r.Status == TaskStatus.InProgressOnTime),
                list.Count(r => TaskStatusRules.IsOverdue(r.Status)), list.Count(r => r.Status == TaskStatus.DoneOnTime), list.Count(r => r.Status == TaskStatus.DoneLate));
        }
    }

    public sealed record Dashboard(IReadOnlyList<(int Id, string Name, Tally Tally)> ByAgency, IReadOnlyList<(int Id, string Name, Tally Tally)> ByTheme,
        Tally Overall, IReadOnlyList<Row> Overdue);

    public static async Task<Dashboard> DashboardAsync(AppDb db, int planId, DateOnly today, CancellationToken ct = default)
    {
        var rows = await ListAsync(db, new Filter(PlanId: planId), today, ct);
        var themes = await db.Themes.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct);
        var byAgency = rows.GroupBy(r => (r.LeadAgencyId, r.LeadAgency)).Select(g => (g.Key.LeadAgencyId, g.Key.LeadAgency, Tally.Of(g)))
            .OrderByDescending(x => x.Item3.Overdue).ThenBy(x => x.LeadAgency).ToList();
        var byTheme = themes.Select(t => (t.Id, $"{t.Number}. {t.Title}", Tally.Of(rows.Where(r => r.ThemeIds.Contains(t.Id))))).ToList();
        return new Dashboard(byAgency, byTheme, Tally.Of(rows), rows.Where(r => TaskStatusRules.IsOverdue(r.Status)).ToList());
    }
}
