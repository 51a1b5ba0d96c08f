using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Ttdn.Audit;
using Ttdn.Data;
using Ttdn.Plans;
using Ttdn.Shared;

namespace Ttdn.Tasks.Reminders;

public sealed record ReminderFailure(ReminderKind Kind, int? OccurrenceId, string Recipient, string Reason);

/// <summary>What one run did. <see cref="WithoutRecipients"/>: organisations that were due a reminder but have no user with an e-mail.</summary>
public sealed record ReminderRunResult(DateOnly Day, int Sent, int AlreadySent, int Failed, IReadOnlyList<ReminderFailure> Failures,
    IReadOnlyList<string> WithoutRecipients, string? Note = null);

/// <summary>
/// Reminders and the daily summary, by e-mail. Safe to run at any moment and on any number of nodes at once:
/// <list type="bullet">
/// <item>Only unfinished occurrences of issued or amended plans count, and only until <see cref="ReminderOptions.DaysAfterPlanEnd"/>
/// days after the plan's period ends; the day is the Vietnamese date of the clock.</item>
/// <item><see cref="ReminderKind.BeforeDeadline"/>: to every user (with an e-mail) of the lead agency, once per stage of
/// <see cref="ReminderOptions.DaysBefore"/>: with [7, 1], on the first run from 7 days before the due date, and again from 1 day
/// before. A stage the job missed (server down) is caught up while it lasts; an extension moves the stages with the due date.</item>
/// <item><see cref="ReminderKind.Overdue"/>: to the same people on the first overdue day, then whenever the last overdue
/// reminder to that person for that occurrence is <see cref="ReminderOptions.OverdueEveryDays"/> days old (first day, +7, +14, …).</item>
/// <item><see cref="ReminderKind.DailySummary"/>: once a day to every user of a plan's lead department (Plan.LeadOrganisationId),
/// one mail covering all the plans it follows up: overdue duties with their lead agencies, and duties due in the next
/// <see cref="ReminderOptions.SummaryDays"/> days. Nothing to report → no mail. Logged with OccurrenceId 0 (it is about no single
/// occurrence; 0 rather than NULL because a unique index treats NULLs as distinct and would not stop a second summary).</item>
/// <item>Each mail is first claimed by inserting its <see cref="ReminderLog"/> row (occurrence, kind, recipient, day), then sent. The
/// unique index turns a second claim, by a parallel run on another node, into "already sent", so a reminder never goes twice. A
/// failed send deletes its claim again, is counted with its reason and is retried on the next run; it never stops the job.
/// (Trade-off: a crash between claim and send loses that one mail for its day rather than risking a duplicate.)</item>
/// </list>
/// </summary>
public static class ReminderJob
{
    internal sealed record Item(int OccurrenceId, int TaskId, int Order, string Text, int LeadAgencyId, string LeadAgency, int PlanId, string? PlanNumber,
        string PlanTitle, int PlanLeadId, DateOnly Start, DateOnly End, DateOnly Due, int Percent, bool Started, Recurrence Recurrence);

    internal sealed record MailRecipient(string Email, string Key, string FullName);

    /// <summary>Runs only when this holder gets (or keeps) the "reminders" lease; null when another node holds it.</summary>
    public static async Task<ReminderRunResult?> RunWithLeaseAsync(AppDb db, IMailSender mail, TimeProvider clock, ReminderOptions options, string holder,
        CancellationToken ct = default)
    {
        if (!await JobLease.TryAcquireAsync(db, ReminderOptions.LeaseName, holder, clock.GetUtcNow().UtcDateTime, options.LeaseDuration, ct))
            return null;
        return await RunOnceAsync(db, mail, clock, options, ct);
    }

