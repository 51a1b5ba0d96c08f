using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>POST /api/account/password: the signed-in user changes their own password.</summary>
public sealed class ChangePasswordTests
{
    private const string NewPassword = "MatKhauMoi2027";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Wrong_current_password_is_refused_with_a_validation_problem(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");

        using var response = await canbo.PostAsJsonAsync("/api/account/password", new { currentPassword = "SaiMatKhau2026", newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<ValidationProblemDetails>(response);
        Assert.Contains(problem.Errors.Values.SelectMany(e => e), e => e.Contains("Mật khẩu hiện tại không đúng", StringComparison.Ordinal));
        await AssertPasswordAsync(app, TestApp.DemoPassword, works: true);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Too_weak_new_password_is_refused_naming_the_rule(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");

        using var response = await canbo.PostAsJsonAsync("/api/account/password", new { currentPassword = TestApp.DemoPassword, newPassword = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync<ValidationProblemDetails>(response)).Errors.Values.SelectMany(e => e).ToList();
        Assert.Contains(errors, e => e.Contains("ít nhất 10 ký tự", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("chữ số", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("chữ hoa", StringComparison.Ordinal));
        await AssertPasswordAsync(app, TestApp.DemoPassword, works: true);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Changed_password_signs_in_and_the_old_one_no_longer_does(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");

        using var response = await canbo.PostAsJsonAsync("/api/account/password", new { currentPassword = TestApp.DemoPassword, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertPasswordAsync(app, NewPassword, works: true);
        await AssertPasswordAsync(app, TestApp.DemoPassword, works: false);
    }

    private static async Task AssertPasswordAsync(TestApp app, string password, bool works)
    {
        using var response = await SignInAsync(app.Client(), "canbo", password);
        Assert.Equal(works ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
