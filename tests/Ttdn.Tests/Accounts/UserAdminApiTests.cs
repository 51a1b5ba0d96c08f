using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Ttdn.Accounts;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>The administrator creates and changes accounts through /api/users.</summary>
public sealed class UserAdminApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Created_user_signs_in_with_the_given_role_and_organisation(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var org = await ForeignAffairsIdAsync(admin);

        using var response = await admin.PostAsJsonAsync("/api/users", NewUser("nguyenvana", org, Roles.MonitoringOfficer));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var row = await ReadAsync<UserAdmin.UserRow>(response);
        Assert.Equal($"/api/users/{row.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("nguyenvana", org, false), (row.UserName, row.OrganisationId, row.LockedOut));
        using var signIn = await SignInAsync(app.Client(), "nguyenvana", NewUserPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await ReadAsync<AccountsApi.Me>(signIn);
        Assert.Equal([Roles.MonitoringOfficer], me.Roles);
        Assert.Equal(org, me.OrganisationId);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Taken_name_unknown_role_or_missing_organisation_is_refused_and_nothing_is_saved(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var org = await ForeignAffairsIdAsync(admin);
        var before = await SnapshotAsync(app);

        var cases = new (string Why, object Body, string Message)[]
        {
            ("taken user name", NewUser("canbo", org), "Tên đăng nhập \"canbo\" đã có người dùng"),
            ("unknown role", NewUser("nguyenvanb", org, "Superuser"), "Vai trò \"Superuser\" không tồn tại"),
            ("no organisation", new { userName = "nguyenvanc", fullName = "Nguyễn Văn C", roles = new[] { Roles.Viewer }, password = NewUserPassword },
                "Hãy chọn tổ chức của người dùng"),
        };
        foreach (var (why, body, message) in cases)
        {
            using var response = await admin.PostAsJsonAsync("/api/users", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: expected 400, got {Describe(response)}");
            var errors = (await ReadAsync<ValidationProblemDetails>(response)).Errors.Values.SelectMany(e => e);
            Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Changed_organisation_and_roles_take_effect_at_the_users_next_sign_in(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var newOrg = await ForeignAffairsIdAsync(admin);
        var canboId = (await MeAsync(await app.SignedInAsync("canbo"))).Id;

        using var response = await admin.PutAsJsonAsync($"/api/users/{canboId}",
            new { fullName = "Lê Văn Hùng", organisationId = newOrg, roles = new[] { Roles.LeadOfficer }, locked = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await MeAsync(await app.SignedInAsync("canbo"));
        Assert.Equal(newOrg, me.OrganisationId);
        Assert.Equal([Roles.LeadOfficer], me.Roles);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Locked_user_cannot_sign_in_until_unlocked(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var me = await MeAsync(await app.SignedInAsync("canbo"));
        object Update(bool locked) => new { fullName = me.FullName, organisationId = me.OrganisationId, roles = me.Roles, locked };

        using (var lockResponse = await admin.PutAsJsonAsync($"/api/users/{me.Id}", Update(locked: true)))
        {
            Assert.Equal(HttpStatusCode.OK, lockResponse.StatusCode);
            Assert.True((await ReadAsync<UserAdmin.UserRow>(lockResponse)).LockedOut);
        }
        using (var refused = await SignInAsync(app.Client(), "canbo", TestApp.DemoPassword))
            Assert.Equal((HttpStatusCode)423, refused.StatusCode);

        using (var unlockResponse = await admin.PutAsJsonAsync($"/api/users/{me.Id}", Update(locked: false)))
            Assert.Equal(HttpStatusCode.OK, unlockResponse.StatusCode);
        using var accepted = await SignInAsync(app.Client(), "canbo", TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
