using System.Net;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Accounts;

/// <summary>Without signing in, pages send the browser to the sign-in page and the API answers 401.</summary>
public sealed class AnonymousAccessTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Pages_redirect_to_sign_in_with_the_return_url(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        foreach (var (page, returnUrl) in new[] { ("/", "%2F"), ("/Organisations", "%2FOrganisations") })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.Contains("/Accounts/Login?ReturnUrl=" + returnUrl, location, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_api_answers_401_instead_of_redirecting(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var response = await app.Client().GetAsync("/api/organisations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Health_check_and_sign_in_page_are_open_to_everyone(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Accounts/Login")).StatusCode);
    }
}
