using System.Net;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>An agency officer edits their own organisation's aliases on the details page, and no other's.</summary>
public sealed class DetailsPageScopeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_cannot_add_an_alias_to_another_organisation_through_the_page(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var own = (await MeAsync(canbo)).OrganisationId!.Value;
        var other = await ForeignAffairsIdAsync(canbo);
        var before = await SnapshotAsync(app);

        using var response = await TestApp.PostFormAsync(canbo, $"/Organisations/Details/{other}?handler=AddAlias",
            AliasForm("SNV Thái Nguyên"), formPage: $"/Organisations/Details/{own}");

        Assert.True(IsAccessDeniedRedirect(response), $"Expected 302 → /Accounts/AccessDenied, got {Describe(response)}");
        using var deniedPage = await canbo.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
        Assert.DoesNotContain("SNV Thái Nguyên", await AliasesOfAsync(app, other));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_adds_an_alias_to_their_own_organisation_through_the_page(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var own = (await MeAsync(canbo)).OrganisationId!.Value;

        using var response = await TestApp.PostFormAsync(canbo, $"/Organisations/Details/{own}?handler=AddAlias", AliasForm("Báo TN"),
            formPage: $"/Organisations/Details/{own}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/Organisations/Details/{own}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Báo TN", await AliasesOfAsync(app, own));
    }

    private static Dictionary<string, string> AliasForm(string text) => new() { ["AliasText"] = text, ["AliasKind"] = "Abbreviation" };
}
