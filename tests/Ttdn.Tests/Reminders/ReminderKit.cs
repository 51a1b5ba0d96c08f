using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Reminders;

/// <summary>
/// The application (without demo data unless asked), an SMTP listener on loopback, and helpers that build a small issued plan
/// through the app's own domain code. The clock stands at 23/11/2026 09:00 Vietnam time.
/// </summary>
public sealed class ReminderKit : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public const string BaseUrl = "http://ttdn.test";

    public TestApp App { get; }
    public SmtpTestServer Smtp { get; }
    public IMailSender Mail { get; }
    public ReminderOptions Options { get; } = new() { BaseUrl = BaseUrl };
    public int ProvinceId { get; private set; }
    /// <summary>The lead department (đầu mối) of the plans built here: Sở Văn hóa, Thể thao và Du lịch.</summary>
    public int CultureId { get; private set; }
    public int NewspaperId { get; private set; }
    public int TelevisionId { get; private set; }

    private ReminderKit(TestApp app, SmtpTestServer smtp)
    {
        (App, Smtp) = (app, smtp);
        Mail = new SmtpMailSender(new SmtpOptions { Host = smtp.Host, Port = smtp.Port, BaseUrl = BaseUrl });
    }

    public static async Task<ReminderKit> StartAsync(Db provider, bool demo = false)
    {
        var app = await TestApp.StartAsync(provider, new() { ["Demo:Enabled"] = demo ? "true" : "false" });
        var kit = new ReminderKit(app, SmtpTestServer.Start());
        await app.WithDbAsync(async db =>
        {
            var province = await Initialiser.HomeProvinceAsync(db, app.App.Configuration);
            kit.ProvinceId = province.Id;
            async Task<int> Org(string name) =>
                (await OrganisationDirectory.FindAsync(db, name, province.Id)).First(m => m.Exact && m.ValidTo is null).Id;
            kit.CultureId = await Org("Sở Văn hóa, Thể thao và Du lịch");
            kit.NewspaperId = await Org("Báo Thái Nguyên");
            kit.TelevisionId = await Org("Đài Phát thanh - Truyền hình tỉnh Thái Nguyên");
            return 0;
        });
        return kit;
    }

    public async Task<string> UserAsync(string userName, string fullName, int organisationId, string? email, string role = Roles.AgencyOfficer)
    {
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var (user, errors) = await UserAdmin.CreateAsync(users, db, new UserAdmin.UserInput(userName, fullName, null, organisationId, [role], TestApp.DemoPassword), App.Clock);
        Assert.True(user is not null, string.Join(" ", errors));
        if (email is not null) Assert.True((await users.SetEmailAsync(user, email)).Succeeded);
        return user.Id;
    }

    public sealed record Duty(string Text, int LeadAgencyId, DateOnly Due);

    /// <summary>An issued plan led by <see cref="CultureId"/> with one duty per entry (due "trước ngày dd/MM/yyyy"); returns the task ids.</summary>
    public async Task<(int PlanId, int[] TaskIds)> PlanAsync(string number, params Duty[] duties) => await PlanAsync(number, issue: true, 2026, duties);

    public async Task<(int PlanId, int[] TaskIds)> PlanAsync(string number, bool issue, int year, params Duty[] duties)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var plan = new Plan(PlanKind.ThematicPlan, $"Thông tin đối ngoại chuyên đề {number}", start, end, CultureId, App.Clock.GetUtcNow().UtcDateTime);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var tasks = new List<PlanTask>();
        foreach (var (duty, i) in duties.Select((d, i) => (d, i)))
        {
            var task = new PlanTask(plan.Id, null, i + 1, duty.Text, duty.LeadAgencyId);
            task.SetDeadline(new Deadline($"trước ngày {Ttdn.Shared.Lang.Date(duty.Due)}", DeadlineKind.Before, start, duty.Due, Recurrence.None), start, end);
            db.PlanTasks.Add(task);
            tasks.Add(task);
        }
        await db.SaveChangesAsync();
        if (issue)
        {
            plan.Submit();
            plan.Approve();
            plan.IssueAs(number, new DateOnly(year - 1, 12, 26), "Thái Nguyên");
            await db.SaveChangesAsync();
        }
        return (plan.Id, [.. tasks.Select(t => t.Id)]);
    }

    public async Task CompleteAsync(int taskId)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var occurrence = await db.TaskOccurrences.SingleAsync(o => o.PlanTaskId == taskId);
        occurrence.RecordProgress(100, null, completed: true, TaskActions.Today(App.Clock));
        await db.SaveChangesAsync();
    }

    /// <summary>One run of the job on its own DbContext, as a node would do it.</summary>
    public async Task<ReminderRunResult> RunAsync(IMailSender? mail = null)
    {
        await using var scope = App.Scope();
        return await ReminderJob.RunOnceAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), mail ?? Mail, App.Clock, Options);
    }

    public Task<int> LogCountAsync() => App.WithDbAsync(db => db.ReminderLogs.CountAsync());

    public IReadOnlyList<ReceivedMail> MailTo(string address) => Smtp.Messages.Where(m => m.Recipients.Contains(address)).ToList();

    public static string KindOf(ReceivedMail m) => (m.Header(SmtpMailSender.TagHeader) ?? "").Split(';')[0];

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await App.DisposeAsync();
    }
}
