using System.Net;
using System.Net.Http.Json;
using Ttdn.Organisations;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>A viewer (khach) reads everything and changes nothing, not even their own organisation.</summary>
public sealed class ViewerTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Viewer_is_refused_every_write_endpoint_and_nothing_changes(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var khach = await app.SignedInAsync("khach");
        var me = await MeAsync(khach);
        var own = me.OrganisationId!.Value;
        var other = await ForeignAffairsIdAsync(khach);
        var ownDetails = (await khach.GetFromJsonAsync<OrganisationsApi.Details>($"/api/organisations/{own}", Json))!;
        var aliasId = ownDetails.Aliases[0].Id;
        var before = await SnapshotAsync(app);

        var writes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, "/api/organisations", NewOrganisation("Ban của khách")),
            (HttpMethod.Put, $"/api/organisations/{own}", NewOrganisation("Tỉnh đổi tên", ownDetails.Version)),
            (HttpMethod.Post, $"/api/organisations/{own}/aliases", new { text = "Tỉnh nhà" }),
            (HttpMethod.Post, $"/api/organisations/{other}/aliases", new { text = "Sở NV" }),
            (HttpMethod.Delete, $"/api/organisations/{own}/aliases/{aliasId}", null),
            (HttpMethod.Post, $"/api/organisations/{other}/successions", new { successorId = own, kind = "Merge", effectiveOn = "2026-01-01" }),
            (HttpMethod.Post, "/api/organisations/merge", new { absorbedIds = new[] { other }, survivorId = own, effectiveOn = "2026-01-01" }),
            (HttpMethod.Post, "/api/users", NewUser("banmoi", own)),
            (HttpMethod.Put, $"/api/users/{me.Id}", new { fullName = "Khách", organisationId = own, roles = new[] { "Administrator" }, locked = false }),
        };
        var answers = new List<string>();
        foreach (var (method, url, body) in writes)
        {
            using var response = await khach.SendAsync(Request(method, url, body));
            answers.Add($"{method} {url} → {Describe(response)}");
        }

        Assert.All(answers, a => Assert.EndsWith("→ 403", a, StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(["Viewer"], (await MeAsync(await app.SignedInAsync("khach"))).Roles);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Viewer_cannot_add_or_remove_aliases_of_their_own_organisation_through_the_page(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var khach = await app.SignedInAsync("khach");
        var own = (await MeAsync(khach)).OrganisationId!.Value;
        var page = $"/Organisations/Details/{own}";
        var aliasId = (await khach.GetFromJsonAsync<OrganisationsApi.Details>($"/api/organisations/{own}", Json))!.Aliases[0].Id;
        var before = await SnapshotAsync(app);

        // The details page shows a viewer no forms, so the antiforgery token comes from a page that has one.
        const string formPage = "/Accounts/ChangePassword";
        using var add = await TestApp.PostFormAsync(khach, page + "?handler=AddAlias",
            new Dictionary<string, string> { ["AliasText"] = "Tỉnh nhà", ["AliasKind"] = "Abbreviation" }, formPage);
        using var remove = await TestApp.PostFormAsync(khach, page + $"?handler=RemoveAlias&aliasId={aliasId}", [], formPage);

        Assert.True(IsAccessDeniedRedirect(add), $"AddAlias: expected 302 → /Accounts/AccessDenied, got {Describe(add)}");
        Assert.True(IsAccessDeniedRedirect(remove), $"RemoveAlias: expected 302 → /Accounts/AccessDenied, got {Describe(remove)}");
        Assert.Equal(before, await SnapshotAsync(app));
    }
}
