using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, free port) serving the fixture feeds with scripted behaviours:
/// validators and 304, redirect chains and loops, stalls, a generated 100 MB body, 429/503 with Retry-After,
/// 5xx, robots.txt. It records every request (path, arrival time, headers) so tests can check what was sent and when.
/// </summary>
public sealed class FeedTestServer : IAsyncDisposable
{
    public const string FeedETag = "\"v1\"";
    public static readonly DateTimeOffset FeedLastModified = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private long _hugeBytesWritten;

    public sealed record Seen(string Path, DateTimeOffset At, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent);

    public ConcurrentQueue<Seen> Requests { get; } = new();
    public string RobotsTxt { get; set; } = "User-agent: *\nDisallow: /private/\n\nUser-agent: TTDN-monitor\nDisallow: /private/\nDisallow: /no-ttdn/\n";
    public int RobotsStatus { get; set; } = 200;
    public long HugeBytesWritten => Interlocked.Read(ref _hugeBytesWritten);
    public Uri BaseUrl { get; private set; } = null!;

    private FeedTestServer(WebApplication app) => _app = app;

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);
    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;
    public IReadOnlyList<Seen> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Monitoring", "Fetching", "Fixtures", name);

    public static async Task<FeedTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedTestServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("0.0.0.0", "127.0.0.1") + "/");
        // The first request to a fresh server pays for JIT and routing setup; pay it here, not inside a timed test.
        using var warmup = new HttpClient();
        await warmup.GetStringAsync(server.Url("__warmup"));
        return server;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path == "/__warmup")
            {
                await context.Response.WriteAsync("ok");
                return;
            }

            _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            var headers = context.Request.Headers;
            Requests.Enqueue(new Seen(path, DateTimeOffset.UtcNow, headers.IfNoneMatch.FirstOrDefault(), headers.IfModifiedSince.FirstOrDefault(), headers.UserAgent.FirstOrDefault()));
            await next();
        });

        app.MapGet("/robots.txt", (HttpContext c) => RobotsStatus == 200
            ? Results.Text(RobotsTxt, "text/plain; charset=utf-8")
            : Results.StatusCode(RobotsStatus));

        // A fixture as is; ?type= overrides the Content-Type (servers lie about charsets and kinds).
        app.MapGet("/feeds/{name}", (HttpContext c, string name, string? type) => Fixture(name, type ?? GuessType(name)));
        app.MapGet("/private/{**rest}", () => Results.Text("secret"));
        app.MapGet("/no-ttdn/{**rest}", () => Results.Text("not for TTDN"));

        // Validators: ETag + Last-Modified; a matching If-None-Match or a not-older If-Modified-Since gives 304.
        app.MapGet("/conditional", (HttpContext c) =>
        {
            c.Response.Headers.ETag = FeedETag;
            c.Response.Headers.LastModified = FeedLastModified.ToString("R");
            var inm = c.Request.Headers.IfNoneMatch.ToString();
            var ims = c.Request.Headers.IfModifiedSince.ToString();
            if (inm == FeedETag || (inm.Length == 0 && DateTimeOffset.TryParse(ims, out var since) && since >= FeedLastModified))
            {
                return Results.StatusCode(304);
            }

            return Fixture("rss2.xml", "application/rss+xml");
        });

        app.MapGet("/r/301", () => Redirect(301, "/r/302"));
        app.MapGet("/r/302", () => Redirect(302, "308")); // relative to /r/302
        app.MapGet("/r/308", () => Redirect(308, "/feeds/rss2.xml"));
        app.MapGet("/loop/a", () => Redirect(302, "/loop/b"));
        app.MapGet("/loop/b", () => Redirect(301, "/loop/a"));
        app.MapGet("/chain/{n:int}", (int n) => n <= 0 ? Redirect(302, "/feeds/atom.xml") : Redirect(302, $"/chain/{n - 1}"));
        app.MapGet("/to-private", () => Redirect(301, "/private/feed.xml"));
        app.MapGet("/to-ftp", () => Redirect(302, "ftp://files.example/feed.xml"));

        app.MapGet("/stall", async (HttpContext c) =>
        {
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        });
        app.MapGet("/stall-body", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            await c.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", c.RequestAborted);
            await c.Response.Body.FlushAsync(c.RequestAborted);
            await Task.Delay(Timeout.Infinite, c.RequestAborted);
        });

        // 100 MB generated on the fly, with or without a declared length.
        app.MapGet("/huge", async (HttpContext c, bool declare) =>
        {
            const long size = 100L * 1024 * 1024;
            c.Response.ContentType = "application/rss+xml";
            if (declare) c.Response.ContentLength = size;
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)'a');
            try
            {
                for (long sent = 0; sent < size && !c.RequestAborted.IsCancellationRequested; sent += block.Length)
                {
                    await c.Response.Body.WriteAsync(block, c.RequestAborted);
                    Interlocked.Add(ref _hugeBytesWritten, block.Length);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client hung up at its size limit: exactly what the test wants.
            }
        });

        app.MapGet("/status/{code:int}", (int code, string? retryAfter, HttpContext c) =>
        {
            if (retryAfter is not null) c.Response.Headers.RetryAfter = retryAfter;
            return Results.StatusCode(code);
        });

        // Busy first (429 or 503 with Retry-After), then the feed.
        app.MapGet("/busy-once/{code:int}", (int code, string retryAfter, HttpContext c) =>
        {
            if (Hits(c.Request.Path.Value!) == 1)
            {
                c.Response.Headers.RetryAfter = retryAfter;
                return Results.StatusCode(code);
            }

            return Fixture("rss2.xml", "application/rss+xml");
        });

        // Fails twice with 502, then serves the feed.
        app.MapGet("/flaky", (HttpContext c) => Hits(c.Request.Path.Value!) <= 2 ? Results.StatusCode(502) : Fixture("rss2.xml", "application/rss+xml"));
    }

    private static IResult Redirect(int status, string location) => new RedirectResult(status, location);

    private static IResult Fixture(string name, string contentType)
    {
        var path = FixturePath(Path.GetFileName(name));
        return File.Exists(path) ? Results.Bytes(File.ReadAllBytes(path), contentType) : Results.NotFound();
    }

    private static string GuessType(string name) => Path.GetExtension(name) switch
    {
        ".json" => "application/feed+json",
        ".html" => "text/html; charset=utf-8",
        _ => "application/xml",
    };

    private sealed class RedirectResult(int status, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
