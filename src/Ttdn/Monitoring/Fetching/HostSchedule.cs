using System.Collections.Concurrent;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Per-host politeness: the starts of two requests to one host are at least the host's interval apart, whichever
/// fetch (feed, retry, redirect hop, robots.txt) they belong to; a Retry-After pushes the host's next slot further.
/// Only the scheduling step is serialised per host, not the requests themselves.
/// </summary>
internal sealed class HostSchedule(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitTurnAsync(string host, TimeSpan interval, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(host, _ => new Slot());
        await slot.Gate.WaitAsync(ct);
        try
        {
            var wait = slot.NextAllowed - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            lock (slot)
            {
                var next = time.GetUtcNow() + interval;
                if (next > slot.NextAllowed) slot.NextAllowed = next;
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    public void Defer(string host, TimeSpan delay)
    {
        var slot = _slots.GetOrAdd(host, _ => new Slot());
        lock (slot)
        {
            var next = time.GetUtcNow() + delay;
            if (next > slot.NextAllowed) slot.NextAllowed = next;
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}
