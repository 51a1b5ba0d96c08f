using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ttdn.Bench;

public sealed record LoadOptions(string AppUrl, string? PlainUrl, int Users, int DurationSeconds, int WarmupSeconds, string UserPrefix, string Password,
    int Provinces, int Departments, int? PlanId, IReadOnlyList<string> Phases)
{
    /// <summary>Before each phase, wait up to this many seconds for the machine to be idle (others' builds and tests finished).</summary>
    public int QuietWaitSeconds { get; init; } = 180;

    public static LoadOptions From(Args a, string? appUrl = null, string? plainUrl = null) => new(
        AppUrl: (appUrl ?? a.Get("url") ?? throw new BenchException("--url http://127.0.0.1:PORT is required")).TrimEnd('/'),
        PlainUrl: (plainUrl ?? a.Get("plain-url"))?.TrimEnd('/'),
        Users: a.Int("users", 50), DurationSeconds: a.Int("duration", 30), WarmupSeconds: a.Int("warmup", 5),
        UserPrefix: a.Get("user-prefix", "cb-"), Password: a.Get("password", Generator.Password),
        Provinces: a.Int("provinces", 34), Departments: a.Int("departments", 15), PlanId: a.Has("plan-id") ? a.Int("plan-id", 0) : null,
        Phases: a.Get("phases", "plain,mixed").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        QuietWaitSeconds = a.Int("quiet-wait", 180),
    };
}

