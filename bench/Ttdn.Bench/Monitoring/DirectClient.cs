using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Ttdn.Bench.Monitoring;

/// <summary>The query set run in the database's own command-line client: ids of each query, and the time of each repetition.</summary>
public sealed record DirectResult(string Version, IReadOnlyList<(long[] Ids, double[] Ms)> Queries);

/// <summary>
/// One sqlite3 or psql process runs the given queries: first once with its ids printed (to compare with the app), then
/// warm-up and repetitions with the client's own per-statement timer (sqlite3 `.timer on`: "Run Time: real S", 1 ms
/// resolution; psql `\timing on`: "Time: X ms", round trip included as for the app). A repetition is the ids statement
/// plus the count statement, as one SearchAsync call is; process start-up is never inside a measurement.
/// </summary>
public static class DirectClient
{
    public static DirectResult Sqlite3(string dbFile, IReadOnlyList<(string Ids, string? Count)> queries, int warmup, int repeat)
    {
        var script = new StringBuilder();
        for (int q = 0; q < queries.Count; q++)
        {
            script.Append($"SELECT '#Q {q}';\n{queries[q].Ids};\nSELECT '#T';\n.timer on\n");
            for (int i = 0; i < warmup + repeat; i++)
            {
                script.Append($"{queries[q].Ids};\n{(queries[q].Count is { } count ? count + ";\n" : "")}");
            }

            script.Append(".timer off\n");
        }

        string output = Run("sqlite3", ["-batch", "-readonly", dbFile], script.ToString(), null);
        string version = Run("sqlite3", ["-batch", ":memory:"], "SELECT 'SQLite ' || sqlite_version();\n", null).Trim();
        return new DirectResult(version, Parse(output, "Run Time: real ", s => double.Parse(s.Split(' ')[0], CultureInfo.InvariantCulture) * 1000, queries, warmup, repeat));
    }

    /// <param name="settings">The app's per-search settings (SET LOCAL …), applied here for the whole psql session.</param>
    public static DirectResult Psql(string connectionString, IReadOnlyList<(string Ids, string? Count)> queries, int warmup, int repeat, string? settings)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        string[] args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture),
            "-U", cs.Username ?? "postgres", "-d", cs.Database!];
        var script = new StringBuilder();
        if (settings is not null)
        {
            script.Append(settings.Replace("SET LOCAL ", "SET ", StringComparison.Ordinal)).Append(";\n");
        }

        for (int q = 0; q < queries.Count; q++)
        {
            script.Append($"\\echo '#Q {q}'\n{queries[q].Ids};\n\\echo '#T'\n\\timing on\n");
            for (int i = 0; i < warmup + repeat; i++)
            {
                script.Append($"{queries[q].Ids};\n{(queries[q].Count is { } count ? count + ";\n" : "")}");
            }

            script.Append("\\timing off\n");
        }

        string output = Run("psql", args, script.ToString(), cs.Password);
        string version = Run("psql", args, "SELECT 'PostgreSQL ' || current_setting('server_version') || ' via psql';\n", cs.Password).Trim();
        return new DirectResult(version, Parse(output, "Time: ", s => double.Parse(s.Split(' ')[0], CultureInfo.InvariantCulture), queries, warmup, repeat));
    }

    /// <summary>Ids between "#Q n" and "#T"; after it, timer lines per repetition (ids statement, count statement when run), warm-up dropped.</summary>
    private static List<(long[] Ids, double[] Ms)> Parse(string output, string timerPrefix, Func<string, double> ms, IReadOnlyList<(string Ids, string? Count)> queries, int warmup, int repeat)
    {
        int count = queries.Count;
        var ids = new List<long>[count];
        var times = new List<double>[count];
        int current = -1;
        bool timing = false;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("#Q ", StringComparison.Ordinal))
            {
                current = int.Parse(line[3..], CultureInfo.InvariantCulture);
                ids[current] = [];
                times[current] = [];
                timing = false;
            }
            else if (line == "#T")
            {
                timing = true;
            }
            else if (current >= 0 && line.StartsWith(timerPrefix, StringComparison.Ordinal))
            {
                times[current].Add(ms(line[timerPrefix.Length..]));
            }
            else if (current >= 0 && !timing && line.Length > 0)
            {
                ids[current].Add(long.Parse(line.Split('|')[0], CultureInfo.InvariantCulture));
            }
        }

        var result = new List<(long[] Ids, double[] Ms)>();
        for (int q = 0; q < count; q++)
        {
            int statements = queries[q].Count is null ? 1 : 2;
            if (times[q] is null || times[q].Count != statements * (warmup + repeat))
            {
                throw new BenchException($"query {q}: expected {statements * (warmup + repeat)} timings from the client, got {times[q]?.Count ?? 0}");
            }

            var pairs = Enumerable.Range(warmup, repeat).Select(i => Enumerable.Range(statements * i, statements).Sum(t => times[q][t])).ToArray();
            result.Add(([.. ids[q]], pairs));
        }

        return result;
    }

    private static string Run(string file, string[] args, string input, string? password)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchException($"{file} not found (scripts/install-test-deps.sh installs it)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new BenchException($"{file} failed ({process.ExitCode}): {error.Result.Trim()}");
            }

            return output.Result;
        }
    }
}
