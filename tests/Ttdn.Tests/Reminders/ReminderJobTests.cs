using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Reminders.ReminderKit;

namespace Ttdn.Tests.Reminders;

/// <summary>Reminders by e-mail, delivered over real SMTP to a listener on loopback, on both database providers.</summary>
public sealed class ReminderJobTests
{
    private const string BookText = "Xuất bản 700 cuốn sách ảnh song ngữ Việt – Anh giới thiệu tiềm năng du lịch, đầu tư của tỉnh";
    private const string FilmText = "Sản xuất phim tài liệu “Thái Nguyên – Đất chè hội tụ” phát trên kênh đối ngoại";
    private const string PressText = "Tổ chức họp báo quốc tế giới thiệu Lễ hội Trà Thái Nguyên";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_duty_due_in_7_days_is_reminded_in_Vietnamese_to_the_lead_agency_once_per_stage(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        var (_, tasks) = await kit.PlanAsync("88/KH-UBND",
            new Duty(BookText, kit.NewspaperId, Today.AddDays(7)),
            new Duty(FilmText, kit.NewspaperId, Today.AddDays(20)));

        var first = await kit.RunAsync();

        Assert.Equal((1, 0, 0), (first.Sent, first.AlreadySent, first.Failed));
        var mail = Assert.Single(kit.Smtp.Messages);
        Assert.Equal(["hang@baothainguyen.vn"], mail.Recipients);
        Assert.Equal("ttdn@localhost", mail.From);
        Assert.Contains("Nguyễn Thị Hằng", mail.To);
        Assert.Equal("[TTĐN] Sắp đến hạn 30/11/2026 (còn 7 ngày): " + BookText, mail.Subject);
        Assert.Contains("Kính gửi Nguyễn Thị Hằng,", mail.Body);
        Assert.Contains("Nhiệm vụ: " + BookText, mail.Body);
        Assert.Contains("Kế hoạch: 88/KH-UBND – Thông tin đối ngoại chuyên đề 88/KH-UBND", mail.Body);
        Assert.Contains("Cơ quan chủ trì: Báo Thái Nguyên", mail.Body);
        Assert.Contains("Thời hạn: 30/11/2026", mail.Body);
        Assert.Contains("Tình trạng: Chưa thực hiện", mail.Body);
        Assert.Contains($"{BaseUrl}/Tasks/{tasks[0]}", mail.Body);
        Assert.DoesNotContain(FilmText, mail.Body); // due in 20 days: not yet
        Assert.Matches(@"Content-Type: text/plain; charset=utf-8", mail.Raw);
        var log = await kit.App.WithDbAsync(db => db.ReminderLogs.SingleAsync());
        Assert.Equal((ReminderKind.BeforeDeadline, "hang@baothainguyen.vn", Today), (log.Kind, log.Recipient, log.SentOn));

        // Every 15 minutes the same day, and the days after: nothing new until the 1-day stage.
        var again = await kit.RunAsync();
        Assert.Equal((0, 1, 0), (again.Sent, again.AlreadySent, again.Failed));
        for (var day = 1; day <= 5; day++)
        {
            kit.App.Clock.Advance(TimeSpan.FromDays(1));
            await kit.RunAsync();
        }
        Assert.Single(kit.Smtp.Messages);

        kit.App.Clock.Advance(TimeSpan.FromDays(1)); // 29/11: one day left
        var lastDay = await kit.RunAsync();
        Assert.Equal(1, lastDay.Sent);
        Assert.Equal(2, kit.Smtp.Messages.Count);
        Assert.StartsWith("[TTĐN] Sắp đến hạn 30/11/2026 (còn 1 ngày)", kit.Smtp.Messages[1].Subject);
        Assert.Equal(2, await kit.LogCountAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_overdue_duty_is_reminded_on_its_first_overdue_day_and_then_every_7_days(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("bientap", "Trần Văn Bình", kit.TelevisionId, "binh@tntv.vn");
        var (_, tasks) = await kit.PlanAsync("89/KH-UBND", new Duty(FilmText, kit.TelevisionId, Today.AddDays(-1)));

        var first = await kit.RunAsync();

        Assert.Equal(1, first.Sent);
        var mail = Assert.Single(kit.Smtp.Messages);
        Assert.Equal("Overdue", KindOf(mail));
        Assert.Equal("[TTĐN] Quá hạn 1 ngày (hạn 22/11/2026): " + FilmText, mail.Subject);
        Assert.Contains("Đài Phát thanh - Truyền hình tỉnh Thái Nguyên chủ trì đã quá hạn 1 ngày mà chưa hoàn thành", mail.Body);
        Assert.Contains("Thời hạn: 22/11/2026", mail.Body);
        Assert.Contains("Tình trạng: Đang thực hiện – quá hạn", mail.Body);
        Assert.Contains($"{BaseUrl}/Tasks/{tasks[0]}", mail.Body);

        for (var day = 1; day <= 6; day++)
        {
            kit.App.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(0, (await kit.RunAsync()).Sent);
        }
        kit.App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await kit.RunAsync()).Sent);
        Assert.StartsWith("[TTĐN] Quá hạn 8 ngày (hạn 22/11/2026)", kit.Smtp.Messages[^1].Subject);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Nothing_is_sent_before_7_in_the_morning_Vietnam_time(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        await kit.PlanAsync("97/KH-UBND", new Duty(BookText, kit.NewspaperId, Today.AddDays(8)));
        kit.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)); // 06:30 on 24/11 in Vietnam

