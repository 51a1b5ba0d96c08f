using System.Runtime.InteropServices;

namespace Ttdn.Bench.Monitoring;

/// <summary>
/// CPU time of the calling thread and of waited-for child processes (Linux): on a shared machine it moves far less
/// with the load than wall time does, so the gazetteer and ripgrep can still be compared. 0 where unavailable.
/// </summary>
internal static partial class CpuClock
{
    private const int ThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID
    private const int Children = -1;     // RUSAGE_CHILDREN

    public static double ThreadSeconds()
    {
        try
        {
            return clock_gettime(ThreadCpuTime, out var t) == 0 ? t.Seconds + (t.Nanoseconds / 1e9) : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>User plus system time of all children this process has waited for.</summary>
    public static double ChildrenSeconds()
    {
        try
        {
            return getrusage(Children, out var u) == 0
                ? u.UserSeconds + (u.UserMicroseconds / 1e6) + u.SystemSeconds + (u.SystemMicroseconds / 1e6)
                : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [LibraryImport("libc")]
    private static partial int getrusage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs this class does not read.
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];
    }
}
