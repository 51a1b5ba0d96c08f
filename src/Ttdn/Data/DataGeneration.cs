namespace Ttdn.Data;

/// <summary>
/// A number that grows on every save made through <see cref="AppDb"/> in this process. Read-model caches keep it with
/// what they computed and recompute when it has moved: a change made in the app is visible at the next request.
/// Process-wide on purpose — several apps in one process (tests) only make each other's caches miss more often.
/// Changes made by another process (a second server, a bulk load) are not seen; caches bound that with a maximum age.
/// </summary>
public static class DataGeneration
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    internal static void Bump() => Interlocked.Increment(ref _current);
}
