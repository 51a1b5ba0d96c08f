using System.Diagnostics;

namespace Ttdn.Tests.Infrastructure;

/// <summary>
/// Temp folders and files of earlier runs whose test host was killed before ProcessExit ran (a cancelled run, a crashed
/// host, or the runner ending the host as soon as the last test reports): named "prefix-{pid}…", removed once that
/// process is gone. PostgreSQL clusters are gigabytes each; SQLite files were left by the hundred.
/// </summary>
internal static class Leftovers
{
    public static void Remove(string prefix)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(Path.GetTempPath(), prefix + "-*"))
        {
            var pid = Path.GetFileName(path)[(prefix.Length + 1)..].Split('-', '.')[0];
            if (!int.TryParse(pid, out var id) || IsRunning(id)) continue;
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else File.Delete(path);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
