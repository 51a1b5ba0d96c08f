using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Shared;

namespace Ttdn.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool HasError => !ModelState.IsValid;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName)) ModelState.AddModelError(nameof(UserName), Lang.T("Hãy nhập tên đăng nhập.", "Enter your user name."));
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), Lang.T("Hãy nhập mật khẩu.", "Enter your password."));
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(nameof(UserName), result.IsLockedOut
            ? Lang.T("Tài khoản tạm khóa sau nhiều lần đăng nhập sai. Hãy thử lại sau 15 phút hoặc nhờ quản trị mở khóa.",
                     "The account is locked after repeated failures. Try again in 15 minutes or ask an administrator to unlock it.")
            : Lang.T("Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra bộ gõ tiếng Việt và phím Caps Lock rồi thử lại.",
                     "Wrong user name or password. Check your keyboard input method and Caps Lock, then try again."));
        return Page();
    }
}
