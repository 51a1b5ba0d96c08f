using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>
/// "Every page and endpoint checks role and organisation ... tested as a matrix": one row per request, one column
/// per demo user (one user per role). A refused request must also leave the database exactly as it was.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>A page the user may not open: 302 to /Accounts/AccessDenied.</summary>
    private const int Denied = 302;

    /// <summary>What a request may depend on: who sends it, their own organisation, and the organisations the test set up.</summary>
    public sealed record Scene(string User, int OwnOrg, int OtherOrg, int EditTarget, int EditVersion, int MergeAbsorbed, int MergeSurvivor);

    public sealed record Row(string Request, int[] Expected, Func<Scene, HttpRequestMessage> Build);

    // Columns:                                                  admin lanhdao chuyenvien canbo theodoi  khach
    public static readonly Row[] Matrix =
    [
        new("GET  /api/organisations",                          [200,  200,    200,       200,  200,     200],    _ => Get("/api/organisations?q=so")),
        new("POST /api/organisations",                          [201,  403,    403,       403,  403,     403],    s => Post("/api/organisations", NewOrganisation($"Ban thử của {s.User}"))),
        new("PUT  /api/organisations/{id}",                     [200,  403,    403,       403,  403,     403],    s => Put($"/api/organisations/{s.EditTarget}", NewOrganisation("Ban thử đã sửa", s.EditVersion))),
        new("POST /api/organisations/{own}/aliases",            [201,  201,    201,       201,  201,     403],    s => Post($"/api/organisations/{s.OwnOrg}/aliases", new { text = $"Tên riêng {s.User}" })),
        new("POST /api/organisations/{other}/aliases",          [201,  403,    403,       403,  403,     403],    s => Post($"/api/organisations/{s.OtherOrg}/aliases", new { text = $"Tên khác {s.User}" })),
        new("POST /api/organisations/merge",                    [200,  403,    403,       403,  403,     403],    s => Post("/api/organisations/merge", new { absorbedIds = new[] { s.MergeAbsorbed }, survivorId = s.MergeSurvivor, effectiveOn = "2026-01-01" })),
        new("GET  /api/users",                                  [200,  403,    403,       403,  403,     403],    _ => Get("/api/users")),
        new("POST /api/users",                                  [201,  403,    403,       403,  403,     403],    s => Post("/api/users", NewUser($"moi{s.User}", s.OtherOrg))),
        new("GET  /api/audit",                                  [200,  403,    403,       403,  403,     403],    _ => Get("/api/audit")),
        new("GET  /Admin/Users",                                [200,  Denied, Denied,    Denied, Denied, Denied], _ => Get("/Admin/Users")),
        new("GET  /Admin/Audit",                                [200,  Denied, Denied,    Denied, Denied, Denied], _ => Get("/Admin/Audit")),
        new("GET  /Organisations/Edit",                         [200,  Denied, Denied,    Denied, Denied, Denied], _ => Get("/Organisations/Edit")),
        new("GET  /Organisations/Merge",                        [200,  Denied, Denied,    Denied, Denied, Denied], _ => Get("/Organisations/Merge")),
    ];

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Each_role_gets_exactly_the_access_the_matrix_grants_and_refused_requests_change_nothing(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var other = await ForeignAffairsIdAsync(admin);
        var editTarget = await CreateOrganisationAsync(admin, "Ban thử để sửa");
        var absorbed = await CreateOrganisationAsync(admin, "Ban thử bị sáp nhập");
        var survivor = await CreateOrganisationAsync(admin, "Ban thử tiếp nhận");
        var users = new Dictionary<string, (HttpClient Client, int OwnOrg)>();
        foreach (var name in DemoUsers)
        {
            var client = await app.SignedInAsync(name);
            users[name] = (client, (await MeAsync(client)).OrganisationId!.Value);
        }
        var otherAliasesBefore = await AliasesOfAsync(app, other);

        var failures = new List<string>();
        foreach (var row in Matrix)
        {
            for (var column = 0; column < DemoUsers.Length; column++)
            {
                var (user, expected) = (DemoUsers[column], row.Expected[column]);
                var scene = new Scene(user, users[user].OwnOrg, other, editTarget.Id, editTarget.Version, absorbed.Id, survivor.Id);
                var before = await SnapshotAsync(app);
                using var response = await users[user].Client.SendAsync(row.Build(scene));
                var met = expected == Denied ? IsAccessDeniedRedirect(response) : (int)response.StatusCode == expected;
                if (!met)
                    failures.Add($"{row.Request} as {user}: expected {(expected == Denied ? "302 → /Accounts/AccessDenied" : expected)}, got {Describe(response)}");
                if (expected is 403 or Denied && await SnapshotAsync(app) is var after && after != before)
                    failures.Add($"{row.Request} as {user} was refused but changed the database: {before} → {after}");
            }
        }

        Assert.True(failures.Count == 0, "Authorization matrix mismatches:\n" + string.Join("\n", failures));
        // Only the administrator's alias reached the organisation nobody else belongs to.
        Assert.Equal([.. otherAliasesBefore.Append("Tên khác admin").Order(StringComparer.Ordinal)],
            (await AliasesOfAsync(app, other)).Order(StringComparer.Ordinal));
    }

    private static HttpRequestMessage Get(string url) => Request(HttpMethod.Get, url);
    private static HttpRequestMessage Post(string url, object body) => Request(HttpMethod.Post, url, body);
    private static HttpRequestMessage Put(string url, object body) => Request(HttpMethod.Put, url, body);
}
