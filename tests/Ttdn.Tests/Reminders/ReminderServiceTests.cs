using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Ttdn.Tasks.Reminders;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Reminders.ReminderKit;

namespace Ttdn.Tests.Reminders;

public sealed class ReminderServiceTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static int HostedServices(IServiceCollection services) => services.Count(d => d.ServiceType == typeof(IHostedService));

    [Fact]
    public void The_service_runs_when_an_SMTP_host_is_configured_or_when_enabled_explicitly()
    {
        var none = new ServiceCollection().AddReminders(Config([]));
        Assert.Equal(0, HostedServices(none));
        Assert.Contains(none, d => d.ServiceType == typeof(IMailSender)); // the sender is there for other features all the same

        var withHost = new ServiceCollection().AddReminders(Config(new() { ["Smtp:Host"] = "mail.thainguyen.gov.vn" }));
        Assert.Equal(1, HostedServices(withHost));
        withHost.AddReminders(Config(new() { ["Smtp:Host"] = "mail.thainguyen.gov.vn" }));
        Assert.Equal(1, HostedServices(withHost)); // idempotent

        Assert.Equal(0, HostedServices(new ServiceCollection().AddReminders(Config(new() { ["Smtp:Host"] = "mail", ["Reminders:Enabled"] = "false" }))));
        Assert.Equal(1, HostedServices(new ServiceCollection().AddReminders(Config(new() { ["Reminders:Enabled"] = "true" }))));
    }

    [Fact]
    public void Options_come_from_configuration_with_clear_messages_for_bad_values()
    {
        var defaults = ReminderOptions.Read(Config([]));
        Assert.Equal([7, 1], defaults.DaysBefore);
        Assert.Equal((7, 7, 7, 90, TimeSpan.FromMinutes(15), "http://127.0.0.1:5080"),
            (defaults.OverdueEveryDays, defaults.SummaryDays, defaults.NotBeforeHour, defaults.DaysAfterPlanEnd, defaults.Interval, defaults.BaseUrl));
        var smtp = SmtpOptions.Read(Config([]));
        Assert.Equal((null, 25, "ttdn@localhost", false), (smtp.Host, smtp.Port, smtp.From, smtp.EnableSsl));

        var set = ReminderOptions.Read(Config(new()
        {
            ["Reminders:DaysBefore"] = "14, 3, 1", ["Reminders:OverdueEveryDays"] = "3", ["Reminders:Interval"] = "00:05:00",
            ["Smtp:BaseUrl"] = "https://ttdn.thainguyen.gov.vn/",
        }));
        Assert.Equal([14, 3, 1], set.DaysBefore);
        Assert.Equal((3, TimeSpan.FromMinutes(5), "https://ttdn.thainguyen.gov.vn"), (set.OverdueEveryDays, set.Interval, set.BaseUrl));
        Assert.Equal([10, 2], ReminderOptions.Read(Config(new() { ["Reminders:DaysBefore:0"] = "10", ["Reminders:DaysBefore:1"] = "2" })).DaysBefore);

        var bad = Assert.Throws<InvalidOperationException>(() => ReminderOptions.Read(Config(new() { ["Reminders:DaysBefore"] = "bảy" })));
        Assert.Contains("Reminders:DaysBefore", bad.Message);
        Assert.Contains("Smtp:From", Assert.Throws<InvalidOperationException>(() => SmtpOptions.Read(Config(new() { ["Smtp:From"] = "không phải e-mail" }))).Message);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_nodes_share_the_work_through_the_lease_and_the_survivor_takes_over(Db provider)
    {
        await using var kit = await ReminderKit.StartAsync(provider);
        await kit.UserAsync("phongvien", "Nguyễn Thị Hằng", kit.NewspaperId, "hang@baothainguyen.vn");
        await kit.PlanAsync("95/KH-UBND", new Duty("Đăng tải 12 tin, bài tiếng Anh về Lễ hội Trà", kit.NewspaperId, Today.AddDays(7)));
        var scopes = kit.App.App.Services.GetRequiredService<IServiceScopeFactory>();
        ReminderService Node() => new(scopes, kit.Mail, kit.App.Clock, kit.Options, NullLogger<ReminderService>.Instance);
        using var a = Node();
        using var b = Node();

        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        await Until(() => a.Passes >= 1 && b.Passes >= 1);

        Assert.Single(kit.Smtp.Messages);
        var holderName = await kit.App.WithDbAsync(db => db.JobLeases.Where(l => l.Name == ReminderOptions.LeaseName).Select(l => l.Holder).SingleAsync());
        var (holder, other) = holderName == a.Holder ? (a, b) : (b, a);
        Assert.Equal(holder.Holder, holderName);
        Assert.Equal(1, holder.LastResult!.Sent);
        Assert.Null(other.LastResult);

        // The next pass: the holder keeps the lease, nothing is sent twice.
        await AdvanceUntil(kit, () => holder.Passes >= 2 && other.Passes >= 2);
        Assert.Single(kit.Smtp.Messages);
        Assert.Equal((0, 1), (holder.LastResult!.Sent, holder.LastResult.AlreadySent));

        // The holder stops (hands the lease back): the other node carries on at its next pass.
        await holder.StopAsync(CancellationToken.None);
        await AdvanceUntil(kit, () => other.LastResult is not null);
        Assert.Equal((0, 1), (other.LastResult!.Sent, other.LastResult.AlreadySent));
        Assert.Single(kit.Smtp.Messages);
        Assert.Equal(other.Holder, await kit.App.WithDbAsync(db => db.JobLeases.Select(l => l.Holder).SingleAsync()));
        await other.StopAsync(CancellationToken.None);
    }

    private static async Task Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the reminder service");
            await Task.Delay(20);
        }
    }

    /// <summary>Moves the fake clock one interval at a time until the services have reacted (they may not be waiting yet).</summary>
    private static async Task AdvanceUntil(ReminderKit kit, Func<bool> condition)
    {
        for (var i = 0; i < 20 && !condition(); i++)
        {
            kit.App.Clock.Advance(kit.Options.Interval);
            var until = DateTime.UtcNow.AddMilliseconds(1500);
            while (!condition() && DateTime.UtcNow < until) await Task.Delay(20);
        }
        Assert.True(condition(), "the reminder service did not run after the clock moved on");
    }
}
