using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Ttdn.Data;

/// <summary>
/// A number per database that grows on every save made through <see cref="AppDb"/> in this process. Read-model caches
/// keep it with what they computed and recompute when it has moved: a change made in the app is visible at the next
/// request. Keyed by connection string, so apps on other databases in the same process (tests) do not disturb it.
/// Changes made by another process (a second server, a bulk load) are not seen; caches bound that with a maximum age.
/// </summary>
public static class DataGeneration
{
    private static readonly ConcurrentDictionary<string, long> ByDatabase = new(StringComparer.Ordinal);

    public static long Of(AppDb db) => ByDatabase.TryGetValue(KeyOf(db), out var generation) ? generation : 0;

    internal static void Bump(AppDb db) => ByDatabase.AddOrUpdate(KeyOf(db), 1, (_, generation) => generation + 1);

    /// <summary>Which database this context talks to: state kept per database (generations, the story index) is keyed by it.</summary>
    public static string KeyOf(AppDb db) => db.Database.GetConnectionString() ?? "";
}
