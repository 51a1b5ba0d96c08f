using System.Net;
using System.Text.RegularExpressions;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>Signing out ends the cookie session, whichever way the user does it.</summary>
public sealed partial class SignOutTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sign_out_button_in_the_page_header_signs_the_user_out(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var form = HeaderSignOutForm().Match(await canbo.GetStringAsync("/"));
        Assert.True(form.Success, "No sign-out form in the page header");
        // Post exactly what a browser would: the form's hidden inputs.
        var fields = HiddenInput().Matches(form.Value).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));

        using var response = await canbo.PostAsync("/Accounts/Logout", new FormUrlEncodedContent(fields));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/Accounts/Login",
            $"Expected 302 → /Accounts/Login, got {Describe(response)}; the header form carries " +
            (form.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? "an" : "NO") + " antiforgery token:\n" + form.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, (await canbo.GetAsync("/api/account/me")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sign_out_page_signs_the_user_out(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");

        using var response = await TestApp.PostFormAsync(canbo, "/Accounts/Logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Accounts/Login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await canbo.GetAsync("/api/account/me")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sign_out_through_the_api_ends_the_session(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");

        using var response = await canbo.PostAsync("/api/account/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await canbo.GetAsync("/api/account/me")).StatusCode);
    }

    [GeneratedRegex("<form[^>]*action=\"/Accounts/Logout\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex HeaderSignOutForm();

    [GeneratedRegex("<input[^>]*name=\"([^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
