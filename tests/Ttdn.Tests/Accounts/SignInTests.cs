using System.Net;
using Microsoft.AspNetCore.Mvc;
using Ttdn.Accounts;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>Signing in through the API and the sign-in page, and the lockout after repeated failures (5 tries, 15 minutes).</summary>
public sealed class SignInTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Right_password_signs_in_and_answers_the_users_roles_and_organisation(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        using var response = await SignInAsync(client, "canbo", TestApp.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await ReadAsync<AccountsApi.Me>(response);
        Assert.Equal("canbo", me.UserName);
        Assert.Equal([Roles.AgencyOfficer], me.Roles);
        Assert.Equal(await OrgIdAsync(client, "bao thai nguyen"), me.OrganisationId);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Wrong_password_answers_401_problem_in_vietnamese(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        using var response = await SignInAsync(app.Client(), "canbo", "SaiMatKhau2026");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync<ProblemDetails>(response);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        await FailFiveTimesAsync(client, "canbo");
        using var sixth = await SignInAsync(client, "canbo", TestApp.DemoPassword);

        Assert.Equal((HttpStatusCode)423, sixth.StatusCode);
        var problem = await ReadAsync<ProblemDetails>(sixth);
        Assert.Contains("bị tạm khóa", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("15 phút", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Lockout_ends_after_fifteen_minutes_of_the_application_clock(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();
        await FailFiveTimesAsync(client, "canbo");
        using (var locked = await SignInAsync(client, "canbo", TestApp.DemoPassword))
            Assert.Equal((HttpStatusCode)423, locked.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await SignInAsync(client, "canbo", TestApp.DemoPassword);

        Assert.True(later.StatusCode == HttpStatusCode.OK,
            $"16 minutes after the lockout (by the app's TimeProvider) sign-in answered {Describe(later)}: " +
            "ASP.NET Identity's UserManager reads DateTimeOffset.UtcNow for lockout, not the app's TimeProvider.");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sign_in_page_shows_the_error_summary_for_a_wrong_password(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        using var response = await TestApp.PostFormAsync(client, "/Accounts/Login",
            new Dictionary<string, string> { ["UserName"] = "canbo", ["Password"] = "SaiMatKhau2026" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sign_in_page_with_the_right_password_goes_to_the_return_url(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        using var response = await TestApp.PostFormAsync(client, "/Accounts/Login?ReturnUrl=%2FOrganisations",
            new Dictionary<string, string> { ["UserName"] = "canbo", ["Password"] = TestApp.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Organisations", response.Headers.Location!.OriginalString);
        Assert.Equal("canbo", (await MeAsync(client)).UserName);
    }

    private static async Task FailFiveTimesAsync(HttpClient client, string userName)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await SignInAsync(client, userName, "SaiMatKhau2026");
            // The fifth failure itself already answers "locked".
            Assert.Equal(attempt < 5 ? HttpStatusCode.Unauthorized : (HttpStatusCode)423, response.StatusCode);
        }
    }
}
