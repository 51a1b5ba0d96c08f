using System.Collections.Concurrent;
using Ttdn.Data;

namespace Ttdn.Shared;

/// <summary>
/// Keeps computed read models (a plan's dashboard, the plan picker) until anything is saved in this process
/// (<see cref="DataGeneration"/>, per database) or they reach <see cref="MaxAge"/>, which bounds how long a change made by another
/// process stays unseen. A leader's dashboard is opened far more often than the plan's work is reported, and computing
/// it means reading every occurrence of the plan (docs/decisions/0015-read-model-cache.md).
/// </summary>
public sealed class ReadModelCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 2_000;

    private sealed record Entry(long Generation, DateTimeOffset At, object Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetOrComputeAsync<T>(AppDb db, string key, Func<Task<T>> compute) where T : class
    {
        // Read the generation before computing: a save during the computation leaves an entry that is already stale.
        var generation = DataGeneration.Of(db);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var hit) && hit.Generation == generation && now - hit.At < MaxAge && hit.Value is T value)
            return value;

        var computed = await compute();
        if (_entries.Count >= MaxEntries) _entries.Clear(); // rare; simpler than LRU bookkeeping on every hit
        _entries[key] = new Entry(generation, now, computed);
        return computed;
    }
}
