using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Shell;

/// <summary>Health, the OpenAPI document, languages and error pages.</summary>
public sealed class ShellTests
{
    [Theory]
    [InlineData(Db.Sqlite, "SQLite")]
    [InlineData(Db.Postgres, "PostgreSQL")]
    public async Task Health_reports_the_database_without_sign_in(Db provider, string expected)
    {
        await using var app = await TestApp.StartAsync(provider);
        var health = await app.Client().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.StartsWith(expected, health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Health_says_unavailable_with_the_reason_when_the_database_is_gone()
    {
        // A PostgreSQL server that is not there: the health endpoint must answer 503 with the reason, not crash.
        var port = TtdnProcess.FreePort();
        await using var broken = await TestApp.StartAsync(Db.Sqlite, new() { ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={port};Username=x;Database=y;Timeout=2" },
            initialise: false);
        var response = await broken.Client().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_served_OpenAPI_document_is_the_committed_one()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var served = await app.Client().GetStringAsync("/openapi/v1.json");
        var committedPath = Path.Combine(RepoRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("TTDN_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, Pretty(served));
        Assert.True(File.Exists(committedPath), "docs/openapi.json is missing: run the tests once with TTDN_UPDATE_OPENAPI=1");
        Assert.True(Pretty(served) == await File.ReadAllTextAsync(committedPath),
            "The API changed: review it, then refresh docs/openapi.json by running the tests with TTDN_UPDATE_OPENAPI=1.");
        Assert.Contains("/api/organisations/{id}/carrier", served);
    }

    [Fact]
    public async Task The_UI_is_Vietnamese_by_default_and_English_on_request()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("lanhdao");
        var vietnamese = await client.GetStringAsync("/Organisations");
        Assert.Contains("<html lang=\"vi\">", vietnamese);
        Assert.Contains("Tìm theo tên, tên viết tắt hoặc tên gọi khác", vietnamese);

        var switched = await client.GetAsync("/language/en?returnUrl=%2FOrganisations");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Organisations", switched.Headers.Location?.OriginalString);
        var english = await client.GetStringAsync("/Organisations");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Search by name, abbreviation or alias", english);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var response = await app.Client().GetAsync("/language/en?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_page_and_an_unknown_api_route_a_problem()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("khach");
        var page = await client.GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Không tìm thấy trang", await page.Content.ReadAsStringAsync());

        var api = await client.GetAsync("/api/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    private static string Pretty(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ttdn.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Ttdn.sln not found");
    }
}
