using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>Short limits so the scripted misbehaviours (stalls, retries, intervals) run in milliseconds.</summary>
internal static class FetchTestSupport
{
    public static FetchOptions FastOptions() => new()
    {
        PerHostInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(2),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    public static PoliteFetcher Fetcher(FetchOptions? options = null) =>
        new(PoliteFetcher.CreateHttpClient(), options ?? FastOptions(), TimeProvider.System);

    public static async Task<ParsedFeed> FetchAndParseAsync(FeedTestServer server, string pathAndQuery)
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url(pathAndQuery)), CancellationToken.None);
        Assert.True(result.Status == FetchStatus.Ok, result.Error);
        return FeedParser.Parse(result.Body, result.ContentType, result.FinalUrl);
    }
}
