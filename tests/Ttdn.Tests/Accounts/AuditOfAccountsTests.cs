using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Audit;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;

namespace Ttdn.Tests.Accounts;

/// <summary>Account and alias changes land in the audit trail under the acting user, and secrets never do.</summary>
public sealed class AuditOfAccountsTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Adding_an_alias_is_audited_under_the_admin_with_the_alias_text(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var org = await ForeignAffairsIdAsync(admin);

        using (var added = await admin.PostAsJsonAsync($"/api/organisations/{org}/aliases", new { text = "Sở NgV Thái Nguyên" }))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var page = (await admin.GetFromJsonAsync<AuditQuery.Page>("/api/audit?entityType=OrganisationAlias", Json))!;
        var entry = Assert.Single(page.Entries, e => e.Changes.Contains("Sở NgV Thái Nguyên", StringComparison.Ordinal));
        Assert.Equal(("admin", AuditAction.Created), (entry.UserName, entry.Action));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Creating_a_user_is_audited_under_the_admin(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");

        using var created = await admin.PostAsJsonAsync("/api/users", NewUser("nguyenvand", await ForeignAffairsIdAsync(admin)));
        var user = await ReadAsync<UserAdmin.UserRow>(created);

        var page = (await admin.GetFromJsonAsync<AuditQuery.Page>($"/api/audit?entityType=AppUser&entityId={user.Id}", Json))!;
        var entry = Assert.Single(page.Entries);
        Assert.Equal(("admin", AuditAction.Created, "nguyenvand"), (entry.UserName, entry.Action, entry.Summary));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Password_hashes_and_passwords_never_appear_in_the_audit_trail(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var secrets = new HashSet<string> { TestApp.AdminPassword, TestApp.DemoPassword, NewUserPassword, "MatKhauKhac2027", "MatKhauMoi2028" };
        async Task RememberHashesAsync() => secrets.UnionWith(await app.WithDbAsync(db => db.Users.Select(u => u.PasswordHash!).ToListAsync()));

        // Every way a password is set: seeding, creation, the user's own change, the administrator's reset.
        await RememberHashesAsync();
        using var created = await admin.PostAsJsonAsync("/api/users", NewUser("nguyenvane", await ForeignAffairsIdAsync(admin)));
        var user = await ReadAsync<UserAdmin.UserRow>(created);
        await RememberHashesAsync();
        var self = await app.SignedInAsync("nguyenvane", NewUserPassword);
        using (var changed = await self.PostAsJsonAsync("/api/account/password", new { currentPassword = NewUserPassword, newPassword = "MatKhauKhac2027" }))
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await RememberHashesAsync();
        using (var reset = await admin.PutAsJsonAsync($"/api/users/{user.Id}",
            new { fullName = user.FullName, organisationId = user.OrganisationId, roles = user.Roles, locked = false, newPassword = "MatKhauMoi2028" }))
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await RememberHashesAsync();

        var changes = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Changes).ToListAsync());
        Assert.Contains(changes, c => c.Contains("nguyenvane", StringComparison.Ordinal));
        Assert.All(changes, c => Assert.DoesNotContain("PasswordHash", c, StringComparison.Ordinal));
        Assert.All(changes, c => Assert.DoesNotContain(secrets, c.Contains));
    }
}
