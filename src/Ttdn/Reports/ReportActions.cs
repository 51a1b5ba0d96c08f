using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;

namespace Ttdn.Reports;

/// <summary>The report writes shared by pages, API and command line, each checking role and organisation first.</summary>
public static class ReportActions
{
    public sealed record OpenInput(int PlanId, string Template, string Period, int? OrganisationId);
    public sealed record SaveInput(Dictionary<string, string>? Narratives, List<AgencyReport.FigureInput>? Figures, int? Version);
    public sealed record CommentInput(string? Comment);
    public sealed record RemindResult(int Sent, IReadOnlyList<string> Failures, IReadOnlyList<string> Unreachable);

    public static async Task<ReportTemplate> TemplateAsync(AppDb db, string codeOrId, CancellationToken ct = default)
    {
        var q = db.ReportTemplates.Include(t => t.Indicators).ThenInclude(i => i.Indicator);
        var template = int.TryParse(codeOrId, out var id) ? await q.SingleOrDefaultAsync(t => t.Id == id, ct) : await q.SingleOrDefaultAsync(t => t.Code == codeOrId, ct);
        return template ?? throw new DomainException($"Không có mẫu báo cáo \"{codeOrId}\". (No such report template.)", 404);
    }

    /// <summary>The organisations that report on a plan: every agency with an assignment, except collective groups ("các sở, ban, ngành").</summary>
    public static async Task<List<(int Id, string Name)>> SubmittersAsync(AppDb db, int planId, CancellationToken ct = default) =>
        (await db.Assignments.AsNoTracking().Where(a => a.PlanId == planId && a.Agency!.Kind != OrganisationKind.Group)
            .OrderBy(a => a.Order).Select(a => new { a.AgencyId, a.Agency!.Name }).ToListAsync(ct))
        .DistinctBy(a => a.AgencyId).Select(a => (a.AgencyId, a.Name)).ToList();

    /// <summary>
    /// The organisation's report of the period, created on first opening and pre-filled with its duties' results as they
    /// stood at the end of the period.
    /// </summary>
    public static async Task<AgencyReport> OpenAsync(AppDb db, ClaimsPrincipal user, OpenInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PlanId, ct)
            ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        var template = await TemplateAsync(db, input.Template, ct);
        if (template.Level != ReportLevel.Province)
            throw new DomainException("Mẫu này dành cho cơ quan trung ương tổng hợp các tỉnh, không dành cho đơn vị báo cáo. (A national template.)");
        var period = ReportingPeriod.Parse(input.Period);
        if (period.Kind != template.PeriodKind || (period.Kind == PeriodKind.Custom && period.Start.Month != template.StartMonth))
            throw new DomainException($"Kỳ {period.Label} không phải kỳ của mẫu \"{template.Name}\". (The period does not fit the template.)");
        if (period.End < plan.PeriodStart || period.Start > plan.PeriodEnd)
            throw new DomainException($"Kỳ {period.Label} nằm ngoài thời gian của kế hoạch ({Lang.Date(plan.PeriodStart)} – {Lang.Date(plan.PeriodEnd)}). (Period outside the plan.)");
        var organisationId = input.OrganisationId ?? user.OrganisationId() ?? 0;
        var submitters = await SubmittersAsync(db, plan.Id, ct);
        if (submitters.All(s => s.Id != organisationId))
            throw new DomainException("Đơn vị này không được giao nhiệm vụ trong kế hoạch nên không có báo cáo kỳ này. (Not a reporting agency of this plan.)", 404);
        if (organisationId != user.OrganisationId() && !await ReportAccess.CanReviewAsync(db, user, plan.Id, ct))
            throw new DomainException("Bạn chỉ xem được báo cáo của đơn vị mình. (You may only open your own organisation's report.)", 403);

        var existing = await db.AgencyReports.SingleOrDefaultAsync(r => r.PlanId == plan.Id && r.TemplateId == template.Id && r.PeriodLabel == period.Label
            && r.OrganisationId == organisationId, ct);
        if (existing is not null) return existing;
        var report = new AgencyReport(template, plan.Id, organisationId, period);
        var summary = await TaskSummaryAsync(db, plan, organisationId, submitters.Single(s => s.Id == organisationId).Name, period, TaskActions.Today(clock), ct);
        report.Save([new SectionText { Key = "results", Text = summary }], [], new Dictionary<int, Indicator>());
        db.AgencyReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>As of the period's end, or today while it runs: later work does not count for this period.</summary>
    public static DateOnly AsOf(DateOnly periodEnd, DateOnly today) => periodEnd < today ? periodEnd : today;

