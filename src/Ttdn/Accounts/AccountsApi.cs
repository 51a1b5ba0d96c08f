using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Ttdn.Data;

namespace Ttdn.Accounts;

public static class AccountsApi
{
    public sealed record SignInRequest(string UserName, string Password);
    public sealed record Me(string Id, string UserName, string FullName, int? OrganisationId, IReadOnlyList<string> Roles);
    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
    public sealed record UserUpdate(string FullName, string? Email, int OrganisationId, IReadOnlyList<string> Roles, bool Locked, string? NewPassword);

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");
        account.MapPost("/sign-in", SignIn).AllowAnonymous();
        account.MapPost("/sign-out", SignOut);
        account.MapGet("/me", GetMe);
        account.MapPost("/password", ChangePassword);

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListUsers);
        users.MapPost("/", CreateUser);
        users.MapPut("/{id}", UpdateUser);
        users.MapGet("/roles", () => TypedResults.Ok(Roles.All));
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignIn(SignInRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var result = await signIn.PasswordSignInAsync(request.UserName ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem(statusCode: 423, title: "Tài khoản tạm khóa",
                detail: "Tài khoản bị tạm khóa sau nhiều lần đăng nhập sai. Hãy thử lại sau 15 phút hoặc nhờ quản trị mở khóa. (Locked after repeated failures.)");
        if (!result.Succeeded)
            return TypedResults.Problem(statusCode: 401, title: "Đăng nhập không thành công",
                detail: "Tên đăng nhập hoặc mật khẩu không đúng. (Wrong user name or password.)");
        var user = (await users.FindByNameAsync(request.UserName!))!;
        return TypedResults.Ok(new Me(user.Id, user.UserName!, user.FullName, user.OrganisationId, [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<NoContent> SignOut(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new Me(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "", user.DisplayName(),
            user.OrganisationId(), [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]));

    private static async Task<Results<NoContent, ValidationProblem>> ChangePassword(ChangePasswordRequest request, ClaimsPrincipal principal,
        UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return Invalid("user", "Phiên đăng nhập đã hết: hãy đăng nhập lại. / Sign in again.");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!result.Succeeded)
            return TypedResults.ValidationProblem(result.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()),
                title: "Chưa đổi được mật khẩu: hãy sửa các mục sau. (Not changed: fix the following.)");
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<UserAdmin.UserRow>>> ListUsers(AppDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await UserAdmin.ListAsync(db, clock.GetUtcNow(), ct));

    private static async Task<Results<Created<UserAdmin.UserRow>, ValidationProblem>> CreateUser(UserAdmin.UserInput input, UserManager<AppUser> users,
        AppDb db, TimeProvider clock)
    {
        var (user, errors) = await UserAdmin.CreateAsync(users, db, input with { Roles = input.Roles ?? [] }, clock);
        if (user is null) return Invalid("user", [.. errors]);
        var row = (await UserAdmin.ListAsync(db, clock.GetUtcNow())).Single(u => u.Id == user.Id);
        return TypedResults.Created($"/api/users/{user.Id}", row);
    }

    private static async Task<Results<Ok<UserAdmin.UserRow>, ValidationProblem, NotFound>> UpdateUser(string id, UserUpdate update,
        UserManager<AppUser> users, AppDb db, TimeProvider clock)
    {
        if (await users.FindByIdAsync(id) is null) return TypedResults.NotFound();
        var errors = await UserAdmin.UpdateAsync(users, db, id,
            new UserAdmin.UserInput("", update.FullName ?? "", update.Email, update.OrganisationId, update.Roles ?? [], update.NewPassword), update.Locked, clock);
        if (errors.Count > 0) return Invalid("user", [.. errors]);
        return TypedResults.Ok((await UserAdmin.ListAsync(db, clock.GetUtcNow())).Single(u => u.Id == id));
    }

    private static ValidationProblem Invalid(string field, params string[] errors) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = errors },
            title: "Chưa lưu được: hãy sửa các mục sau. (Not saved: fix the following.)");
}