    public static async Task<ReminderRunResult> RunOnceAsync(AppDb db, IMailSender mail, TimeProvider clock, ReminderOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var nowUtc = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(nowUtc, Lang.VietnamTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < options.NotBeforeHour)
            return new ReminderRunResult(today, 0, 0, 0, [], [], $"Chưa đến {options.NotBeforeHour}:00 (giờ Việt Nam): chưa gửi thư. (Too early.)");

        var stages = options.DaysBefore.Distinct().Order().ToList();
        var horizon = today.AddDays(Math.Max(stages.Count == 0 ? 0 : stages[^1], options.SummaryDays - 1));
        var endedBefore = today.AddDays(-options.DaysAfterPlanEnd);
        var items = await db.TaskOccurrences.AsNoTracking()
            .Where(o => o.CompletedOn == null
                && (o.Task!.Plan!.Status == PlanStatus.Issued || o.Task.Plan.Status == PlanStatus.Amended)
                && o.Task.Plan.PeriodEnd >= endedBefore
                && (o.ExtendedTo ?? o.Due) <= horizon)
            .Select(o => new Item(o.Id, o.PlanTaskId, o.Task!.Order, o.Task.Text, o.Task.LeadAgencyId, o.Task.LeadAgency!.Name, o.Task.PlanId,
                o.Task.Plan!.Number, o.Task.Plan.Title, o.Task.Plan.LeadOrganisationId, o.Start, o.End, o.ExtendedTo ?? o.Due, o.Percent,
                o.StartedOn != null || o.Percent > 0 || o.QuantityAchieved != null, o.Task.Recurrence))
            .ToListAsync(ct);
        items = items.OrderBy(i => i.Due).ThenBy(i => i.PlanId).ThenBy(i => i.Order).ThenBy(i => i.Start).ToList();

        var recipients = await RecipientsAsync(db, items.Select(i => i.LeadAgencyId).Concat(items.Select(i => i.PlanLeadId)), nowUtc, ct);
        var since = today.AddDays(-Math.Max(options.OverdueEveryDays, stages.Count == 0 ? 0 : stages[^1]) - 1);
        var last = (await db.ReminderLogs.AsNoTracking().Where(l => l.SentOn >= since)
                .Select(l => new { l.OccurrenceId, l.Kind, l.Recipient, l.SentOn }).ToListAsync(ct))
            .GroupBy(l => (l.OccurrenceId ?? 0, l.Kind, l.Recipient))
            .ToDictionary(g => g.Key, g => g.Max(l => l.SentOn));
        DateOnly? LastSent(int occurrenceId, ReminderKind kind, MailRecipient r) =>
            last.TryGetValue((occurrenceId, kind, r.Key), out var d) ? d : null;

        var run = new Run(db, mail, today, ct);
        foreach (var item in items)
        {
            var daysLeft = item.Due.DayNumber - today.DayNumber;
            ReminderKind kind;
            DateOnly covered; // a reminder sent on or after this day already covers today
            if (daysLeft < 0)
            {
                kind = ReminderKind.Overdue;
                covered = today.AddDays(1 - options.OverdueEveryDays);
            }
            else
            {
                var stage = stages.FirstOrDefault(d => d >= daysLeft, -1);
                if (stage < 0) continue;
                kind = ReminderKind.BeforeDeadline;
                covered = item.Due.AddDays(-stage);
            }
            var to = recipients.GetValueOrDefault(item.LeadAgencyId) ?? [];
            if (to.Count == 0) run.NoRecipient(item.LeadAgency);
            foreach (var r in to)
            {
                if (LastSent(item.OccurrenceId, kind, r) >= covered)
                {
                    run.AlreadySent++;
                    continue;
                }
                var message = kind == ReminderKind.Overdue
                    ? ReminderMails.Overdue(item, r, today, options.BaseUrl)
                    : ReminderMails.BeforeDeadline(item, r, today, options.BaseUrl);
                await run.DeliverAsync(kind, item.OccurrenceId, r, message);
            }
        }

        if (options.DailySummary)
        {
            var departments = items.Select(i => i.PlanLeadId).Distinct().ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => departments.Contains(o.Id))
                .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            foreach (var department in items.GroupBy(i => i.PlanLeadId).OrderBy(g => g.Key))
            {
                var overdue = department.Where(i => i.Due < today).ToList();
                var soon = department.Where(i => i.Due >= today && i.Due.DayNumber - today.DayNumber < options.SummaryDays).ToList();
                if (overdue.Count == 0 && soon.Count == 0) continue;
                var name = names.GetValueOrDefault(department.Key) ?? "";
                var to = recipients.GetValueOrDefault(department.Key) ?? [];
                if (to.Count == 0) run.NoRecipient(name);
                foreach (var r in to)
                {
                    if (LastSent(0, ReminderKind.DailySummary, r) >= today)
                    {
                        run.AlreadySent++;
                        continue;
                    }
                    await run.DeliverAsync(ReminderKind.DailySummary, 0, r,
                        ReminderMails.DailySummary(name, overdue, soon, r, today, options.SummaryDays, options.BaseUrl));
                }
            }
        }
        return new ReminderRunResult(today, run.Sent, run.AlreadySent, run.Failures.Count, run.Failures, [.. run.Unreachable.Order()]);
    }

    /// <summary>Users with an e-mail per organisation, one entry per address; disabled accounts (locked indefinitely) get nothing.</summary>
    private static async Task<Dictionary<int, List<MailRecipient>>> RecipientsAsync(AppDb db, IEnumerable<int> organisationIds, DateTimeOffset now, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.OrganisationId) && u.Email != null && u.Email != "")
            .Select(u => new { u.OrganisationId, u.Email, u.FullName, u.UserName, u.LockoutEnd })
            .ToListAsync(ct);
        return users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now.AddYears(1))
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .GroupBy(u => u.OrganisationId)
            .ToDictionary(g => g.Key, g => g
                .Select(u => new MailRecipient(u.Email!.Trim(), u.Email!.Trim().ToLowerInvariant(), string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? "" : u.FullName))
                .DistinctBy(r => r.Key)
                .ToList());
    }

    /// <summary>The reason of a failed send in words: the SMTP status and every message down the chain.</summary>
    public static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var text = e is SmtpException smtp ? $"SMTP {(int)smtp.StatusCode} ({smtp.StatusCode}): {smtp.Message}" : e.Message;
            if (!parts.Contains(text)) parts.Add(text);
        }
        return string.Join(" → ", parts);
    }

    private sealed class Run(AppDb db, IMailSender mail, DateOnly today, CancellationToken ct)
    {
        public int Sent { get; private set; }
        public int AlreadySent { get; set; }
        public List<ReminderFailure> Failures { get; } = [];
        public HashSet<string> Unreachable { get; } = [];

        public void NoRecipient(string organisation) => Unreachable.Add(organisation);

        public async Task DeliverAsync(ReminderKind kind, int occurrenceId, MailRecipient r, OutgoingMail message)
        {
            var claim = new ReminderLog { OccurrenceId = occurrenceId, Kind = kind, Recipient = r.Key, SentOn = today };
            if (!await ClaimAsync(claim))
            {
                AlreadySent++;
                return;
            }
            try
            {
                await mail.SendAsync(message, ct);
                Sent++;
            }
            catch (Exception ex)
            {
                await ReleaseAsync(claim);
                if (ex is OperationCanceledException && ct.IsCancellationRequested) throw;
                Failures.Add(new ReminderFailure(kind, occurrenceId == 0 ? null : occurrenceId, r.Email, Describe(ex)));
            }
        }

        /// <summary>True when this run inserted the row; false when another run already has it (the unique index said no).</summary>
        private async Task<bool> ClaimAsync(ReminderLog claim)
        {
            db.ReminderLogs.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                Forget();
                var taken = await db.ReminderLogs.AsNoTracking().AnyAsync(l => l.OccurrenceId == claim.OccurrenceId && l.Kind == claim.Kind
                    && l.Recipient == claim.Recipient && l.SentOn == claim.SentOn, ct);
                if (taken) return false;
                throw;
            }
            finally
            {
                Forget();
            }
        }

        private async Task ReleaseAsync(ReminderLog claim)
        {
            db.ReminderLogs.Remove(claim);
            try
            {
                // Not cancellable: a claim left behind would silence this reminder for the day.
                await db.SaveChangesAsync(CancellationToken.None);
            }
            finally
            {
                Forget();
            }
        }

        /// <summary>Keeps the context light over a long run: the job's own rows and their audit entries are not needed again.</summary>
        private void Forget()
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ReminderLog or AuditEntry).ToList())
                entry.State = EntityState.Detached;
        }
    }
}
