using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Plans;

/// <summary>The plan writes shared by pages, API and command line; each checks the role first.</summary>
public static class PlanChanges
{
    public sealed record HeaderInput(PlanKind Kind, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, int LeadOrganisationId,
        string? Number = null, DateOnly? IssuedOn = null, string? IssuePlace = null, int? IssuerId = null, int? ParentId = null,
        string? Introduction = null, string? SignerName = null, string? SignerAuthority = null, string? SignerTitle = null, int Version = 0);

    public sealed record TaskInput(string Text, int LeadAgencyId, IReadOnlyList<int>? CoordinatingAgencyIds, string? Deadline, DateOnly? DueDate,
        IReadOnlyList<PlanDocument.TargetItem>? Targets, IReadOnlyList<int>? ThemeIds, IReadOnlyList<int>? ChannelIds,
        decimal? PlannedBudget, FundingSource? FundingSource, int? AssignmentId = null, int Version = 0);

    public enum Transition { Submit, Return, Approve, Issue, Amend, Close }

    public sealed record TransitionInput(Transition Action, string? Number = null, DateOnly? IssuedOn = null, string? Place = null, string? Reason = null, int Version = 0);

    public static async Task<Plan> CreateAsync(AppDb db, ClaimsPrincipal user, HeaderInput input, TimeProvider clock, CancellationToken ct = default)
    {
        Require(user.CanEditPlans(), "Chỉ Sở đầu mối hoặc quản trị được xây dựng kế hoạch. (Only the lead department drafts plans.)");
        await CheckOrganisationAsync(db, input.LeadOrganisationId, ct);
        var plan = new Plan(input.Kind, input.Title, input.PeriodStart, input.PeriodEnd, input.LeadOrganisationId, clock.GetUtcNow().UtcDateTime);
        Apply(plan, input);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public static async Task<Plan> UpdateAsync(AppDb db, ClaimsPrincipal user, int id, HeaderInput input, CancellationToken ct = default)
    {
        Require(user.CanEditPlans(), "Chỉ Sở đầu mối hoặc quản trị được sửa kế hoạch. (Only the lead department edits plans.)");
        var plan = await LoadAsync(db, id, input.Version, ct);
        await CheckOrganisationAsync(db, input.LeadOrganisationId, ct);
        Apply(plan, input);
        plan.SetLeadOrganisation(input.LeadOrganisationId);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public static async Task<Plan> TransitionAsync(AppDb db, ClaimsPrincipal user, int id, TransitionInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var plan = await LoadAsync(db, id, input.Version, ct);
        switch (input.Action)
        {
            case Transition.Submit:
                Require(user.CanEditPlans(), "Chỉ Sở đầu mối trình kế hoạch. (Only the lead department submits.)");
                if (!await db.PlanTasks.AnyAsync(t => t.PlanId == id, ct))
                    throw new DomainException("Kế hoạch chưa có nhiệm vụ nào: hãy giao ít nhất một nhiệm vụ trước khi trình. (Add at least one task first.)");
                plan.Submit();
                break;
            case Transition.Return:
                Require(user.CanApprovePlans(), "Chỉ lãnh đạo được trả lại kế hoạch. (Only a leader returns a plan.)");
                plan.ReturnToDraft();
                break;
            case Transition.Approve:
                Require(user.CanApprovePlans(), "Chỉ lãnh đạo được phê duyệt kế hoạch. (Only a leader approves.)");
                plan.Approve();
                break;
            case Transition.Issue:
                Require(user.CanEditPlans(), "Chỉ Sở đầu mối ghi nhận ban hành kế hoạch. (Only the lead department records the issue.)");
                plan.IssueAs(input.Number ?? "", input.IssuedOn ?? TaskActions.Today(clock), input.Place);
                break;
            case Transition.Amend:
                Require(user.CanEditPlans(), "Chỉ Sở đầu mối mở sửa đổi, bổ sung kế hoạch. (Only the lead department amends.)");
                var snapshot = JsonSerializer.Serialize(await PlanQueries.DetailAsync(db, id, TaskActions.Today(clock), ct), DemoPlans.Json);
                plan.Amend(input.Reason ?? "", input.Number, input.IssuedOn ?? TaskActions.Today(clock), snapshot, user.Identity?.Name ?? "");
                break;
            case Transition.Close:
                Require(user.CanEditPlans() || user.CanApprovePlans(), "Bạn không được kết thúc kế hoạch. (Not allowed to close.)");
                plan.Close();
                break;
        }
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public static async Task<Plan> CopyAsync(AppDb db, ClaimsPrincipal user, int id, int year, TimeProvider clock, CancellationToken ct = default)
    {
        Require(user.CanEditPlans(), "Chỉ Sở đầu mối được sao chép kế hoạch. (Only the lead department copies plans.)");
        return await PlanCopier.CopyAsync(db, id, year, clock.GetUtcNow().UtcDateTime, ct);
    }

    public static async Task<PlanTask> AddTaskAsync(AppDb db, ClaimsPrincipal user, int planId, TaskInput input, CancellationToken ct = default)
    {
        Require(user.CanEditPlans(), "Chỉ Sở đầu mối được giao nhiệm vụ. (Only the lead department assigns tasks.)");
        var plan = await LoadAsync(db, planId, null, ct);
        plan.EnsureEditable();
        var order = await db.PlanTasks.Where(t => t.PlanId == planId).Select(t => (int?)t.Order).MaxAsync(ct) ?? 0;
        var task = new PlanTask(planId, input.AssignmentId, order + 1, input.Text, input.LeadAgencyId);
        await ApplyAsync(db, plan, task, input, ct);
        db.PlanTasks.Add(task);
        plan.Touch();
        await db.SaveChangesAsync(ct);
        return task;
    }

    public static async Task<PlanTask> UpdateTaskAsync(AppDb db, ClaimsPrincipal user, int taskId, TaskInput input, CancellationToken ct = default)
    {
        Require(user.CanEditPlans(), "Chỉ Sở đầu mối được sửa nhiệm vụ. (Only the lead department edits tasks.)");
        var task = await db.PlanTasks.Include(t => t.Coordinators).Include(t => t.Themes).Include(t => t.Channels).Include(t => t.Occurrences)
            .SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new DomainException("Không tìm thấy nhiệm vụ. (Task not found.)", 404);
        if (input.Version != task.Version)
            throw DomainException.Conflict("Nhiệm vụ này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại. (Changed by someone else: reload and redo.)");
        var plan = await LoadAsync(db, task.PlanId, null, ct);
        plan.EnsureEditable();
        db.Entry(task).Property(t => t.Version).OriginalValue = input.Version;
        task.SetText(input.Text);
        await ApplyAsync(db, plan, task, input, ct);
        await db.SaveChangesAsync(ct);
        return task;
    }

    private static async Task ApplyAsync(AppDb db, Plan plan, PlanTask task, TaskInput input, CancellationToken ct)
    {
        await CheckOrganisationAsync(db, input.LeadAgencyId, ct);
        foreach (var id in input.CoordinatingAgencyIds ?? []) await CheckOrganisationAsync(db, id, ct);
        var themes = input.ThemeIds ?? [];
        var channels = input.ChannelIds ?? [];
        if (themes.Count > 0 && await db.Themes.CountAsync(t => t.PlanId == plan.Id && themes.Contains(t.Id), ct) != themes.Distinct().Count())
            throw new DomainException("Có nội dung (chủ đề) không thuộc kế hoạch này. (A theme is not in this plan.)");
        if (channels.Count > 0 && await db.PlanChannels.CountAsync(c => c.PlanId == plan.Id && channels.Contains(c.Id), ct) != channels.Distinct().Count())
            throw new DomainException("Có hình thức không thuộc kế hoạch này. (A channel is not in this plan.)");
        task.Assign(input.LeadAgencyId, input.CoordinatingAgencyIds ?? []);
        task.Classify(themes, channels);
        task.SetTargets((input.Targets ?? []).Select(x => new Target { Quantity = x.Quantity, Unit = x.Unit.Trim(), Languages = [.. x.Languages] }),
            input.PlannedBudget, input.FundingSource);
        var deadline = input.DueDate is { } due ? Deadline.On(due) with { Text = input.Deadline }
            : string.IsNullOrWhiteSpace(input.Deadline) ? DeadlinePhrase.FindIn(input.Text, plan.PeriodStart, plan.PeriodEnd)
            : DeadlinePhrase.Parse(input.Deadline, plan.PeriodStart, plan.PeriodEnd);
        if (!string.IsNullOrWhiteSpace(input.Deadline) && input.DueDate is null && deadline.Kind == DeadlineKind.None && deadline.Text != "đột xuất")
            throw new DomainException($"Chưa hiểu thời hạn \"{input.Deadline}\". Hãy viết như: \"trước ngày 31/12/{plan.PeriodEnd.Year}\", \"Quý II/{plan.PeriodStart.Year}\", \"hằng tháng\", \"thường xuyên\", hoặc chọn một ngày cụ thể. (Deadline not understood.)");
        task.SetDeadline(deadline, plan.PeriodStart, plan.PeriodEnd);
    }

    private static void Apply(Plan plan, HeaderInput input)
    {
        plan.SetHeader(input.Kind, input.Title, input.PeriodStart, input.PeriodEnd, input.Number, input.IssuedOn, input.IssuePlace, input.IssuerId, input.ParentId);
        plan.SetIntroduction(input.Introduction);
        plan.SetSigner(input.SignerName, input.SignerAuthority, input.SignerTitle);
    }

    private static async Task<Plan> LoadAsync(AppDb db, int id, int? version, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        if (version is { } v and > 0)
        {
            if (v != plan.Version)
                throw DomainException.Conflict("Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới nhất rồi làm lại. (Changed by someone else: reload.)");
            db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        }
        return plan;
    }

    private static async Task CheckOrganisationAsync(AppDb db, int id, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct))
            throw new DomainException("Cơ quan được chọn không có trong danh mục tổ chức: hãy chọn lại. (Organisation not found.)");
    }

    private static void Require(bool allowed, string message)
    {
        if (!allowed) throw new DomainException(message, 403);
    }
}
