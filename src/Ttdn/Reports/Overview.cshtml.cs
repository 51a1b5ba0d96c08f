using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;

namespace Ttdn.Reports;

/// <summary>The lead department's view of a period: who has submitted, who is late, who never did; one-click reminders.</summary>
public sealed class OverviewModel(AppDb db, TimeProvider clock, IMailSender mail, SmtpOptions smtp) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Plan { get; set; }
    [BindProperty(SupportsGet = true)] public string Template { get; set; } = DefaultTemplates.Annual;
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";

    public ReportQueries.Overview View { get; private set; } = null!;
    public bool CanReview { get; private set; }
    public string? Message { get; private set; }

    public string Query => $"plan={Plan}&template={Uri.EscapeDataString(Template)}&period={Uri.EscapeDataString(Period)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostRemindAsync(int organisation, CancellationToken ct)
    {
        try
        {
            var r = await ReportActions.RemindAsync(db, User, new ReportActions.OpenInput(Plan, Template, Period, organisation), mail, smtp, clock, ct);
            Message = r.Unreachable.Count > 0
                ? Lang.T($"Đã ghi nhận đôn đốc, nhưng {string.Join(", ", r.Unreachable)} chưa có tài khoản nào có e-mail nên chưa gửi được thư.",
                    $"Reminder recorded, but {string.Join(", ", r.Unreachable)} has no account with an e-mail address.")
                : r.Failures.Count > 0
                    ? Lang.T($"Đã gửi {r.Sent} thư; không gửi được: {string.Join("; ", r.Failures)}", $"Sent {r.Sent}; failed: {string.Join("; ", r.Failures)}")
                    : Lang.T($"Đã gửi {r.Sent} thư đôn đốc.", $"Sent {r.Sent} reminder(s).");
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); }
        db.ChangeTracker.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await ReportAccess.CanSeeAllOfPlanAsync(db, User, Plan, ct)) return Forbid();
        try
        {
            var (t, p) = await ConsolidationActions.ResolveAsync(db, Template, Period, ct);
            View = await ReportQueries.OverviewAsync(db, Plan, t, p, TaskActions.Today(clock), ct);
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) { return BadRequest(e.Message); }
        CanReview = await ReportAccess.CanReviewAsync(db, User, Plan, ct);
        return null;
    }
}
