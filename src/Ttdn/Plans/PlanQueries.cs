using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Tasks;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Plans;

/// <summary>Read models of a plan for the pages, the API and <c>ttdn plan show</c>.</summary>
public static class PlanQueries
{
    public sealed record Summary(int Id, string? Number, string Title, PlanKind Kind, PlanStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd,
        DateOnly? IssuedOn, string LeadOrganisation, int TaskCount, int Revision);

    public static async Task<List<Summary>> ListAsync(AppDb db, CancellationToken ct = default) =>
        await db.Plans.AsNoTracking().OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Number)
            .Select(p => new Summary(p.Id, p.Number, p.Title, p.Kind, p.Status, p.PeriodStart, p.PeriodEnd, p.IssuedOn,
                p.LeadOrganisation!.Name, p.Tasks.Count, p.Revision))
            .ToListAsync(ct);

    public sealed record Agency(int Id, string Name);
    public sealed record TargetView(decimal Quantity, string Unit, IReadOnlyList<string> Languages);
    public sealed record DeadlineView(string? Text, DeadlineKind Kind, DateOnly? From, DateOnly? To, Recurrence Recurrence);
    public sealed record OccurrenceView(int Id, int Index, DateOnly Start, DateOnly End, DateOnly Due, DateOnly? ExtendedTo, int Percent,
        decimal? QuantityAchieved, DateOnly? CompletedOn, TaskStatus Status, string StatusText, int Version);
    public sealed record TaskView(int Id, int Order, int? AssignmentId, string Text, Agency LeadAgency, IReadOnlyList<Agency> CoordinatingAgencies,
        DeadlineView? Deadline, IReadOnlyList<TargetView> Targets, IReadOnlyList<int> ThemeIds, IReadOnlyList<int> ChannelIds,
        decimal? PlannedBudget, FundingSource? FundingSource, int Percent, TaskStatus Status, string StatusText,
        IReadOnlyList<OccurrenceView> Occurrences, int Version);
    public sealed record AssignmentView(int Id, string Number, Agency Agency, string AgencyAsWritten);
    public sealed record Detail(int Id, PlanKind Kind, string? Number, string Title, PlanStatus Status, DateOnly? IssuedOn, string? IssuePlace,
        Agency? Issuer, Agency LeadOrganisation, DateOnly PeriodStart, DateOnly PeriodEnd, int? ParentId, int? CopiedFromId, string? Introduction,
        IReadOnlyList<LegalBasis> LegalBases, IReadOnlyList<string> Purposes, IReadOnlyList<string> Requirements, IReadOnlyList<Theme> Themes,
        IReadOnlyList<PlanChannel> Channels, IReadOnlyList<FundingItem> Funding, IReadOnlyList<AssignmentView> Assignments,
        IReadOnlyList<TaskView> Tasks, IReadOnlyList<string> Recipients, string? SignerName, string? SignerAuthority, string? SignerTitle,
        int Revision, int Version, DateOnly AsOf);

    /// <summary>The whole plan with each task's status as of <paramref name="asOf"/> (the status of the task's most pressing occurrence).</summary>
    public static async Task<Detail?> DetailAsync(AppDb db, int id, DateOnly asOf, CancellationToken ct = default)
    {
        var p = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(x => x.Issuer).Include(x => x.LeadOrganisation)
            .Include(x => x.LegalBases).Include(x => x.Statements).Include(x => x.Themes).Include(x => x.Channels)
            .Include(x => x.Funding).Include(x => x.Recipients).Include(x => x.Assignments).ThenInclude(a => a.Agency)
            .Include(x => x.Tasks).ThenInclude(t => t.LeadAgency)
            .Include(x => x.Tasks).ThenInclude(t => t.Coordinators).ThenInclude(c => c.Organisation)
            .Include(x => x.Tasks).ThenInclude(t => t.Themes)
            .Include(x => x.Tasks).ThenInclude(t => t.Channels)
            .Include(x => x.Tasks).ThenInclude(t => t.Occurrences)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        return new Detail(p.Id, p.Kind, p.Number, p.Title, p.Status, p.IssuedOn, p.IssuePlace,
            p.Issuer is null ? null : new Agency(p.Issuer.Id, p.Issuer.Name), new Agency(p.LeadOrganisation!.Id, p.LeadOrganisation.Name),
            p.PeriodStart, p.PeriodEnd, p.ParentId, p.CopiedFromId, p.Introduction,
            [.. p.LegalBases.OrderBy(b => b.Order)],
            [.. p.Statements.Where(s => s.Kind == StatementKind.Purpose).OrderBy(s => s.Order).Select(s => s.Text)],
            [.. p.Statements.Where(s => s.Kind == StatementKind.Requirement).OrderBy(s => s.Order).Select(s => s.Text)],
            [.. p.Themes.OrderBy(t => t.Order)], [.. p.Channels.OrderBy(c => c.Order)], [.. p.Funding.OrderBy(f => f.Order)],
            [.. p.Assignments.OrderBy(a => a.Order).Select(a => new AssignmentView(a.Id, a.Number, new Agency(a.AgencyId, a.Agency!.Name), a.AgencyAsWritten))],
            [.. p.Tasks.OrderBy(t => t.Order).Select(t => View(t, asOf))],
            [.. p.Recipients.OrderBy(r => r.Order).Select(r => r.Text)], p.SignerName, p.SignerAuthority, p.SignerTitle, p.Revision, p.Version, asOf);
    }

    public static TaskView View(PlanTask t, DateOnly asOf)
    {
        var occurrences = t.Occurrences.OrderBy(o => o.Start).Select(o =>
        {
            var s = o.StatusOn(asOf);
            return new OccurrenceView(o.Id, o.Index, o.Start, o.End, o.Due, o.ExtendedTo, o.Percent, o.QuantityAchieved, o.CompletedOn, s,
                TaskStatusRules.Vietnamese(s), o.Version);
        }).ToList();
        var (status, percent) = Overall(occurrences, asOf);
        return new TaskView(t.Id, t.Order, t.AssignmentId, t.Text, new Agency(t.LeadAgencyId, t.LeadAgency?.Name ?? ""),
            [.. t.Coordinators.Select(c => new Agency(c.OrganisationId, c.Organisation?.Name ?? ""))],
            t.DeadlineKind == DeadlineKind.None && t.DeadlineText is null ? null : new DeadlineView(t.DeadlineText, t.DeadlineKind, t.DueFrom, t.DueTo, t.Recurrence),
            [.. t.Targets.Select(x => new TargetView(x.Quantity, x.Unit, x.Languages))], [.. t.Themes.Select(x => x.ThemeId)], [.. t.Channels.Select(x => x.PlanChannelId)],
            t.PlannedBudget, t.FundingSource, percent, status, TaskStatusRules.Vietnamese(status), occurrences, t.Version);
    }

    /// <summary>
    /// One status for a whole task: overdue if any occurrence already begun is overdue (a monthly duty missed in March
    /// stays overdue until March is done), otherwise the status of the occurrence running now.
    /// </summary>
    public static (TaskStatus Status, int Percent) Overall(IReadOnlyList<OccurrenceView> occurrences, DateOnly asOf)
    {
        var begun = occurrences.Where(o => o.Start <= asOf).ToList();
        if (begun.Count == 0) return (TaskStatus.NotStarted, 0);
        var percent = (int)Math.Round(begun.Average(o => o.Percent));
        var overdue = begun.FirstOrDefault(o => TaskStatusRules.IsOverdue(o.Status));
        return (overdue?.Status ?? begun[^1].Status, percent);
    }
}
