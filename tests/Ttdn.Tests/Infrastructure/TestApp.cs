using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Hosting;

namespace Ttdn.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The real application on an in-memory test server, with its own database (a fresh SQLite file or a fresh
/// PostgreSQL database) and a fake clock. Migrated and seeded exactly as on first start.
/// </summary>
public sealed partial class TestApp : IAsyncDisposable
{
    public const string AdminPassword = "Admin12345Test";
    public const string DemoPassword = Initialiser.DefaultDemoPassword;

    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public Db Provider { get; }
    private readonly string _dataDir;

    private TestApp(WebApplication app, FakeTimeProvider clock, Db provider, string dataDir) =>
        (App, Clock, Provider, _dataDir) = (app, clock, provider, dataDir);

    public static async Task<TestApp> StartAsync(Db provider, Dictionary<string, string?>? settings = null, bool initialise = true)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "ttdn-test-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>
        {
            ["DataDir"] = dataDir,
            ["Admin:Password"] = AdminPassword,
            ["Demo:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Monitoring:PollSeconds"] = "0", // tests poll sources themselves, at the moment they choose
        };
        // The usual case starts from a copy of a database initialised once per run (demo plans included): the same
        // state as a first start, at a fraction of the cost. Tests with their own settings start from scratch.
        var fromTemplate = initialise && settings is null;
        if (provider == Db.Postgres)
            all["ConnectionStrings:Postgres"] = fromTemplate ? PostgresServer.Instance.CreateDatabase(await PostgresTemplate.Value) : PostgresServer.Instance.CreateDatabase();
        else if (fromTemplate)
        {
            Directory.CreateDirectory(dataDir);
            File.Copy(await SqliteTemplate.Value, Path.Combine(dataDir, "ttdn.db"));
        }
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var app = AppHost.Build(all, b =>
        {
            b.WebHost.UseTestServer();
            b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        });
        if (initialise) await Initialiser.RunAsync(app.Services);
        await app.StartAsync();
        return new TestApp(app, clock, provider, dataDir);
    }

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        await using var template = await StartAsync(Db.Sqlite, new() { ["Demo:Enabled"] = "true" });
        Leftovers.Remove("ttdn-template");
        var file = Path.Combine(Path.GetTempPath(), $"ttdn-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        await template.WithDbAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {file}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var connection = PostgresServer.Instance.CreateDatabase();
        await using (var template = await StartAsync(Db.Postgres, new() { ["ConnectionStrings:Postgres"] = connection })) { }
        Npgsql.NpgsqlConnection.ClearAllPools(); // CREATE DATABASE … TEMPLATE needs the template to have no connections
        return new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!;
    });

    /// <summary>A client that keeps cookies, like a browser, and does not follow redirects (tests look at them).</summary>
    public HttpClient Client()
    {
        var handler = new CookieHandler { InnerHandler = App.GetTestServer().CreateHandler() };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public async Task<HttpClient> SignedInAsync(string userName, string? password = null)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/account/sign-in", new { userName, password = password ?? (userName == "admin" ? AdminPassword : DemoPassword) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public AsyncServiceScope Scope() => App.Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    /// <summary>Posts a Razor Pages form the way a browser does: GET the page for its antiforgery token, then POST.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? url}");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private sealed class CookieHandler : DelegatingHandler
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
            var header = _cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var v in values) _cookies.SetCookies(uri, v);
            return response;
        }
    }
}
