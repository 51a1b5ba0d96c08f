using System.CommandLine;
using Ttdn.Data;
using Ttdn.Hosting;

namespace Ttdn.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Địa chỉ lắng nghe (listen addresses), mặc định {AppHost.DefaultUrl}" };
        var command = new Command("serve", "Chạy ứng dụng web (mặc định) — run the web application (default)") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = AppHost.Build(CommandLine.Settings(parse), b =>
                b.WebHost.UseUrls(parse.GetValue(urls) ?? b.Configuration["urls"] ?? AppHost.DefaultUrl));
            var outcome = await Initialiser.RunAsync(app.Services, ct);
            await app.StartAsync(ct);
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            Console.WriteLine();
            Console.WriteLine("TTĐN đang chạy (is running):");
            foreach (var url in app.Urls) Console.WriteLine($"  Mở trình duyệt (open): {url}");
            Console.WriteLine($"  Cơ sở dữ liệu (database): {settings.Describe()}");
            Console.WriteLine(AdminLine(outcome));
            if (outcome.DemoUsers.Count > 0)
                Console.WriteLine($"  Tài khoản mẫu (demo users): {string.Join(", ", outcome.DemoUsers)} / mật khẩu {app.Configuration["Demo:Password"] ?? Initialiser.DefaultDemoPassword}");
            Console.WriteLine("  Dừng (stop): Ctrl+C");
            Console.WriteLine();
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    internal static string AdminLine(Initialiser.Outcome outcome) => outcome switch
    {
        { NewAdminPassword: { } p, AdminPasswordFromConfig: false } =>
            $"  Đăng nhập quản trị (admin sign-in): {Initialiser.AdminUserName} / {p}   ← mật khẩu tạo ngẫu nhiên, chỉ in lần này (generated, shown once)",
        { AdminPasswordFromConfig: true } =>
            $"  Đăng nhập quản trị (admin sign-in): {Initialiser.AdminUserName} / mật khẩu trong cấu hình Admin:Password (from configuration)",
        _ => $"  Đăng nhập quản trị (admin sign-in): {Initialiser.AdminUserName} / mật khẩu đã in ở lần khởi động đầu; đặt lại: ttdn admin create admin --reset",
    };
}
