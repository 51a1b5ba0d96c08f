using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Accounts;

/// <summary>Creating and changing accounts: the rules the admin pages, the API and the command line share.</summary>
public static class UserAdmin
{
    public sealed record UserInput(string UserName, string FullName, string? Email, int OrganisationId, IReadOnlyList<string> Roles, string? Password);

    public sealed record UserRow(string Id, string UserName, string FullName, string? Email, int OrganisationId, string OrganisationName,
        IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset? LockoutEnd);

    public static async Task<List<UserRow>> ListAsync(AppDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Email, u.OrganisationId, Org = u.Organisation!.Name, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.Email, u.OrganisationId, u.Org,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.LockoutEnd > now, u.LockoutEnd)).ToList();
    }

    /// <summary>Creates the account; returns the problems in words when it cannot (nothing is saved then).</summary>
    public static async Task<(AppUser? User, List<string> Errors)> CreateAsync(UserManager<AppUser> users, AppDb db, UserInput input, TimeProvider clock)
    {
        var errors = await ValidateAsync(db, input, requirePassword: true);
        if (errors.Count > 0) return (null, errors);
        var user = new AppUser
        {
            UserName = input.UserName.Trim(), FullName = input.FullName.Trim(), Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            OrganisationId = input.OrganisationId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return (null, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!added.Succeeded) return (null, added.Errors.Select(e => e.Description).ToList());
        await tx.CommitAsync();
        return (user, []);
    }

    public static async Task<List<string>> UpdateAsync(UserManager<AppUser> users, AppDb db, string id, UserInput input, bool locked, TimeProvider clock)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return ["Không tìm thấy tài khoản. / Account not found."];
        var errors = await ValidateAsync(db, input with { UserName = user.UserName ?? "" }, requirePassword: false);
        if (errors.Count > 0) return errors;
        await using var tx = await db.Database.BeginTransactionAsync();
        user.FullName = input.FullName.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.OrganisationId = input.OrganisationId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return updated.Errors.Select(e => e.Description).ToList();
        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles.Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!removed.Succeeded || !added.Succeeded) return [.. removed.Errors.Concat(added.Errors).Select(e => e.Description)];
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        if (!string.IsNullOrEmpty(input.Password))
        {
            var reset = await ResetPasswordAsync(users, user, input.Password);
            if (reset.Count > 0) return reset;
        }
        await tx.CommitAsync();
        return [];
    }

    public static async Task<List<string>> ResetPasswordAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        return result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
    }

    private static async Task<List<string>> ValidateAsync(AppDb db, UserInput input, bool requirePassword)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.UserName)) errors.Add("Hãy nhập tên đăng nhập. / Enter a user name.");
        if (string.IsNullOrWhiteSpace(input.FullName)) errors.Add("Hãy nhập họ và tên. / Enter the full name.");
        if (requirePassword && string.IsNullOrEmpty(input.Password)) errors.Add("Hãy đặt mật khẩu ban đầu. / Set an initial password.");
        if (!await db.Organisations.AnyAsync(o => o.Id == input.OrganisationId))
            errors.Add("Hãy chọn tổ chức của người dùng. / Choose the user's organisation.");
        if (input.Roles.Count == 0) errors.Add("Hãy chọn ít nhất một vai trò. / Choose at least one role.");
        foreach (var role in input.Roles.Where(r => Roles.Find(r) is null))
            errors.Add($"Vai trò \"{role}\" không tồn tại; các vai trò: {string.Join(", ", Roles.All.Select(r => r.Name))}.");
        return errors;
    }

    public static string RoleLabel(string role) => Roles.Find(role) is { } r ? Lang.T(r.Vietnamese, r.English) : role;
}