    public static Task<List<TaskQueries.Row>> TasksAsync(AppDb db, int planId, int? organisationId, DateOnly periodStart, DateOnly periodEnd, DateOnly today, CancellationToken ct = default) =>
        TaskQueries.ListAsync(db, new TaskQueries.Filter(PlanId: planId, AgencyId: organisationId, IncludeCoordinating: false, DueFrom: periodStart),
            AsOf(periodEnd, today), ct);

    private static async Task<string> TaskSummaryAsync(AppDb db, Plan plan, int organisationId, string name, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        var t = TaskQueries.Tally.Of(await TasksAsync(db, plan.Id, organisationId, period.Start, period.End, today, ct));
        var planName = plan.Number is null ? $"Kế hoạch \"{plan.Title}\"" : $"Kế hoạch số {plan.Number}";
        return $"Thực hiện {planName}, {period.Vietnamese} {name} chủ trì {t.Total} nhiệm vụ: hoàn thành đúng hạn {t.DoneOnTime}, hoàn thành quá hạn {t.DoneLate}, " +
            $"đang thực hiện trong hạn {t.OnTime}, quá hạn chưa hoàn thành {t.Overdue}, chưa thực hiện {t.NotStarted}.";
    }

    public static async Task<AgencyReport> LoadAsync(AppDb db, int id, CancellationToken ct = default) =>
        await db.AgencyReports.Include(r => r.Figures).Include(r => r.Events).Include(r => r.Template).SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new DomainException("Không tìm thấy báo cáo. (Report not found.)", 404);

