namespace Ttdn.Vietnamese.Tests;

/// <summary>
/// Finds the shared seed documents (&lt;repo root&gt;/../shared/seeds) by walking up from the test output folder.
/// </summary>
internal static class Seeds
{
    private static readonly Lazy<string> Directory = new(FindDirectory);

    /// <summary>Full path of a seed file, e.g. <c>Seeds.Path("004_88f8ee31d7dc3369.txt")</c>.</summary>
    public static string Path(string fileName)
    {
        string path = System.IO.Path.Combine(Directory.Value, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file '{fileName}' is not in {Directory.Value}.", path);
        }

        return path;
    }

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The repo root (the folder with Ttdn.sln) keeps its seeds next to it; any ancestor may hold them too.
            string[] candidates =
            [
                System.IO.Path.Combine(dir.FullName, "shared", "seeds"),
                System.IO.Path.Combine(dir.FullName, "..", "shared", "seeds"),
            ];
            foreach (string candidate in candidates)
            {
                if (System.IO.Directory.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/seeds folder found above {AppContext.BaseDirectory} (expected <repo root>/../shared/seeds).");
    }
}
