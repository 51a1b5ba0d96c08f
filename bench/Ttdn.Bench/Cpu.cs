using System.Globalization;

namespace Ttdn.Bench;

/// <summary>
/// CPU accounting from /proc, so a result can be read even on a busy machine: the CPU time the server processes used per
/// request (independent of what else runs), and how busy the whole machine was during the measurement (if other work ran,
/// latencies are inflated and the report says so).
/// </summary>
public static class Cpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux we run on

    /// <summary>User + system CPU seconds of the processes, and of every child of each (PostgreSQL backends).</summary>
    public static double ProcessSeconds(IEnumerable<int> pids, bool withChildren)
    {
        var wanted = pids.ToHashSet();
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = Read(Path.Combine(dir, "stat"));
            if (stat is null) continue;
            // Fields after the command name in parentheses: state ppid ... utime(14) stime(15) (1-based, whole line).
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ppid = int.Parse(rest[1], CultureInfo.InvariantCulture);
            if (!wanted.Contains(pid) && !(withChildren && wanted.Contains(ppid))) continue;
            total += (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        return total;
    }

    /// <summary>(busy, total) jiffies of the whole machine since boot.</summary>
    public static (long Busy, long Total) Machine()
    {
        var line = File.ReadLines("/proc/stat").First();
        var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var idle = v[3] + (v.Length > 4 ? v[4] : 0);
        var total = v.Take(8).Sum();
        return (total - idle, total);
    }

    public static string LoadAverage() => Read("/proc/loadavg")?.Split(' ')[0] ?? "?";

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
