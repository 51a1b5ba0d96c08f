using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Accounts;

[Authorize(Policy = Policies.Admin)]
public sealed class UserEditModel(AppDb db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Locked { get; set; }
    public List<(int Id, string Label)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var row = (await UserAdmin.ListAsync(db, clock.GetUtcNow(), ct)).SingleOrDefault(u => u.Id == Id);
            if (row is null) return NotFound();
            (UserName, FullName, Email, OrganisationId, SelectedRoles, Locked) = (row.UserName, row.FullName, row.Email, row.OrganisationId, row.Roles.ToList(), row.LockedOut);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new UserAdmin.UserInput(UserName ?? "", FullName ?? "", Email, OrganisationId ?? 0, SelectedRoles, Password);
        var errors = Id is null
            ? (await UserAdmin.CreateAsync(users, db, input, clock)).Errors
            : await UserAdmin.UpdateAsync(users, db, Id, input, Locked, clock);
        if (errors.Count == 0)
        {
            TempData["Notice"] = Lang.T($"Đã lưu tài khoản {UserName}.", $"Saved account {UserName}.");
            return Redirect("/Admin/Users");
        }
        foreach (var e in errors) ModelState.AddModelError(FieldOf(e), e);
        await LoadAsync(ct);
        return Page();
    }

    private static string FieldOf(string error) => error switch
    {
        _ when error.Contains("Mật khẩu", StringComparison.Ordinal) || error.Contains("mật khẩu", StringComparison.Ordinal) => nameof(Password),
        _ when error.Contains("đăng nhập", StringComparison.Ordinal) => nameof(UserName),
        _ when error.Contains("họ và tên", StringComparison.Ordinal) => nameof(FullName),
        _ when error.Contains("tổ chức", StringComparison.Ordinal) => nameof(OrganisationId),
        _ when error.Contains("vai trò", StringComparison.OrdinalIgnoreCase) => "Roles",
        _ => "",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Organisations.AsNoTracking().Where(o => o.ValidTo == null || o.Id == OrganisationId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Province = o.Province != null ? o.Province.Name : null }).ToListAsync(ct);
        Organisations = rows.Select(o => (o.Id, o.Province is null ? o.Name : $"{o.Name} — {o.Province}")).ToList();
    }
}
