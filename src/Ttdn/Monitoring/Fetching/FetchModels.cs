namespace Ttdn.Monitoring.Fetching;

/// <summary>A fetch; <see cref="ETag"/>/<see cref="LastModified"/> are the validators kept from the previous success.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, DateTimeOffset? LastModified = null);

public enum FetchStatus { Ok, NotModified, Failed, Disallowed }

/// <summary>
/// The outcome of one fetch. <see cref="Error"/> is a sentence saying what happened and what to do, Vietnamese first
/// then English in parentheses; never null when <see cref="Status"/> is Failed or Disallowed.
/// <see cref="Attempts"/> counts the HTTP requests made for the document (retries and redirect hops; robots.txt not counted).
/// </summary>
public sealed record FetchResult(FetchStatus Status, Uri FinalUrl, int? HttpStatus, byte[]? Body, string? ContentType,
    string? ETag, DateTimeOffset? LastModified, string? Error, int Attempts, TimeSpan Elapsed);

/// <summary>Politeness and safety limits; the defaults are the production values (decision 0019).</summary>
public sealed class FetchOptions
{
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Per request, from sending it to the last byte of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public int MaxRedirects { get; init; } = 5;
    public int MaxAttempts { get; init; } = 3;
    /// <summary>Minimum time between the starts of two requests to the same host (robots.txt Crawl-delay can raise it).</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(2);
    public string UserAgent { get; init; } = "TTDN-monitor/1.0 (+contact)";
    public bool RespectRobots { get; init; } = true;
    /// <summary>First retry delay after a 5xx or network error; doubled for each further retry.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this is not waited for: the fetch fails and says when to come back.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>How long a host's robots.txt is trusted before it is read again.</summary>
    public TimeSpan RobotsCacheDuration { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Upper bound for a robots.txt Crawl-delay, so one odd file cannot stall the scheduler for hours.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);
}
