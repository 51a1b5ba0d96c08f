using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Tasks;

namespace Ttdn.Plans;

public static class PlansApi
{
    public sealed record CopyInput(int Year);

    public static void MapPlans(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plans").WithTags("Plans");
        api.MapGet("/", List);
        api.MapGet("/{id:int}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{id:int}", Update);
        api.MapPut("/{id:int}/content", SaveContent);
        api.MapPost("/{id:int}/transitions", Move);
        api.MapPost("/{id:int}/copy", Copy);
        api.MapPost("/{id:int}/tasks", AddTask);
        api.MapPut("/tasks/{taskId:int}", UpdateTask);
    }

    private static async Task<Ok<List<PlanQueries.Summary>>> List(AppDb db, CancellationToken ct) => TypedResults.Ok(await PlanQueries.ListAsync(db, ct));

    /// <summary>The plan with its tasks, each with its status as of <c>asOf</c> (default today, Vietnam time).</summary>
    private static async Task<Results<Ok<PlanQueries.Detail>, NotFound>> Get(int id, DateOnly? asOf, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        await PlanVisibility.EnsureVisibleAsync(db, user, id, ct);
        return await PlanQueries.DetailAsync(db, id, asOf ?? TaskActions.Today(clock), ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();
    }

    private static async Task<Created<PlanQueries.Detail>> Create(PlanChanges.HeaderInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var plan = await PlanChanges.CreateAsync(db, user, input, clock, ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", (await PlanQueries.DetailAsync(db, plan.Id, TaskActions.Today(clock), ct))!);
    }

    private static async Task<Ok<PlanQueries.Detail>> Update(int id, PlanChanges.HeaderInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await PlanChanges.UpdateAsync(db, user, id, input, ct);
        return TypedResults.Ok((await PlanQueries.DetailAsync(db, id, TaskActions.Today(clock), ct))!);
    }

    /// <summary>Replaces sections I–IV (legal bases, purposes, requirements, themes, channels, funding) and recipients.</summary>
    private static async Task<Ok<PlanQueries.Detail>> SaveContent(int id, PlanContent.Input input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await PlanContent.SaveAsync(db, user, id, input, ct);
        return TypedResults.Ok((await PlanQueries.DetailAsync(db, id, TaskActions.Today(clock), ct))!);
    }

    /// <summary>submit, return, approve, issue (number, issuedOn, place), amend (reason), close.</summary>
    private static async Task<Ok<PlanQueries.Summary>> Move(int id, PlanChanges.TransitionInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await PlanChanges.TransitionAsync(db, user, id, input, clock, ct);
        return TypedResults.Ok((await PlanQueries.ListAsync(db, ct)).Single(p => p.Id == id));
    }

    /// <summary>Copies the plan as next year's draft, agencies replaced by those carrying the duties then.</summary>
    private static async Task<Created<PlanQueries.Summary>> Copy(int id, CopyInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var plan = await PlanChanges.CopyAsync(db, user, id, input.Year, clock, ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", (await PlanQueries.ListAsync(db, ct)).Single(p => p.Id == plan.Id));
    }

    private static async Task<Created<PlanQueries.TaskView>> AddTask(int id, PlanChanges.TaskInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var task = await PlanChanges.AddTaskAsync(db, user, id, input, ct);
        return TypedResults.Created($"/api/tasks/{task.Id}", await TasksApi.ViewAsync(db, task.Id, TaskActions.Today(clock), ct));
    }

    private static async Task<Ok<PlanQueries.TaskView>> UpdateTask(int taskId, PlanChanges.TaskInput input, ClaimsPrincipal user, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        await PlanChanges.UpdateTaskAsync(db, user, taskId, input, ct);
        return TypedResults.Ok(await TasksApi.ViewAsync(db, taskId, TaskActions.Today(clock), ct));
    }
}
