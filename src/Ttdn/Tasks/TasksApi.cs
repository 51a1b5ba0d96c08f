using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks;

public static class TasksApi
{
    public sealed record ExtensionInput(DateOnly NewDue, string Reason, int? OccurrenceId);
    public sealed record DecisionInput(bool Approve, string? Note);
    public sealed record ExplanationInput(string Question, DateOnly? AnswerBy);
    public sealed record AnswerInput(string Answer);
    public sealed record CommentInput(string Text);
    public sealed record History(IReadOnlyList<ProgressView> Progress, IReadOnlyList<ExtensionRequest> Extensions,
        IReadOnlyList<ExplanationRequest> Explanations, IReadOnlyList<TaskComment> Comments);
    public sealed record ProgressView(int Id, int OccurrenceId, DateTime AtUtc, DateOnly OnDate, string UserName, int? Percent, decimal? Quantity,
        string? Narrative, IReadOnlyList<string> Links, bool Completed, IReadOnlyList<AttachmentView> Attachments);
    public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size, string Sha256);

    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks");
        api.MapGet("/", List);
        api.MapGet("/mine", Mine);
        api.MapGet("/{id:int}", Get);
        api.MapGet("/{id:int}/history", GetHistory);
        api.MapPost("/{id:int}/progress", Progress);
        api.MapPost("/{id:int}/occurrences/{occurrenceId:int}/reopen", Reopen);
        api.MapPost("/{id:int}/extension-requests", RequestExtension);
        api.MapPost("/extension-requests/{requestId:int}/decision", Decide);
        api.MapPost("/{id:int}/explanation-requests", RequestExplanation);
        api.MapPost("/explanation-requests/{requestId:int}/answer", Answer);
        api.MapPost("/{id:int}/comments", Comment);
    }

    /// <summary>Task occurrences begun by <c>asOf</c>, filtered; agency officers see their own organisation's only.</summary>
    private static async Task<Ok<List<TaskQueries.Row>>> List(ClaimsPrincipal user, AppDb db, TimeProvider clock, int? planId, int? agencyId, int? themeId,
        int? channelId, TaskStatus? status, DateOnly? dueFrom, DateOnly? dueTo, string? q, DateOnly? asOf, CancellationToken ct)
    {
        var agency = user.SeesAllTasks() ? agencyId : user.OrganisationId() ?? -1;
        var filter = new TaskQueries.Filter(planId, agency, true, themeId, channelId, status, dueFrom, dueTo, true, q);
        return TypedResults.Ok(await TaskQueries.ListAsync(db, filter, asOf ?? TaskActions.Today(clock), ct));
    }

    /// <summary>"Việc của tôi": my organisation's occurrences due up to the end of this month, overdue ones included.</summary>
    private static async Task<Ok<List<TaskQueries.Row>>> Mine(ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var today = TaskActions.Today(clock);
        var endOfMonth = new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        var rows = await TaskQueries.ListAsync(db, new TaskQueries.Filter(AgencyId: user.OrganisationId() ?? -1, DueTo: endOfMonth, OnlyStarted: false), today, ct);
        return TypedResults.Ok(rows.Where(r => !TaskStatusRules.IsDone(r.Status) || r.Due.Year == today.Year && r.Due.Month == today.Month).ToList());
    }

    private static async Task<Results<Ok<PlanQueries.TaskView>, NotFound, ForbidHttpResult>> Get(int id, DateOnly? asOf, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await CanSeeAsync(db, user, id, ct)) return await db.PlanTasks.AnyAsync(t => t.Id == id, ct) ? TypedResults.Forbid() : TypedResults.NotFound();
        return TypedResults.Ok(await ViewAsync(db, id, asOf ?? TaskActions.Today(clock), ct));
    }

    private static async Task<Results<Ok<History>, ForbidHttpResult, NotFound>> GetHistory(int id, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        if (!await CanSeeAsync(db, user, id, ct)) return await db.PlanTasks.AnyAsync(t => t.Id == id, ct) ? TypedResults.Forbid() : TypedResults.NotFound();
        var progress = await db.ProgressUpdates.AsNoTracking().Where(u => u.PlanTaskId == id).OrderByDescending(u => u.AtUtc)
            .Select(u => new ProgressView(u.Id, u.OccurrenceId, u.AtUtc, u.OnDate, u.UserName, u.Percent, u.Quantity, u.Narrative, u.Links, u.Completed,
                u.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).ToList()))
            .ToListAsync(ct);
        return TypedResults.Ok(new History(progress,
            await db.ExtensionRequests.AsNoTracking().Where(r => r.PlanTaskId == id).OrderByDescending(r => r.RequestedAtUtc).ToListAsync(ct),
            await db.ExplanationRequests.AsNoTracking().Where(r => r.PlanTaskId == id).OrderByDescending(r => r.RequestedAtUtc).ToListAsync(ct),
            await db.TaskComments.AsNoTracking().Where(c => c.PlanTaskId == id).OrderBy(c => c.AtUtc).ToListAsync(ct)));
    }

    /// <summary>Progress by the lead agency: percent, quantity, narrative, evidence links, completion. Send the occurrence's version to be protected against concurrent edits.</summary>
    private static async Task<Ok<PlanQueries.TaskView>> Progress(int id, TaskActions.ProgressInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await TaskActions.RecordProgressAsync(db, user, id, input with { Files = null }, clock, ct);
        return TypedResults.Ok(await ViewAsync(db, id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<PlanQueries.TaskView>> Reopen(int id, int occurrenceId, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await TaskActions.ReopenAsync(db, user, id, occurrenceId, ct);
        return TypedResults.Ok(await ViewAsync(db, id, TaskActions.Today(clock), ct));
    }

    private static async Task<Created<ExtensionRequest>> RequestExtension(int id, ExtensionInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var request = await TaskActions.RequestExtensionAsync(db, user, id, input.OccurrenceId, input.NewDue, input.Reason, clock, ct);
        return TypedResults.Created($"/api/tasks/{id}/history", request);
    }

    private static async Task<Ok<ExtensionRequest>> Decide(int requestId, DecisionInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await TaskActions.DecideExtensionAsync(db, user, requestId, input.Approve, input.Note, clock, ct));

    private static async Task<Created<ExplanationRequest>> RequestExplanation(int id, ExplanationInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var request = await TaskActions.RequestExplanationAsync(db, user, id, input.Question, input.AnswerBy, clock, ct);
        return TypedResults.Created($"/api/tasks/{id}/history", request);
    }

    private static async Task<Ok<ExplanationRequest>> Answer(int requestId, AnswerInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await TaskActions.AnswerExplanationAsync(db, user, requestId, input.Answer, clock, ct));

    private static async Task<Created<TaskComment>> Comment(int id, CommentInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var comment = await TaskActions.CommentAsync(db, user, id, input.Text, clock, ct);
        return TypedResults.Created($"/api/tasks/{id}/history", comment);
    }

    /// <summary>Province-wide roles and viewers see every task; others the tasks their organisation leads or co-ordinates.</summary>
    public static async Task<bool> CanSeeAsync(AppDb db, ClaimsPrincipal user, int taskId, CancellationToken ct = default)
    {
        if (user.SeesAllTasks()) return await db.PlanTasks.AnyAsync(t => t.Id == taskId, ct);
        var org = user.OrganisationId() ?? -1;
        return await db.PlanTasks.AnyAsync(t => t.Id == taskId && (t.LeadAgencyId == org || t.Coordinators.Any(c => c.OrganisationId == org)), ct);
    }

    public static async Task<PlanQueries.TaskView> ViewAsync(AppDb db, int taskId, DateOnly asOf, CancellationToken ct = default)
    {
        var task = await db.PlanTasks.AsNoTracking().AsSplitQuery().Include(t => t.LeadAgency).Include(t => t.Coordinators).ThenInclude(c => c.Organisation)
            .Include(t => t.Themes).Include(t => t.Channels).Include(t => t.Occurrences).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        return PlanQueries.View(task, asOf);
    }
}