        var early = await kit.RunAsync();

        Assert.Equal((Today.AddDays(1), 0), (early.Day, early.Sent));
        Assert.Contains("7:00", early.Note);
        Assert.Empty(kit.Smtp.Messages);
        kit.App.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, (await kit.RunAsync()).Sent);
        Assert.Contains("(còn 7 ngày)", Assert.Single(kit.Smtp.Messages).Subject);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_lead_department_gets_one_daily_summary_of_overdue_duties_with_their_lead_agencies_and_the_week_ahead(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("dauMoi", "Hoàng Thu Trang", kit.CultureId, "trang@svhttdl.gov.vn", Roles.LeadOfficer);
        var (_, tasks) = await kit.PlanAsync("90/KH-UBND",
            new Duty(BookText, kit.NewspaperId, Today.AddDays(-3)),
            new Duty(FilmText, kit.TelevisionId, Today.AddDays(-10)),
            new Duty(PressText, kit.NewspaperId, Today.AddDays(2)),
            new Duty("Cập nhật trang thông tin đối ngoại bằng tiếng Hàn", kit.TelevisionId, Today.AddDays(20)),
            new Duty("Tổng kết công tác thông tin đối ngoại năm", kit.NewspaperId, Today.AddDays(-5)));
        await kit.CompleteAsync(tasks[4]);

        var result = await kit.RunAsync();

        var summary = Assert.Single(kit.Smtp.Messages, m => KindOf(m) == "DailySummary");
        Assert.Equal(["trang@svhttdl.gov.vn"], summary.Recipients);
        Assert.Equal("[TTĐN] Tổng hợp ngày 23/11/2026: 2 nhiệm vụ quá hạn, 1 nhiệm vụ đến hạn trong 7 ngày tới", summary.Subject);
        var body = summary.Body;
        Assert.Contains("do Sở Văn hóa, Thể thao và Du lịch làm đầu mối theo dõi, tính đến ngày 23/11/2026", body);
        Assert.Contains("Kế hoạch 90/KH-UBND – Thông tin đối ngoại chuyên đề 90/KH-UBND", body);
        Assert.Contains("Nhiệm vụ quá hạn (2):", body);
        // Most overdue first, each with who leads it, its deadline and its status.
        Assert.Contains($" 1. {FilmText}\r\n    Chủ trì: Đài Phát thanh - Truyền hình tỉnh Thái Nguyên | Hạn: 13/11/2026 (quá 10 ngày) | Đang thực hiện – quá hạn\r\n    {BaseUrl}/Tasks/{tasks[1]}", body);
        Assert.Contains($" 2. {BookText}\r\n    Chủ trì: Báo Thái Nguyên | Hạn: 20/11/2026 (quá 3 ngày)", body);
        Assert.Contains("Nhiệm vụ đến hạn từ 23/11/2026 đến 29/11/2026 (1):", body);
        Assert.Contains($" 1. {PressText}\r\n    Chủ trì: Báo Thái Nguyên | Hạn: 25/11/2026 (còn 2 ngày) | Chưa thực hiện", body);
        Assert.DoesNotContain("tiếng Hàn", body);   // due in 20 days
        Assert.DoesNotContain("Tổng kết", body);    // done
        // The agencies have nobody with an e-mail: reported, not silently dropped.
        Assert.Equal(["Báo Thái Nguyên", "Đài Phát thanh - Truyền hình tỉnh Thái Nguyên"], result.WithoutRecipients);

        var again = await kit.RunAsync();
        Assert.Equal(0, again.Sent);
        Assert.Single(kit.Smtp.Messages, m => KindOf(m) == "DailySummary");
        kit.App.Clock.Advance(TimeSpan.FromDays(1));
        await kit.RunAsync();
        Assert.Equal(2, kit.Smtp.Messages.Count(m => KindOf(m) == "DailySummary"));
        var log = await kit.App.WithDbAsync(db => db.ReminderLogs.Where(l => l.Kind == ReminderKind.DailySummary).OrderBy(l => l.SentOn).ToListAsync());
        Assert.Equal(new[] { (0, Today), (0, Today.AddDays(1)) }, log.Select(l => (l.OccurrenceId ?? -1, l.SentOn)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_failed_send_is_counted_with_its_reason_leaves_no_log_and_is_sent_on_the_next_run(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        var (_, tasks) = await kit.PlanAsync("91/KH-UBND", new Duty(BookText, kit.NewspaperId, Today.AddDays(7)));
        var occurrence = await kit.App.WithDbAsync(db => db.TaskOccurrences.Where(o => o.PlanTaskId == tasks[0]).Select(o => o.Id).SingleAsync());

        kit.Smtp.RejectRecipient = _ => true;
        var refused = await kit.RunAsync();

        Assert.Equal((0, 1), (refused.Sent, refused.Failed));
        var failure = Assert.Single(refused.Failures);
        Assert.Equal((ReminderKind.BeforeDeadline, occurrence, "hang@baothainguyen.vn"), (failure.Kind, failure.OccurrenceId, failure.Recipient));
        Assert.Contains("Mailbox does not exist", failure.Reason);
        Assert.Contains("MailboxUnavailable", failure.Reason);
        Assert.Equal(0, await kit.LogCountAsync());
        Assert.Empty(kit.Smtp.Messages);

        kit.Smtp.RejectRecipient = null;
        kit.Smtp.DropConnections = true;
        var dropped = await kit.RunAsync();
        Assert.Equal((0, 1), (dropped.Sent, dropped.Failed));
        Assert.Contains("SMTP", Assert.Single(dropped.Failures).Reason);
        Assert.Equal(0, await kit.LogCountAsync());

        kit.Smtp.DropConnections = false;
        var healthy = await kit.RunAsync();
        Assert.Equal((1, 0), (healthy.Sent, healthy.Failed));
        Assert.Contains(BookText, Assert.Single(kit.Smtp.Messages).Body);
        Assert.Equal(1, await kit.LogCountAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Completed_duties_drafts_and_plans_ended_long_ago_get_no_reminder(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        await kit.UserAsync("dauMoi", "Hoàng Thu Trang", kit.CultureId, "trang@svhttdl.gov.vn", Roles.LeadOfficer);
        var (_, done) = await kit.PlanAsync("92/KH-UBND",
            new Duty(BookText, kit.NewspaperId, Today.AddDays(7)),
            new Duty(FilmText, kit.NewspaperId, Today.AddDays(-2)));
        foreach (var id in done) await kit.CompleteAsync(id);
        await kit.PlanAsync("dự thảo", issue: false, 2026, new Duty(PressText, kit.NewspaperId, Today.AddDays(1)));
        // Last year's plan, left "issued": its period ended more than 90 days ago, so its leftovers are for its final report.
        await kit.PlanAsync("12/KH-UBND", issue: true, 2025, new Duty("Tổng kết năm 2025", kit.NewspaperId, new DateOnly(2025, 8, 31)));

        var result = await kit.RunAsync();

        Assert.Equal((0, 0, 0), (result.Sent, result.AlreadySent, result.Failed));
        Assert.Empty(kit.Smtp.Messages);
        Assert.Equal(0, kit.Smtp.Connections);
        Assert.Equal(0, await kit.LogCountAsync());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Users_without_an_e_mail_and_disabled_accounts_are_skipped(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        await kit.UserAsync("khongmail", "Lý Văn Khánh", kit.NewspaperId, null);
        var leftId = await kit.UserAsync("danghi", "Đỗ Thị Nghỉ", kit.NewspaperId, "nghi@baothainguyen.vn");
        await using (var scope = kit.App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(leftId))!, DateTimeOffset.MaxValue); // how the admin disables an account
        }
        await kit.PlanAsync("93/KH-UBND", new Duty(BookText, kit.NewspaperId, Today.AddDays(1)));

        var result = await kit.RunAsync();

        Assert.Equal((1, 0), (result.Sent, result.Failed));
        Assert.Equal(["hang@baothainguyen.vn"], Assert.Single(kit.Smtp.Messages).Recipients);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Parallel_runs_on_one_database_never_send_the_same_reminder_twice(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        var agency = new[] { "a@baothainguyen.vn", "b@baothainguyen.vn", "c@baothainguyen.vn" };
        foreach (var (address, i) in agency.Select((a, i) => (a, i)))
            await kit.UserAsync($"phongvien{i}", $"Phóng viên {i}", kit.NewspaperId, address);
        await kit.UserAsync("dauMoi", "Hoàng Thu Trang", kit.CultureId, "trang@svhttdl.gov.vn", Roles.LeadOfficer);
        await kit.PlanAsync("94/KH-UBND",
            new Duty(BookText, kit.NewspaperId, Today.AddDays(-4)),
            new Duty(FilmText, kit.NewspaperId, Today.AddDays(1)),
            new Duty(PressText, kit.NewspaperId, Today.AddDays(7)));
        const int expected = 3 * 3 + 1; // three duties × three agency users, plus the lead department's summary

        // Four "nodes", each with its own DbContext, all at once and without the lease: the unique index alone decides.
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await kit.RunAsync();
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(runs);

        Assert.Equal(expected, results.Sum(r => r.Sent));
        Assert.Equal(3 * expected, results.Sum(r => r.AlreadySent));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        var delivered = kit.Smtp.Messages.Select(m => (m.Recipients.Single(), m.Header(SmtpMailSender.TagHeader))).ToList();
        Assert.Equal(expected, delivered.Count);
        Assert.Equal(expected, delivered.Distinct().Count());
        Assert.Equal(expected, await kit.LogCountAsync());

        // With the lease, as the service runs it: only one of the nodes works at a time.
        kit.App.Clock.Advance(TimeSpan.FromDays(1));
        var leased = await Task.WhenAll(Enumerable.Range(0, 3).Select(n => Task.Run(async () =>
        {
            await using var scope = kit.App.Scope();
            return await ReminderJob.RunWithLeaseAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), kit.Mail, kit.App.Clock, kit.Options, $"node-{n}");
        })));
        Assert.Single(leased, r => r is not null);
        // The next day brings only a new summary: the overdue duty was reminded yesterday, and the duty due today is still in
        // the 1-day stage it was reminded in.
        Assert.Equal(expected + 1, kit.Smtp.Messages.Count);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_reminder_another_node_claimed_since_this_run_started_counts_as_already_sent(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        await kit.PlanAsync("96/KH-UBND", new Duty(BookText, kit.NewspaperId, Today.AddDays(7)), new Duty(FilmText, kit.NewspaperId, Today.AddDays(7)));
        ReminderRunResult? other = null;
        // While this run sends its first mail, a second node runs from start to end and takes the second reminder. This run
        // read the log before that, so only the unique index can stop it: its claim fails and it moves on.
        var racing = new RacingSender(kit.Mail, async () => other = await kit.RunAsync());

        var result = await kit.RunAsync(racing);

        Assert.Equal((1, 1, 0), (result.Sent, result.AlreadySent, result.Failed));
        Assert.Equal((1, 1, 0), (other!.Sent, other.AlreadySent, other.Failed));
        Assert.Equal(2, kit.Smtp.Messages.Count);
        Assert.Equal(2, kit.Smtp.Messages.Select(m => m.Header(SmtpMailSender.TagHeader)).Distinct().Count());
        Assert.Equal(2, await kit.LogCountAsync());
    }

    private sealed class RacingSender(IMailSender inner, Func<Task> first) : IMailSender
    {
        private int _calls;

        public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _calls) == 1) await first();
            await inner.SendAsync(mail, ct);
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task In_the_demo_the_lead_department_is_told_about_this_years_overdue_duties(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider, demo: true);
        await using (var scope = kit.App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.SetEmailAsync((await users.FindByNameAsync("chuyenvien"))!, "chuyenvien@svhttdl.thainguyen.gov.vn")).Succeeded);
        }
        var (planId, number, overdue) = await kit.App.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.CopiedFromId != null);
            var board = await TaskQueries.DashboardAsync(db, plan.Id, Today);
            return (plan.Id, plan.Number, board.Overdue);
        });
        Assert.NotEmpty(overdue);

        await kit.RunAsync();

        var summary = Assert.Single(kit.MailTo("chuyenvien@svhttdl.thainguyen.gov.vn"), m => KindOf(m) == "DailySummary");
        Assert.Contains($"{overdue.Count} nhiệm vụ quá hạn", summary.Subject);
        Assert.Contains($"Kế hoạch {number} – ", summary.Body);
        foreach (var row in overdue)
            Assert.Contains($"{BaseUrl}/Tasks/{row.TaskId}", summary.Body);
        Assert.Contains($"Chủ trì: {overdue[0].LeadAgency} | Hạn: {Lang.Date(overdue[0].Due)}", summary.Body);
        // The 2022 plan is still "issued" in the demo, but it ended years ago: nobody is reminded of it.
        Assert.DoesNotContain(kit.Smtp.Messages, m => m.Subject.Contains("/2022", StringComparison.Ordinal) || m.Body.Contains("241/KH-UBND", StringComparison.Ordinal));
        Assert.True(planId > 0);
    }
}