/// <summary>Latencies of one endpoint in one phase (only requests that started after the warm-up and ended in time).</summary>
public sealed record EndpointResult(string Phase, string Endpoint, int Requests, int Errors, double Seconds, double P50, double P95, double P99, double Max,
    double Mean, double AvgKiB, string? FirstError)
{
    /// <summary>CPU time of the server processes (app or plain server, plus the PostgreSQL backends) per request of the phase, in ms.</summary>
    public double ServerCpuMs { get; init; } = double.NaN;
    /// <summary>How busy the whole machine was during the measured window (all processes, all cores), in %.</summary>
    public double MachineBusy { get; init; } = double.NaN;
    public string LoadAverage { get; init; } = "?";
    /// <summary>CPU used by everything except the servers under test and this client, in % of the machine: other people's work.</summary>
    public double Others { get; init; } = double.NaN;

    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop load client: N virtual users, each with its own sign-in cookie, each sending its next request as soon as the
/// previous answer has been read in full (no think time). Bounded: the loops stop by themselves after warm-up + duration.
/// </summary>
public sealed class LoadClient : IDisposable
{
    public const string Mine = "GET /Tasks/Mine", Dashboard = "GET /Plans/{id}/Dashboard", Plain = "GET /plain (plain Kestrel)";

    private readonly LoadOptions _o;
    private readonly HttpClient _http;
    private readonly TextWriter _log;
    private readonly Func<string, (int[] Pids, bool Children)?> _servers;

    /// <param name="servers">For a phase, the server processes whose CPU time to account (null: not known, e.g. a remote server).</param>
    public LoadClient(LoadOptions o, TextWriter log, Func<string, (int[] Pids, bool Children)?>? servers = null)
    {
        _o = o;
        _log = log;
        _servers = servers ?? (_ => null);
        var handler = new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Math.Max(o.Users, 1) * 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10), AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public void Dispose() => _http.Dispose();

    private sealed record VirtualUser(string UserName, string Cookie, int PlanId);

    private sealed record Request(string Endpoint, Uri Uri, string? Cookie);

    public async Task<List<EndpointResult>> RunAsync()
    {
        var results = new List<EndpointResult>();
        List<VirtualUser>? users = null;
        foreach (var phase in _o.Phases)
        {
            Func<int, int, Request> next;
            switch (phase)
            {
                case "plain":
                    if (_o.PlainUrl is null) throw new BenchException("phase 'plain' needs --plain-url (run starts the plain server itself)");
                    var plain = new Uri(_o.PlainUrl + "/plain");
                    next = (_, _) => new Request(Plain, plain, null);
                    break;
                case "mixed" or "mine" or "dashboard":
                    if (users is null)
                    {
                        users = await SignInAllAsync();
                        await PrimeAsync(users);
                    }
                    var vus = users;
                    var mine = new Uri(_o.AppUrl + "/Tasks/Mine");
                    var dashboards = vus.Select(u => new Uri($"{_o.AppUrl}/Plans/{u.PlanId}/Dashboard")).ToArray();
                    next = phase switch
                    {
                        "mine" => (vu, _) => new Request(Mine, mine, vus[vu].Cookie),
                        "dashboard" => (vu, _) => new Request(Dashboard, dashboards[vu], vus[vu].Cookie),
                        // Alternate, half the users starting with each page, so both are always in flight.
                        _ => (vu, i) => (vu + i) % 2 == 0 ? new Request(Mine, mine, vus[vu].Cookie) : new Request(Dashboard, dashboards[vu], vus[vu].Cookie),
                    };
                    break;
                default:
                    throw new BenchException($"unknown phase '{phase}' (plain, mixed, mine, dashboard)");
            }
            await WaitForQuietAsync();
            _log.WriteLine($"phase {phase}: {_o.Users} users, warm-up {_o.WarmupSeconds} s, measured {_o.DurationSeconds} s ...");
            var phaseResults = await PhaseAsync(phase, next);
            foreach (var r in phaseResults)
                _log.WriteLine($"  {r.Endpoint}: {r.Requests:N0} requests, {r.PerSecond:N0}/s, p50 {r.P50:F1} ms, p95 {r.P95:F1} ms, p99 {r.P99:F1} ms, errors {r.Errors}; server CPU {r.ServerCpuMs:F2} ms/req, machine busy {r.MachineBusy:F0} % (other processes {r.Others:F0} %), load {r.LoadAverage}");
            results.AddRange(phaseResults);
        }
        return results;
    }

    /// <summary>The machine is shared: wait (bounded) until less than 10 % of it is busy over 3 s, so other work does not skew the phase.</summary>
    private async Task WaitForQuietAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var m0 = Cpu.Machine();
            await Task.Delay(3000);
            var m1 = Cpu.Machine();
            var busy = 100.0 * (m1.Busy - m0.Busy) / Math.Max(1, m1.Total - m0.Total);
            if (busy < 10 || waited.Elapsed.TotalSeconds >= _o.QuietWaitSeconds)
            {
                if (waited.Elapsed.TotalSeconds > 4) _log.WriteLine($"  (waited {waited.Elapsed.TotalSeconds:F0} s for the machine to be quiet; now {busy:F0} % busy)");
                return;
            }
        }
    }

    private async Task<List<VirtualUser>> SignInAllAsync()
    {
        var sw = Stopwatch.StartNew();
        var names = Enumerable.Range(0, _o.Users)
            .Select(i => $"{_o.UserPrefix}{i % _o.Provinces + 1:00}-{i % _o.Departments + 1:00}").ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new BenchException($"{_o.Users} users do not map to distinct accounts with {_o.Provinces} provinces × {_o.Departments} departments");
        var cookies = new string[names.Count];
        // A few at a time: each sign-in runs PBKDF2 on the server.
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var response = await _http.PostAsJsonAsync(_o.AppUrl + "/api/account/sign-in", new { userName = names[i], password = _o.Password }, ct);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new BenchException($"sign-in of {names[i]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            var pairs = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).ToList() : [];
            if (pairs.Count == 0) throw new BenchException($"sign-in of {names[i]} set no cookie");
            cookies[i] = string.Join("; ", pairs);
        });

        var plans = await PlansByNumberAsync(cookies[0]);
        var users = new List<VirtualUser>();
        for (var i = 0; i < names.Count; i++)
        {
            var province = i % _o.Provinces + 1;
            var number = $"{100 + province}/KH-UBND";
            var planId = _o.PlanId ?? (plans.TryGetValue(number, out var id) ? id : throw new BenchException($"no plan numbered {number} (province {province}): was the data generated by ttdn-bench?"));
            users.Add(new VirtualUser(names[i], cookies[i], planId));
        }
        _log.WriteLine($"signed in {users.Count} users ({names[0]} … {names[^1]}) in {sw.Elapsed.TotalSeconds:F1} s; dashboards of {users.Select(u => u.PlanId).Distinct().Count()} plans");
        return users;
    }

    /// <summary>
    /// Before the first measured app phase, every user opens both pages twice (not measured), so the first phase does not pay
    /// for JIT, EF query compilation, cold database caches and fresh PostgreSQL backends that a running server has long paid.
    /// </summary>
    private async Task PrimeAsync(List<VirtualUser> users)
    {
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = users.Count }, async (u, ct) =>
        {
            for (var round = 0; round < 2; round++)
                foreach (var path in new[] { "/Tasks/Mine", $"/Plans/{u.PlanId}/Dashboard" })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, _o.AppUrl + path);
                    request.Headers.Add("Cookie", u.Cookie);
                    using var response = await _http.SendAsync(request, ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                        throw new BenchException($"{path} for {u.UserName} answered {(int)response.StatusCode} {response.Headers.Location}");
                }
        });
        _log.WriteLine($"primed: every user opened both pages twice ({users.Count * 4} requests) in {sw.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Plan number → id of its newest plan (the generator numbers province p's annual plans "{100+p}/KH-UBND").</summary>
    private async Task<Dictionary<string, int>> PlansByNumberAsync(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _o.AppUrl + "/api/plans");
        request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return doc.RootElement.EnumerateArray()
            .Where(p => p.GetProperty("number").ValueKind == JsonValueKind.String)
            .GroupBy(p => p.GetProperty("number").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.GetProperty("periodStart").GetString(), StringComparer.Ordinal).First().GetProperty("id").GetInt32(),
                StringComparer.Ordinal);
    }

    private sealed class Samples
    {
        public readonly Dictionary<string, List<long>> Latencies = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Bytes = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Errors = new(StringComparer.Ordinal);
        public readonly Dictionary<string, string> FirstError = new(StringComparer.Ordinal);
    }

    private async Task<List<EndpointResult>> PhaseAsync(string phase, Func<int, int, Request> next)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + _o.WarmupSeconds * Stopwatch.Frequency;
        var end = measureFrom + _o.DurationSeconds * Stopwatch.Frequency;
        var perUser = new Samples[_o.Users];
        var servers = _servers(phase);
        var monitor = Task.Run(async () =>
        {
            static async Task Until(long t) { var wait = (t - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency; if (wait > 0) await Task.Delay((int)wait); }
            await Until(measureFrom);
            var self = Environment.ProcessId;
            var (cpu0, own0, m0) = (servers is { } s0 ? Cpu.ProcessSeconds(s0.Pids, s0.Children) : double.NaN, Cpu.ProcessSeconds([self], false), Cpu.Machine());
            await Until(end);
            var (cpu1, own1, m1) = (servers is { } s1 ? Cpu.ProcessSeconds(s1.Pids, s1.Children) : double.NaN, Cpu.ProcessSeconds([self], false), Cpu.Machine());
            var machineSeconds = (m1.Total - m0.Total) / 100.0; // jiffies of all cores
            var othersSeconds = (m1.Busy - m0.Busy) / 100.0 - (cpu1 - cpu0) - (own1 - own0);
            return (Cpu: cpu1 - cpu0, Busy: 100.0 * (m1.Busy - m0.Busy) / Math.Max(1, m1.Total - m0.Total), Load: Cpu.LoadAverage(),
                Others: Math.Max(0, 100.0 * othersSeconds / Math.Max(0.01, machineSeconds)));
        });
        var workers = Enumerable.Range(0, _o.Users).Select(vu => Task.Run(async () =>
        {
            var s = perUser[vu] = new Samples();
            var buffer = new byte[64 * 1024];
            for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                var r = next(vu, i);
                var t0 = Stopwatch.GetTimestamp();
                long bytes = 0;
                string? error = null;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, r.Uri);
                    if (r.Cookie is not null) request.Headers.Add("Cookie", r.Cookie);
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    int n;
                    while ((n = await body.ReadAsync(buffer)) > 0) bytes += n;
                    if (response.StatusCode != HttpStatusCode.OK)
                        error = $"HTTP {(int)response.StatusCode} {response.Headers.Location}";
                }
                catch (HttpRequestException e) { error = e.Message; }
                catch (TaskCanceledException e) { error = "timeout: " + e.Message; }
                var t1 = Stopwatch.GetTimestamp();
                if (t0 < measureFrom || t0 >= end) continue; // every request started in the window counts, however late it ends
                if (error is not null)
                {
                    s.Errors[r.Endpoint] = s.Errors.GetValueOrDefault(r.Endpoint) + 1;
                    s.FirstError.TryAdd(r.Endpoint, error);
                    continue;
                }
                if (!s.Latencies.TryGetValue(r.Endpoint, out var list)) s.Latencies[r.Endpoint] = list = new List<long>(4096);
                list.Add(t1 - t0);
                s.Bytes[r.Endpoint] = s.Bytes.GetValueOrDefault(r.Endpoint) + bytes;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var usage = await monitor;

        var endpoints = perUser.SelectMany(s => s.Latencies.Keys.Concat(s.Errors.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var results = new List<EndpointResult>();
        foreach (var e in endpoints)
        {
            var all = perUser.SelectMany(s => s.Latencies.GetValueOrDefault(e) ?? []).ToArray();
            Array.Sort(all);
            var errors = perUser.Sum(s => s.Errors.GetValueOrDefault(e));
            var bytes = perUser.Sum(s => s.Bytes.GetValueOrDefault(e));
            double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            double Pct(double q) => all.Length == 0 ? double.NaN : Ms(all[Math.Clamp((int)Math.Ceiling(q * all.Length) - 1, 0, all.Length - 1)]);
            results.Add(new EndpointResult(phase, e, all.Length, errors, _o.DurationSeconds, Pct(0.50), Pct(0.95), Pct(0.99),
                all.Length == 0 ? double.NaN : Ms(all[^1]), all.Length == 0 ? double.NaN : all.Average(t => Ms(t)),
                all.Length == 0 ? 0 : bytes / 1024.0 / all.Length, perUser.Select(s => s.FirstError.GetValueOrDefault(e)).FirstOrDefault(x => x is not null)));
        }
        var phaseRequests = Math.Max(1, results.Sum(r => r.Requests + r.Errors));
        return results.Select(r => r with { ServerCpuMs = usage.Cpu * 1000 / phaseRequests, MachineBusy = usage.Busy, LoadAverage = usage.Load, Others = usage.Others }).ToList();
    }

    /// <summary>One Markdown table: the app's endpoints next to the plain Kestrel endpoint, with p95 ratios.</summary>
    public static string Table(IReadOnlyList<EndpointResult> results, int users)
    {
        var sb = new StringBuilder();
        var plain = results.FirstOrDefault(r => r.Endpoint == Plain);
        sb.AppendLine(CultureInfo.InvariantCulture, $"| phase | endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | KiB/resp | server CPU ms/req | machine busy % (others %) | p95 / p95 plain | p95 < 100 ms at {users} users |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio = plain is null || r == plain ? (r == plain ? "1" : "–") : (r.P95 / plain.P95).ToString("N0", CultureInfo.InvariantCulture) + "×";
            var met = r == plain ? "(peer)" : r.Errors == 0 && r.P95 < 100 ? "**yes**" : "**no**";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Phase} | {r.Endpoint} | {r.Requests:N0} | {r.PerSecond:N1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} | {r.Errors} | {r.AvgKiB:F1} | {r.ServerCpuMs:F2} | {r.MachineBusy:F0} ({r.Others:F0}) | {ratio} | {met} |");
        }
        foreach (var r in results.Where(r => r.FirstError is not null))
            sb.AppendLine(CultureInfo.InvariantCulture, $"\nFirst error of {r.Endpoint} ({r.Phase}): {r.FirstError}");
        return sb.ToString();
    }
}

public static class LoadCommand
{
    public static async Task<int> RunAsync(Args a)
    {
        var options = LoadOptions.From(a);
        Servers.Child? plain = null;
        try
        {
            if (options.PlainUrl is null && options.Phases.Contains("plain"))
            {
                plain = await Servers.StartChildAsync("plain", ["serve-plain"], Console.Out);
                options = options with { PlainUrl = plain.Url };
            }
            // CPU accounting where the processes are known: the plain server we started, the app when --app-pid is given.
            var appPid = a.Has("app-pid") ? a.Int("app-pid", 0) : (int?)null;
            (int[], bool)? ServersOf(string phase) => phase == "plain"
                ? plain is null ? null : ([plain.Pid], false)
                : appPid is { } pid ? ([pid], true) : null;
            using var client = new LoadClient(options, Console.Out, ServersOf);
            var results = await client.RunAsync();
            Console.WriteLine();
            Console.WriteLine(LoadClient.Table(results, options.Users));
            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }
        finally
        {
            if (plain is not null) await plain.StopAsync();
        }
    }
}
