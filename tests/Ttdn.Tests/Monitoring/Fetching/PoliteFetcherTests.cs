using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>The fetcher against a real server that misbehaves on purpose; every failure must come back as a reason.</summary>
public sealed class PoliteFetcherTests
{
    private static Task<FetchResult> Fetch(FeedTestServer server, string path, FetchOptions? options = null, string? etag = null, DateTimeOffset? lastModified = null) =>
        FetchTestSupport.Fetcher(options).FetchAsync(new FetchRequest(server.Url(path), etag, lastModified), CancellationToken.None);

    private static FetchOptions With(Func<FetchOptions, FetchOptions> change) => change(FetchTestSupport.FastOptions());

    [Fact]
    public async Task Conditional_get_with_etag_or_last_modified_gives_not_modified()
    {
        await using var server = await FeedTestServer.StartAsync();
        var fetcher = FetchTestSupport.Fetcher();
        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("conditional")), CancellationToken.None);
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(FeedTestServer.FeedETag, first.ETag);
        Assert.Equal(FeedTestServer.FeedLastModified, first.LastModified);
        Assert.NotNull(first.Body);

        var byEtag = await fetcher.FetchAsync(new FetchRequest(server.Url("conditional"), first.ETag, first.LastModified), CancellationToken.None);
        Assert.Equal(FetchStatus.NotModified, byEtag.Status);
        Assert.Equal(304, byEtag.HttpStatus);
        Assert.Null(byEtag.Body);
        Assert.Null(byEtag.Error);
        Assert.Equal(FeedTestServer.FeedETag, byEtag.ETag);

        var byDate = await fetcher.FetchAsync(new FetchRequest(server.Url("conditional"), null, first.LastModified), CancellationToken.None);
        Assert.Equal(FetchStatus.NotModified, byDate.Status);

        var seen = server.RequestsTo("/conditional");
        Assert.Equal([null, FeedTestServer.FeedETag, null], seen.Select(s => s.IfNoneMatch));
        Assert.Equal(FeedTestServer.FeedLastModified, DateTimeOffset.Parse(seen[2].IfModifiedSince!));
        Assert.All(seen, s => Assert.Equal("TTDN-monitor/1.0 (+contact)", s.UserAgent));
    }

    [Fact]
    public async Task Redirect_chain_301_302_308_is_followed_and_counted()
    {
        await using var server = await FeedTestServer.StartAsync();
        var result = await Fetch(server, "r/301");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("feeds/rss2.xml"), result.FinalUrl);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(FeedKind.Rss, FeedParser.Parse(result.Body, result.ContentType, result.FinalUrl).Kind);
    }

    [Fact]
    public async Task Redirect_loop_and_too_many_redirects_fail_with_reasons()
    {
        await using var server = await FeedTestServer.StartAsync();
        var loop = await Fetch(server, "loop/a");
        Assert.Equal(FetchStatus.Failed, loop.Status);
        Assert.Contains("redirect loop back to " + server.Url("loop/a"), loop.Error);
        Assert.Equal(2, loop.Attempts);

        Assert.Equal(FetchStatus.Ok, (await Fetch(server, "chain/4")).Status); // exactly five redirects
        var tooMany = await Fetch(server, "chain/5");
        Assert.Equal(FetchStatus.Failed, tooMany.Status);
        Assert.Equal("Nguồn chuyển hướng quá 5 lần; hãy nhập địa chỉ cuối cùng của nguồn (more than 5 redirects; enter the source's final address)", tooMany.Error);

        var ftp = await Fetch(server, "to-ftp");
        Assert.Equal(FetchStatus.Failed, ftp.Status);
        Assert.Contains("only http/https", ftp.Error);
    }

    [Fact]
    public async Task Robots_txt_is_obeyed_for_every_hop_and_read_once()
    {
        await using var server = await FeedTestServer.StartAsync();
        var fetcher = FetchTestSupport.Fetcher();
        var disallowed = await fetcher.FetchAsync(new FetchRequest(server.Url("private/feed.xml")), CancellationToken.None);
        Assert.Equal(FetchStatus.Disallowed, disallowed.Status);
        Assert.Contains("robots.txt disallows /private/feed.xml", disallowed.Error);

        // The group naming our product token applies to us.
        Assert.Equal(FetchStatus.Disallowed, (await fetcher.FetchAsync(new FetchRequest(server.Url("no-ttdn/x")), CancellationToken.None)).Status);
        // A redirect into a disallowed path stops before the request.
        var redirected = await fetcher.FetchAsync(new FetchRequest(server.Url("to-private")), CancellationToken.None);
        Assert.Equal(FetchStatus.Disallowed, redirected.Status);
        Assert.Equal(server.Url("private/feed.xml"), redirected.FinalUrl);

        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/rss2.xml")), CancellationToken.None)).Status);
        Assert.Equal(0, server.Hits("/private/feed.xml"));
        Assert.Equal(0, server.Hits("/no-ttdn/x"));
        Assert.Equal(1, server.Hits("/robots.txt"));

        var ignoring = await Fetch(server, "private/feed.xml", With(o => new FetchOptions { PerHostInterval = o.PerHostInterval, RespectRobots = false }));
        Assert.Equal(FetchStatus.Ok, ignoring.Status);
    }

    [Fact]
    public async Task Unreadable_robots_txt_stops_fetching_missing_one_allows_it()
    {
        await using var server = await FeedTestServer.StartAsync();
        server.RobotsStatus = 500;
        var blocked = await Fetch(server, "feeds/rss2.xml");
        Assert.Equal(FetchStatus.Failed, blocked.Status);
        Assert.Contains("could not read the site's robots.txt", blocked.Error);
        Assert.Equal(0, server.Hits("/feeds/rss2.xml"));

        server.RobotsStatus = 404;
        Assert.Equal(FetchStatus.Ok, (await Fetch(server, "feeds/rss2.xml")).Status);
    }

    [Fact]
    public async Task Stalling_server_times_out_on_headers_and_on_body_with_retries()
    {
        await using var server = await FeedTestServer.StartAsync();
        // One ordinary fetch first: run on its own, the process's first request (client and server code still being
        // compiled) can take longer than the 300 ms limit below, and robots.txt would time out instead of the page.
        Assert.Equal(FetchStatus.Ok, (await Fetch(server, "conditional")).Status);
        var options = With(o => new FetchOptions { PerHostInterval = o.PerHostInterval, RetryBaseDelay = o.RetryBaseDelay, Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 });

        var headers = await Fetch(server, "stall", options);
        Assert.Equal(FetchStatus.Failed, headers.Status);
        Assert.Equal("Nguồn không trả lời trong 0.3 giây, đã thử 2 lần; hãy kiểm tra trang còn hoạt động không (no complete response within 0.3 s after 2 attempts; check that the site is up)", headers.Error);
        Assert.Equal(2, headers.Attempts);
        Assert.Equal(2, server.Hits("/stall"));
        Assert.InRange(headers.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(15));

        var body = await Fetch(server, "stall-body", options);
        Assert.Equal(FetchStatus.Failed, body.Status);
        Assert.Contains("no complete response within 0.3 s", body.Error);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_is_waited_then_fetched()
    {
        await using var server = await FeedTestServer.StartAsync();
        var result = await Fetch(server, "busy-once/429?retryAfter=1");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(2, result.Attempts);
        var seen = server.RequestsTo("/busy-once/429");
        Assert.True(seen[1].At - seen[0].At >= TimeSpan.FromMilliseconds(800), $"waited only {(seen[1].At - seen[0].At).TotalMilliseconds} ms");

        var unavailable = await Fetch(server, "busy-once/503?retryAfter=0");
        Assert.Equal(FetchStatus.Ok, unavailable.Status);
    }

    [Fact]
    public async Task Retry_after_beyond_the_limit_fails_at_once_and_says_when()
    {
        await using var server = await FeedTestServer.StartAsync();
        var result = await Fetch(server, "status/503?retryAfter=3600");
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal("Nguồn yêu cầu chờ 3600 giây rồi mới lấy lại (lỗi 503); sẽ thử lại ở lượt sau (the server asked to wait 3600 s, status 503; will retry at the next scheduled fetch)", result.Error);
        Assert.Equal(1, server.Hits("/status/503"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_backoff_then_fail_with_a_reason()
    {
        await using var server = await FeedTestServer.StartAsync();
        var options = With(o => new FetchOptions { PerHostInterval = o.PerHostInterval, RetryBaseDelay = TimeSpan.FromMilliseconds(200) });
        var result = await Fetch(server, "status/500", options);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("Nguồn trả về lỗi 500 sau 3 lần thử; sẽ thử lại ở lượt lấy tin sau (server error 500 after 3 attempts; will retry at the next scheduled fetch)", result.Error);
        Assert.Equal(3, result.Attempts);
        var seen = server.RequestsTo("/status/500");
        Assert.Equal(3, seen.Count);
        // Arrival times at the server: a late first arrival can shorten a gap a little, never by a whole delay.
        Assert.True(seen[1].At - seen[0].At >= TimeSpan.FromMilliseconds(140));
        Assert.True(seen[2].At - seen[1].At >= TimeSpan.FromMilliseconds(280), "the second wait doubles");

        var flaky = await Fetch(server, "flaky", options);
        Assert.Equal(FetchStatus.Ok, flaky.Status);
        Assert.Equal(3, flaky.Attempts);
    }

    [Fact]
    public async Task Client_errors_fail_at_once_with_what_to_do()
    {
        await using var server = await FeedTestServer.StartAsync();
        var missing = await Fetch(server, "feeds/no-such-feed.xml");
        Assert.Equal(FetchStatus.Failed, missing.Status);
        Assert.Equal(404, missing.HttpStatus);
        Assert.Equal(1, missing.Attempts);
        Assert.StartsWith("Không tìm thấy địa chỉ (lỗi 404)", missing.Error);

        var forbidden = await Fetch(server, "status/403");
        Assert.Contains("access denied, 403", forbidden.Error);
    }

    [Fact]
    public async Task Connection_refused_is_a_reason_not_an_exception()
    {
        var fetcher = FetchTestSupport.Fetcher(With(o => new FetchOptions { PerHostInterval = o.PerHostInterval, RetryBaseDelay = o.RetryBaseDelay, RespectRobots = false }));
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri("http://127.0.0.1:1/feed.xml")), CancellationToken.None);
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.StartsWith("Không kết nối được tới 127.0.0.1 sau 3 lần thử", result.Error);

        var withRobots = await FetchTestSupport.Fetcher().FetchAsync(new FetchRequest(new Uri("http://127.0.0.1:1/feed.xml")), CancellationToken.None);
        Assert.Equal(FetchStatus.Failed, withRobots.Status);
        Assert.Contains("could not read the site's robots.txt", withRobots.Error);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_interval_even_when_concurrent()
    {
        await using var server = await FeedTestServer.StartAsync();
        var interval = TimeSpan.FromMilliseconds(500);
        var fetcher = FetchTestSupport.Fetcher(With(o => new FetchOptions { PerHostInterval = interval }));

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/rss2.xml")), CancellationToken.None);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/rss2.xml")), CancellationToken.None);
        await Task.WhenAll(
            fetcher.FetchAsync(new FetchRequest(server.Url("feeds/atom.xml")), CancellationToken.None),
            fetcher.FetchAsync(new FetchRequest(server.Url("feeds/jsonfeed-1.0.json")), CancellationToken.None));

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(FetchStatus.Ok, second.Status);
        var times = server.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(5, times.Count); // robots.txt + four feeds
        // Measured where requests arrive, so a new connection's set-up can shift one arrival a little; without the
        // limit the gaps would be a few milliseconds.
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= interval * 0.7, $"gap {gap.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Crawl_delay_in_robots_txt_slows_requests_down()
    {
        await using var server = await FeedTestServer.StartAsync();
        server.RobotsTxt = "User-agent: *\nCrawl-delay: 0.5\n";
        var fetcher = FetchTestSupport.Fetcher();
        await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/rss2.xml")), CancellationToken.None);
        await fetcher.FetchAsync(new FetchRequest(server.Url("feeds/atom.xml")), CancellationToken.None);
        var feeds = server.Requests.Where(r => r.Path.StartsWith("/feeds/")).Select(r => r.At).ToList();
        Assert.True(feeds[1] - feeds[0] >= TimeSpan.FromMilliseconds(400), $"gap {(feeds[1] - feeds[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws()
    {
        await using var server = await FeedTestServer.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FetchTestSupport.Fetcher().FetchAsync(new FetchRequest(server.Url("stall")), cts.Token));
    }
}
