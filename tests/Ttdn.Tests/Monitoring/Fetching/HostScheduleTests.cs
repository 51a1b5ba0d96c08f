using Microsoft.Extensions.Time.Testing;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>The per-host schedule on a fake clock: exact intervals, hosts independent, Retry-After deferral.</summary>
public sealed class HostScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Second_turn_on_a_host_waits_exactly_the_interval_other_hosts_do_not()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var schedule = new HostSchedule(clock);

        await schedule.WaitTurnAsync("a.example", Interval, CancellationToken.None);
        var second = schedule.WaitTurnAsync("a.example", Interval, CancellationToken.None);
        await schedule.WaitTurnAsync("b.example", Interval, CancellationToken.None); // another host: no wait

        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_after_defers_the_host()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var schedule = new HostSchedule(clock);
        schedule.Defer("a.example", TimeSpan.FromSeconds(30));

        var turn = schedule.WaitTurnAsync("a.example", Interval, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50);
        Assert.False(turn.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
