using System.Collections.Concurrent;

namespace Ttdn.Monitoring.Fetching;

public sealed partial class PoliteFetcher
{
    private const int MaxRobotsBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Expires)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _robotsGates = new(StringComparer.OrdinalIgnoreCase);

    private sealed record RobotsVerdict(RobotsRules? Rules, string? Error);

    /// <summary>
    /// The host's rules, read at most once per <see cref="FetchOptions.RobotsCacheDuration"/> (one reader at a time per
    /// host). RFC 9309: a 4xx robots.txt means no rules; a 5xx or unreachable one means "do not crawl" — reported as a
    /// failure with its reason and not cached, so the next scheduled fetch asks again.
    /// </summary>
    private async Task<RobotsVerdict> RobotsForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(origin, out var cached) && cached.Expires > _time.GetUtcNow()) return new(cached.Rules, null);

        var gate = _robotsGates.GetOrAdd(origin, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_robots.TryGetValue(origin, out cached) && cached.Expires > _time.GetUtcNow()) return new(cached.Rules, null);
            var verdict = await ReadRobotsAsync(new Uri(origin + "/robots.txt"), ct);
            if (verdict.Rules is not null) _robots[origin] = (verdict.Rules, _time.GetUtcNow() + _options.RobotsCacheDuration);
            return verdict;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RobotsVerdict> ReadRobotsAsync(Uri robotsUrl, CancellationToken ct)
    {
        var url = robotsUrl;
        for (int hop = 0; hop <= 5; hop++)
        {
            await _hosts.WaitTurnAsync(url.Host, _options.PerHostInterval, ct);
            using var timeout = new CancellationTokenSource(_options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                int status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (url.Scheme is not ("http" or "https")) return new(RobotsRules.AllowAll, null);
                    continue;
                }

                if (status is >= 400 and < 500) return new(RobotsRules.AllowAll, null);
                if (status is < 200 or >= 300) return new(null, FetchErrors.RobotsUnreadable($"lỗi {status} / HTTP {status}"));

                var text = await ReadRobotsTextAsync(response, linked.Token);
                return new(RobotsRules.Parse(text, ProductToken), null);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                return new(null, FetchErrors.RobotsUnreadable($"quá {_options.Timeout.TotalSeconds:0.#} giây / timeout"));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                return new(null, FetchErrors.RobotsUnreadable(Describe(ex)));
            }
        }

        // RFC 9309: more than five redirects for robots.txt may be treated as "unavailable" (4xx), i.e. no rules.
        return new(RobotsRules.AllowAll, null);
    }

    private string ProductToken => _options.UserAgent.Split('/', ' ')[0];

    /// <summary>robots.txt beyond 512 KiB is cut there, as RFC 9309 allows; the rules read so far still apply.</summary>
    private static async Task<string> ReadRobotsTextAsync(HttpResponseMessage response, CancellationToken token)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(token);
        var buffer = new byte[MaxRobotsBytes];
        int total = 0, read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), token)) > 0) total += read;
        return TextDecoding.Decode(buffer.AsSpan(0, total), response.Content.Headers.ContentType?.ToString() ?? "text/plain; charset=utf-8");
    }

}
