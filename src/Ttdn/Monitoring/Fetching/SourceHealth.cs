namespace Ttdn.Monitoring.Fetching;

/// <summary>One past fetch of a source, as the scheduler records it.</summary>
public sealed record FetchOutcomeSummary(DateTimeOffset At, bool Succeeded, int NewItems, string? Error);

public enum SourceHealthStatus { New, Healthy, Failing, Quiet }

/// <summary>What the source list shows: status, last success, last error with its reason, 7-day items per day, and why.</summary>
public sealed record SourceHealthState(SourceHealthStatus Status, DateTimeOffset? LastSuccess, string? LastError,
    DateTimeOffset? LastErrorAt, double ItemsPerDay, string Reason);

/// <summary>
/// Health rules (decision 0019), pure so the scheduler, the page and the alerts agree:
/// Failing — the last two fetches failed, or no fetch has ever succeeded;
/// Quiet — a source that produced items goes without a new item for longer than max(2 days, 3 × its usual gap
/// between producing fetches over the previous four weeks), or a source fetched for a week has never produced one;
/// New — less than a week of history and nothing produced yet; Healthy otherwise.
/// A single failure between successes stays Healthy (the reason names it), so one network blip does not raise an alarm.
/// </summary>
public static class SourceHealth
{
    private static readonly TimeSpan Baseline = TimeSpan.FromDays(28);
    private static readonly TimeSpan MinimumQuiet = TimeSpan.FromDays(2);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static SourceHealthState Assess(IReadOnlyList<FetchOutcomeSummary> recent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var history = recent.Where(o => o.At <= now).OrderBy(o => o.At).ToList();
        var lastSuccess = history.LastOrDefault(o => o.Succeeded)?.At;
        var lastFailure = history.LastOrDefault(o => !o.Succeeded);
        var itemsPerDay = history.Where(o => o.At > now - Week).Sum(o => Math.Max(0, o.NewItems)) / 7.0;

        SourceHealthState State(SourceHealthStatus status, string reason) =>
            new(status, lastSuccess, lastFailure?.Error, lastFailure?.At, itemsPerDay, reason);

        if (history.Count == 0) return State(SourceHealthStatus.New, "Chưa lấy tin lần nào (not fetched yet)");

        int failuresInARow = history.AsEnumerable().Reverse().TakeWhile(o => !o.Succeeded).Count();
        var error = lastFailure?.Error ?? "không rõ lý do (no reason recorded)";
        if (lastSuccess is null) return State(SourceHealthStatus.Failing, $"Chưa lấy được lần nào, {failuresInARow} lần lỗi; lỗi gần nhất: {error} (never fetched successfully)");
        if (failuresInARow >= 2) return State(SourceHealthStatus.Failing, $"{failuresInARow} lần lấy tin gần nhất đều lỗi: {error} ({failuresInARow} latest fetches failed)");

        var producing = history.Where(o => o.Succeeded && o.NewItems > 0).Select(o => o.At).ToList();
        var observed = now - history[0].At;
        if (producing.Count == 0)
        {
            return observed < Week
                ? State(SourceHealthStatus.New, "Nguồn mới, chưa có mục nào (new source, no items yet)")
                : State(SourceHealthStatus.Quiet, $"Lấy tin được nhưng chưa có mục nào sau {observed.TotalDays:0} ngày; hãy kiểm tra địa chỉ nguồn (fetched fine but no item in {observed.TotalDays:0} days; check the source address)");
        }

        var lastItem = producing[^1];
        var threshold = QuietThreshold(producing, lastItem);
        var silence = now - lastItem;
        if (silence > threshold)
        {
            return State(SourceHealthStatus.Quiet,
                $"Nguồn im lặng: không có mục mới trong {silence.TotalDays:0.#} ngày, trong khi thường {UsualGapText(producing, lastItem)} (quiet: no new item for {silence.TotalDays:0.#} days; alert above {threshold.TotalDays:0.#} days)");
        }

        var blip = failuresInARow == 1 ? $"; lần gần nhất lỗi: {error}, sẽ thử lại (last fetch failed, will retry)" : "";
        return State(SourceHealthStatus.Healthy, $"Hoạt động bình thường, {itemsPerDay:0.#} mục/ngày{blip} (healthy, {itemsPerDay:0.#} items/day)");
    }

    /// <summary>max(2 days, 3 × the median gap between producing fetches in the four weeks before the last item).</summary>
    private static TimeSpan QuietThreshold(List<DateTimeOffset> producing, DateTimeOffset lastItem)
    {
        var gap = UsualGap(producing, lastItem);
        var threshold = gap is { } g ? g * 3 : MinimumQuiet;
        return threshold > MinimumQuiet ? threshold : MinimumQuiet;
    }

    private static TimeSpan? UsualGap(List<DateTimeOffset> producing, DateTimeOffset lastItem)
    {
        var window = producing.Where(t => t >= lastItem - Baseline).ToList();
        if (window.Count < 2) return null;
        var gaps = window.Zip(window.Skip(1), (a, b) => b - a).OrderBy(g => g).ToList();
        return gaps[gaps.Count / 2];
    }

    private static string UsualGapText(List<DateTimeOffset> producing, DateTimeOffset lastItem) =>
        UsualGap(producing, lastItem) is { } gap
            ? $"cứ {gap.TotalHours:0.#} giờ lại có mục mới"
            : "chỉ có một lần có mục mới";
}
