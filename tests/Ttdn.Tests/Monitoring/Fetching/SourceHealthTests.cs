using Microsoft.Extensions.Time.Testing;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

public sealed class SourceHealthTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Fetches every 6 hours for <paramref name="days"/> days, the last one 6 h before now; counting back from that
    /// last fetch (which brings items), every <paramref name="itemEvery"/>-th fetch brings items.
    /// </summary>
    private List<FetchOutcomeSummary> History(int days, int itemEvery, int items = 4)
    {
        var start = _clock.GetUtcNow() - TimeSpan.FromDays(days);
        int count = days * 4;
        return Enumerable.Range(0, count)
            .Select(i => new FetchOutcomeSummary(start + TimeSpan.FromHours(6 * i), true, (count - 1 - i) % itemEvery == 0 ? items : 0, null))
            .ToList();
    }

    private SourceHealthState Assess(List<FetchOutcomeSummary> history) => SourceHealth.Assess(history, _clock.GetUtcNow());

    /// <summary>The clock moves on while the source keeps answering with nothing new.</summary>
    private void SilentFetches(List<FetchOutcomeSummary> history, TimeSpan span)
    {
        var end = _clock.GetUtcNow() + span;
        while (_clock.GetUtcNow() < end)
        {
            _clock.Advance(TimeSpan.FromHours(6));
            history.Add(new FetchOutcomeSummary(_clock.GetUtcNow(), true, 0, null));
        }
    }

    [Fact]
    public void No_history_is_new()
    {
        var state = Assess([]);
        Assert.Equal(SourceHealthStatus.New, state.Status);
        Assert.Null(state.LastSuccess);
        Assert.Equal(0, state.ItemsPerDay);
    }

    [Fact]
    public void Daily_source_is_healthy_with_its_seven_day_rate()
    {
        var state = Assess(History(days: 21, itemEvery: 4, items: 3));
        Assert.Equal(SourceHealthStatus.Healthy, state.Status);
        Assert.Equal(3.0, state.ItemsPerDay, precision: 6);
        Assert.Equal(_clock.GetUtcNow() - TimeSpan.FromHours(6), state.LastSuccess);
        Assert.Contains("3 items/day", state.Reason);
    }

    [Fact]
    public void Daily_source_goes_quiet_after_three_usual_gaps()
    {
        var history = History(days: 21, itemEvery: 4);
        // The last producing fetch was 6 h before "now"; usual gap 1 day → alert after 3 days of silence.
        SilentFetches(history, TimeSpan.FromDays(2));
        Assert.Equal(SourceHealthStatus.Healthy, Assess(history).Status);

        SilentFetches(history, TimeSpan.FromDays(1.5));
        var state = Assess(history);
        Assert.Equal(SourceHealthStatus.Quiet, state.Status);
        Assert.Contains("quiet: no new item for 3.8 days; alert above 3 days", state.Reason);
        Assert.StartsWith("Nguồn im lặng", state.Reason);
    }

    [Fact]
    public void A_busy_source_is_never_flagged_before_two_days()
    {
        var history = History(days: 14, itemEvery: 1);
        SilentFetches(history, TimeSpan.FromDays(1.75));
        Assert.Equal(SourceHealthStatus.Healthy, Assess(history).Status);
        SilentFetches(history, TimeSpan.FromDays(0.5));
        Assert.Equal(SourceHealthStatus.Quiet, Assess(history).Status);
    }

    [Fact]
    public void A_weekly_source_is_not_quiet_after_ten_days()
    {
        var history = History(days: 28, itemEvery: 28);
        SilentFetches(history, TimeSpan.FromDays(10));
        Assert.Equal(SourceHealthStatus.Healthy, Assess(history).Status);
        SilentFetches(history, TimeSpan.FromDays(12));
        Assert.Equal(SourceHealthStatus.Quiet, Assess(history).Status);
    }

    [Fact]
    public void One_failure_between_successes_stays_healthy_but_is_shown()
    {
        var history = History(days: 7, itemEvery: 4);
        _clock.Advance(TimeSpan.FromHours(6));
        history.Add(new FetchOutcomeSummary(_clock.GetUtcNow(), false, 0, "Nguồn trả về lỗi 503 sau 3 lần thử (server error 503 after 3 attempts)"));

        var state = Assess(history);
        Assert.Equal(SourceHealthStatus.Healthy, state.Status);
        Assert.Equal("Nguồn trả về lỗi 503 sau 3 lần thử (server error 503 after 3 attempts)", state.LastError);
        Assert.Equal(_clock.GetUtcNow(), state.LastErrorAt);
        Assert.Contains("last fetch failed", state.Reason);

        _clock.Advance(TimeSpan.FromHours(6));
        history.Add(new FetchOutcomeSummary(_clock.GetUtcNow(), false, 0, "Không tìm thấy địa chỉ (lỗi 404)"));
        var failing = Assess(history);
        Assert.Equal(SourceHealthStatus.Failing, failing.Status);
        Assert.Contains("2 latest fetches failed", failing.Reason);
        Assert.Contains("lỗi 404", failing.Reason);
    }

    [Fact]
    public void A_source_that_never_worked_is_failing()
    {
        var state = Assess([new FetchOutcomeSummary(_clock.GetUtcNow(), false, 0, "robots.txt disallows /rss")]);
        Assert.Equal(SourceHealthStatus.Failing, state.Status);
        Assert.Contains("robots.txt disallows /rss", state.Reason);
    }

    [Fact]
    public void A_source_without_items_is_new_for_a_week_then_quiet()
    {
        var history = History(days: 3, itemEvery: int.MaxValue, items: 0);
        Assert.Equal(SourceHealthStatus.New, Assess(history).Status);
        SilentFetches(history, TimeSpan.FromDays(5));
        var state = Assess(history);
        Assert.Equal(SourceHealthStatus.Quiet, state.Status);
        Assert.Contains("no item in 8 days", state.Reason);
    }

    [Fact]
    public void Order_of_the_history_does_not_matter_and_future_entries_are_ignored()
    {
        var history = History(days: 21, itemEvery: 4);
        var shuffled = history.OrderBy(o => o.At.Ticks % 7).ToList();
        shuffled.Add(new FetchOutcomeSummary(_clock.GetUtcNow() + TimeSpan.FromDays(1), false, 0, "from the future"));
        Assert.Equal(Assess(history), Assess(shuffled));
    }
}
