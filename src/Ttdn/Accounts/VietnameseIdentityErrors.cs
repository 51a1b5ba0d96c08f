using Microsoft.AspNetCore.Identity;

namespace Ttdn.Accounts;

/// <summary>Identity's messages in Vietnamese, each saying what to do (English after the slash).</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu cần ít nhất {length} ký tự. / Password needs at least {length} characters.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu cần ít nhất một chữ số (0-9). / Password needs a digit.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu cần ít nhất một chữ thường (a-z). / Password needs a lower-case letter.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu cần ít nhất một chữ hoa (A-Z). / Password needs an upper-case letter.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng. / Current password is wrong.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập \"{userName}\" đã có người dùng: hãy chọn tên khác. / User name taken.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập \"{userName}\" chỉ được gồm chữ không dấu, số và . _ - @. / Invalid user name.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Vai trò \"{role}\" đã tồn tại. / Role exists.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi: hãy tải lại trang rồi thử lại. / Changed by someone else: reload and retry.");
}
