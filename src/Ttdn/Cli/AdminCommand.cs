using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;

namespace Ttdn.Cli;

internal static class AdminCommand
{
    public static Command Create()
    {
        var userName = new Argument<string>("user-name") { Description = "Tên đăng nhập (user name)" };
        var password = new Option<string?>("--password") { Description = "Mật khẩu; bỏ trống để tạo ngẫu nhiên (password; generated if omitted)" };
        var fullName = new Option<string?>("--full-name") { Description = "Họ và tên (full name)" };
        var reset = new Option<bool>("--reset") { Description = "Nếu tài khoản đã có: đặt lại mật khẩu và mở khóa (reset an existing account)" };
        var create = new Command("create", "Tạo tài khoản quản trị — create an administrator account") { userName, password, fullName, reset };
        create.SetAction(async (parse, ct) =>
        {
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<Audit.AuditTrail>().BackgroundActor = "cli";
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var db = services.GetRequiredService<AppDb>();
            var name = parse.GetValue(userName)!;
            var pwd = parse.GetValue(password) ?? Initialiser.GeneratePassword();
            var existing = await users.FindByNameAsync(name);
            List<string> errors;
            if (existing is not null)
            {
                if (!parse.GetValue(reset))
                {
                    Console.Error.WriteLine($"Tài khoản \"{name}\" đã có. Thêm --reset để đặt lại mật khẩu. (Account exists: add --reset.)");
                    return 2;
                }
                errors = await UserAdmin.ResetPasswordAsync(users, existing, pwd);
                if (errors.Count == 0)
                {
                    await users.SetLockoutEndDateAsync(existing, null);
                    await users.ResetAccessFailedCountAsync(existing);
                    if (!await users.IsInRoleAsync(existing, Roles.Administrator)) await users.AddToRoleAsync(existing, Roles.Administrator);
                }
            }
            else
            {
                var province = await Initialiser.HomeProvinceAsync(db, app.Configuration, ct);
                (_, errors) = await UserAdmin.CreateAsync(users, db,
                    new UserAdmin.UserInput(name, parse.GetValue(fullName) ?? name, null, province.Id, [Roles.Administrator], pwd),
                    services.GetRequiredService<TimeProvider>());
            }
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine(e);
                return 2;
            }
            Console.WriteLine($"Tài khoản quản trị (administrator): {name} / {pwd}");
            return 0;
        });
        return new Command("admin", "Quản lý tài khoản quản trị — administrator accounts") { create };
    }
}
