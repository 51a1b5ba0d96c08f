using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Fetches feeds and pages the way a considerate reader would (decision 0019): robots.txt obeyed, at most one request
/// per host per interval, conditional GET, bounded time and size, retries with backoff for transient failures, and
/// redirects followed by hand so each hop is counted, checked against robots.txt and rate-limited.
/// Never throws for network, HTTP or content problems — each becomes a <see cref="FetchResult"/> with a reason;
/// only cancellation of the caller's token throws. One instance is shared (thread-safe).
/// The HttpClient must not follow redirects itself (see <see cref="CreateHttpClient"/>).
/// </summary>
public sealed partial class PoliteFetcher
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HostSchedule _hosts;

    public PoliteFetcher(HttpClient http, FetchOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _hosts = new HostSchedule(time);
    }

    /// <summary>A client suited to the fetcher: no automatic redirects, decompression on, connections recycled.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        // A body abandoned at the size limit must not be drained to reuse the connection: hang up instead.
        MaxResponseDrainSize = 0,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        long started = _time.GetTimestamp();
        var url = request.Url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        int attempts = 0, redirects = 0;

        FetchResult Result(FetchStatus status, int? http, string? error, Uri at) =>
            new(status, at, http, null, null, null, null, error, attempts, _time.GetElapsedTime(started));

        while (true)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")) return Result(FetchStatus.Failed, null, FetchErrors.BadScheme(url), url);

            var interval = _options.PerHostInterval;
            if (_options.RespectRobots)
            {
                var robots = await RobotsForAsync(url, ct);
                if (robots.Error is not null) return Result(FetchStatus.Failed, null, robots.Error, url);
                if (!robots.Rules!.IsAllowed(url)) return Result(FetchStatus.Disallowed, null, FetchErrors.RobotsDisallowed(url), url);
                interval = EffectiveInterval(robots.Rules);
            }

            var hop = await SendWithRetriesAsync(url, request, interval, ct);
            attempts += hop.Attempts;
            if (hop.Redirect is null)
            {
                return hop.Result! with { FinalUrl = url, Attempts = attempts, Elapsed = _time.GetElapsedTime(started) };
            }

            var next = hop.Redirect;
            if (!visited.Add(next.AbsoluteUri)) return Result(FetchStatus.Failed, hop.Status, FetchErrors.RedirectLoop(next), url);
            if (++redirects > _options.MaxRedirects) return Result(FetchStatus.Failed, hop.Status, FetchErrors.TooManyRedirects(_options.MaxRedirects), url);
            url = next;
        }
    }

    private TimeSpan EffectiveInterval(RobotsRules rules)
    {
        var delay = rules.CrawlDelay is { } d ? (d > _options.MaxCrawlDelay ? _options.MaxCrawlDelay : d) : TimeSpan.Zero;
        return delay > _options.PerHostInterval ? delay : _options.PerHostInterval;
    }

    private sealed record Hop(FetchResult? Result, Uri? Redirect, int? Status, int Attempts);

    private async Task<Hop> SendWithRetriesAsync(Uri url, FetchRequest request, TimeSpan interval, CancellationToken ct)
    {
        string? lastError = null;
        int attempt = 0;
        while (attempt < _options.MaxAttempts)
        {
            attempt++;
            await _hosts.WaitTurnAsync(url.Host, interval, ct);
            using var timeout = new CancellationTokenSource(_options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                message.Headers.TryAddWithoutValidation("Accept", Accept);
                message.Headers.TryAddWithoutValidation("Accept-Language", "vi, en;q=0.8, *;q=0.5");
                if (request.ETag is { Length: > 0 } etag) message.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (request.LastModified is { } since) message.Headers.IfModifiedSince = since;

                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                int status = (int)response.StatusCode;
                var outcome = await InterpretAsync(url, request, response, status, attempt, linked.Token);
                if (outcome.Hop is not null) return outcome.Hop;
                lastError = outcome.RetryReason;
                if (attempt < _options.MaxAttempts)
                {
                    if (outcome.RetryAfter is { } wait) _hosts.Defer(url.Host, wait);
                    else await Task.Delay(Backoff(attempt), _time, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                lastError = FetchErrors.Timeout(_options.Timeout, attempt);
                if (attempt < _options.MaxAttempts) await Task.Delay(Backoff(attempt), _time, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                lastError = FetchErrors.Network(url.Host, Describe(ex), attempt);
                if (attempt < _options.MaxAttempts) await Task.Delay(Backoff(attempt), _time, ct);
            }
        }

        return new Hop(Failure(url, null, lastError ?? FetchErrors.ServerError(0, attempt)), null, null, attempt);
    }

    private TimeSpan Backoff(int attempt) => _options.RetryBaseDelay * Math.Pow(2, attempt - 1);

    private static string Describe(Exception ex) => ex is HttpRequestException { HttpRequestError: var kind } && kind != HttpRequestError.Unknown
        ? kind switch
        {
            HttpRequestError.NameResolutionError => "không tìm thấy tên miền (name not resolved)",
            HttpRequestError.ConnectionError => "kết nối bị từ chối hoặc bị cắt (connection refused or reset)",
            HttpRequestError.SecureConnectionError => "lỗi chứng chỉ/TLS (TLS or certificate error)",
            HttpRequestError.ResponseEnded => "máy chủ cắt ngang phản hồi (response ended early)",
            HttpRequestError.InvalidResponse => "phản hồi HTTP không hợp lệ (invalid HTTP response)",
            _ => kind.ToString(),
        }
        : ex.InnerException?.Message ?? ex.Message;

    /// <summary>Either a final hop (success, not modified, redirect, permanent failure) or a reason to retry.</summary>
    private sealed record Interpretation(Hop? Hop, string? RetryReason, TimeSpan? RetryAfter);

    private async Task<Interpretation> InterpretAsync(Uri url, FetchRequest request, HttpResponseMessage response, int status, int attempt, CancellationToken token)
    {
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location;
            if (location is null) return Final(Failure(url, status, FetchErrors.RedirectWithoutLocation(status)), status, attempt);
            var next = location.IsAbsoluteUri ? location : new Uri(url, location);
            return new(new Hop(null, next, status, attempt), null, null);
        }

        if (status == 304)
        {
            var etag = response.Headers.ETag?.ToString() ?? request.ETag;
            var modified = response.Content.Headers.LastModified ?? request.LastModified;
            return Final(new FetchResult(FetchStatus.NotModified, url, status, null, null, etag, modified, null, attempt, TimeSpan.Zero), status, attempt);
        }

        if (status is >= 200 and < 300)
        {
            var body = await ReadLimitedAsync(response, token);
            if (body is null) return Final(Failure(url, status, FetchErrors.TooLarge(_options.MaxBytes)), status, attempt);
            return Final(new FetchResult(FetchStatus.Ok, url, status, body, response.Content.Headers.ContentType?.ToString(),
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, null, attempt, TimeSpan.Zero), status, attempt);
        }

        if (status is 429 or 503)
        {
            var wait = RetryAfter(response.Headers.RetryAfter);
            if (wait is { } w && w > _options.MaxRetryAfter) return Final(Failure(url, status, FetchErrors.WaitTooLong(status, w)), status, attempt);
            return new(null, FetchErrors.ServerError(status, attempt), wait);
        }

        if (status >= 500 || status == 408) return new(null, FetchErrors.ServerError(status, attempt), null);
        return Final(Failure(url, status, FetchErrors.ClientError(status)), status, attempt);
    }

    private static Interpretation Final(FetchResult result, int status, int attempt) => new(new Hop(result, null, status, attempt), null, null);

    private static FetchResult Failure(Uri url, int? status, string error) =>
        new(FetchStatus.Failed, url, status, null, null, null, null, error, 0, TimeSpan.Zero);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The body, or null once it passes <see cref="FetchOptions.MaxBytes"/> (reading stops there; the connection is dropped).</summary>
    private async Task<byte[]?> ReadLimitedAsync(HttpResponseMessage response, CancellationToken token)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes) return null;
        await using var stream = await response.Content.ReadAsStreamAsync(token);
        var initial = (int)Math.Min(response.Content.Headers.ContentLength ?? 64 * 1024, _options.MaxBytes);
        using var buffer = new MemoryStream(Math.Max(initial, 0));
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, token)) > 0)
            {
                if (buffer.Length + read > _options.MaxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
