using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Organisations;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Accounts;

/// <summary>Small helpers the account and authorization tests share: look-ups through the API, and a "did anything change" snapshot.</summary>
internal static class AccountsKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The demo users, one per role, in the column order of the authorization matrix.</summary>
    public static readonly string[] DemoUsers = ["admin", "lanhdao", "chuyenvien", "canbo", "theodoi", "khach"];

    public static string PasswordOf(string userName) => userName == "admin" ? TestApp.AdminPassword : TestApp.DemoPassword;

    /// <summary>The one current organisation whose name (or short name, or alias) is exactly <paramref name="q"/>.</summary>
    public static async Task<int> OrgIdAsync(HttpClient client, string q)
    {
        var matches = await client.GetFromJsonAsync<List<OrganisationDirectory.Match>>($"/api/organisations?q={Uri.EscapeDataString(q)}", Json);
        return Assert.Single(matches!, m => m.Exact && m.ValidTo is null).Id;
    }

    /// <summary>Sở Ngoại vụ: an organisation no demo user belongs to.</summary>
    public static Task<int> ForeignAffairsIdAsync(HttpClient client) => OrgIdAsync(client, "so ngoai vu");

    public static async Task<AccountsApi.Me> MeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<AccountsApi.Me>("/api/account/me", Json))!;

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/account/sign-in", new { userName, password });

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>Counts of every table a write could touch; the audit count catches any saved change at all.</summary>
    public sealed record Snapshot(int Organisations, int Aliases, int Successions, int Users, int UserRoles, int AuditEntries);

    public static Task<Snapshot> SnapshotAsync(TestApp app) => app.WithDbAsync(async db => new Snapshot(
        await db.Organisations.CountAsync(), await db.OrganisationAliases.CountAsync(), await db.Successions.CountAsync(),
        await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.AuditEntries.CountAsync()));

    public static Task<List<string>> AliasesOfAsync(TestApp app, int organisationId) => app.WithDbAsync(db =>
        db.OrganisationAliases.Where(a => a.OrganisationId == organisationId).Select(a => a.Text).OrderBy(t => t).ToListAsync());

    /// <summary>A page refused by the Admin policy or by a handler's Forbid(): the cookie scheme redirects to the access-denied page.</summary>
    public static bool IsAccessDeniedRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied", StringComparison.Ordinal) == true;

    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l.OriginalString : "")}";

    public const string NewUserPassword = "MatKhauMoi2026";

    /// <summary>A POST/PUT /api/organisations body.</summary>
    public static object NewOrganisation(string name, int version = 0) => new { name, kind = "Department", version };

    /// <summary>A POST /api/users body.</summary>
    public static object NewUser(string userName, int organisationId, string role = "Viewer") =>
        new { userName, fullName = $"Người dùng {userName}", email = $"{userName}@example.vn", organisationId, roles = new[] { role }, password = NewUserPassword };

    public static async Task<OrganisationsApi.Details> CreateOrganisationAsync(HttpClient admin, string name)
    {
        using var response = await admin.PostAsJsonAsync("/api/organisations", NewOrganisation(name), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<OrganisationsApi.Details>(response);
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
}