    public static async Task SaveAsync(AppDb db, ClaimsPrincipal user, int id, SaveInput input, CancellationToken ct = default)
    {
        var report = await WritableAsync(db, user, id, input.Version, ct);
        var indicators = await db.Set<TemplateIndicator>().Where(t => t.TemplateId == report.TemplateId).Select(t => t.Indicator!).ToDictionaryAsync(i => i.Id, ct);
        var sections = await SectionKeysAsync(db, report, ct);
        var narratives = (input.Narratives ?? []).ToList();
        if (narratives.FirstOrDefault(n => !sections.Contains(n.Key)) is { Key: { } unknown })
            throw new DomainException($"Mục \"{unknown}\" không có trong đề cương báo cáo. (Unknown section.)");
        report.Save(narratives.Select(n => new SectionText { Key = n.Key, Text = n.Value }), input.Figures ?? [], indicators);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The outline's keys plus one per plan theme ("theme-12"), under which results are told.</summary>
    public static async Task<HashSet<string>> SectionKeysAsync(AppDb db, AgencyReport report, CancellationToken ct = default)
    {
        var template = report.Template ?? await db.ReportTemplates.AsNoTracking().SingleAsync(t => t.Id == report.TemplateId, ct);
        var themes = await db.Themes.Where(t => t.PlanId == report.PlanId).Select(t => t.Id).ToListAsync(ct);
        return [.. template.Sections.Select(s => s.Key), .. themes.Select(ThemeKey)];
    }

    public static string ThemeKey(int themeId) => $"theme-{themeId}";

    public static async Task SubmitAsync(AppDb db, ClaimsPrincipal user, int id, int? version, TimeProvider clock, CancellationToken ct = default)
    {
        var report = await WritableAsync(db, user, id, version, ct);
        report.Submit(user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, TaskActions.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReturnAsync(AppDb db, ClaimsPrincipal user, int id, string? comment, TimeProvider clock, CancellationToken ct = default)
    {
        var report = await ReviewableAsync(db, user, id, ct);
        AgencyReport.EnsureNotSentUp(await ConsolidationActions.SentOnAsync(db, report, ct));
        report.Return(comment ?? "", user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public static async Task AcceptAsync(AppDb db, ClaimsPrincipal user, int id, TimeProvider clock, CancellationToken ct = default)
    {
        var report = await ReviewableAsync(db, user, id, ct);
        report.Accept(user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, TaskActions.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    public static async Task ReopenAsync(AppDb db, ClaimsPrincipal user, int id, string? reason, TimeProvider clock, CancellationToken ct = default)
    {
        var report = await ReviewableAsync(db, user, id, ct);
        AgencyReport.EnsureNotSentUp(await ConsolidationActions.SentOnAsync(db, report, ct));
        report.Reopen(reason ?? "", user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One-click đôn đốc: mails every user with an address in the organisation through the reminder mail sender, and
    /// records the reminder on the report (created if the agency never opened it).
    /// </summary>
    public static async Task<RemindResult> RemindAsync(AppDb db, ClaimsPrincipal user, OpenInput input, IMailSender mail, SmtpOptions smtp, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (!await ReportAccess.CanReviewAsync(db, user, input.PlanId, ct))
            throw new DomainException("Chỉ Sở đầu mối được đôn đốc báo cáo. (Only the lead department sends reminders.)", 403);
        var report = await OpenAsync(db, user, input, clock, ct);
        if (report.IsIn) throw DomainException.Conflict("Đơn vị đã gửi báo cáo kỳ này; không cần đôn đốc. (Already submitted.)");
        var today = TaskActions.Today(clock);
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == report.PlanId, ct);
        var template = await db.ReportTemplates.AsNoTracking().SingleAsync(t => t.Id == report.TemplateId, ct);
        var period = ReportingPeriod.Parse(report.PeriodLabel);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == report.OrganisationId && u.Email != null && u.Email != "")
            .Select(u => new { u.Email, u.FullName, u.UserName }).ToListAsync(ct);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == report.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var days = report.Deadline.DayNumber - today.DayNumber;
        var when = days < 0 ? $"đã quá hạn {-days} ngày (hạn {Lang.Date(report.Deadline)})" : $"hạn nộp {Lang.Date(report.Deadline)}, còn {days} ngày";
        var failures = new List<string>();
        var sent = 0;
        foreach (var p in people.DistinctBy(p => p.Email!.Trim().ToLowerInvariant()))
        {
            var name = string.IsNullOrWhiteSpace(p.FullName) ? p.UserName ?? "" : p.FullName;
            var body = $"Kính gửi {name},\n\n{org} chưa gửi {template.Name.ToLowerInvariant()} {period.Vietnamese} theo {(plan.Number is null ? "kế hoạch" : "Kế hoạch số " + plan.Number)}: {when}.\n\n" +
                $"Đề nghị hoàn thành và gửi báo cáo tại:\n{smtp.BaseUrl.TrimEnd('/')}/Reports/Agency/{report.Id}\n\n--\nThư tự động của hệ thống TTĐN. Xin không trả lời thư này.\n";
            try
            {
                await mail.SendAsync(new OutgoingMail(p.Email!.Trim(), name, $"[TTĐN] Đôn đốc báo cáo {period.Vietnamese}: {org}", body, $"ReportReminder; report={report.Id}"), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{p.Email}: {ReminderJob.Describe(ex)}");
            }
        }
        report.Reminded(user.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new RemindResult(sent, failures, people.Count == 0 ? [org] : []);
    }

    private static async Task<AgencyReport> WritableAsync(AppDb db, ClaimsPrincipal user, int id, int? version, CancellationToken ct)
    {
        var report = await LoadAsync(db, id, ct);
        if (!ReportAccess.CanWrite(user, report.OrganisationId))
            throw new DomainException("Chỉ cán bộ của đơn vị báo cáo được soạn và gửi báo cáo này. (Only the reporting organisation's officers may write it.)", 403);
        if (version is { } v && v != report.Version)
            throw DomainException.Conflict("Báo cáo vừa được người khác thay đổi. Hãy tải lại trang rồi nhập lại. (Changed by someone else: reload.)");
        db.Entry(report).Property(r => r.Version).OriginalValue = report.Version;
        AgencyReport.EnsureNotSentUp(await ConsolidationActions.SentOnAsync(db, report, ct));
        return report;
    }

    private static async Task<AgencyReport> ReviewableAsync(AppDb db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var report = await LoadAsync(db, id, ct);
        if (!await ReportAccess.CanReviewAsync(db, user, report.PlanId, ct))
            throw new DomainException("Chỉ Sở đầu mối của tỉnh được trả lại, tiếp nhận hoặc mở lại báo cáo. (Only the lead department reviews reports.)", 403);
        return report;
    }
}
