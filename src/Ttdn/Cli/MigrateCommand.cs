using System.CommandLine;
using Ttdn.Data;
using Ttdn.Hosting;

namespace Ttdn.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Tạo/nâng cấp cơ sở dữ liệu và nạp dữ liệu danh mục — create or upgrade the database");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CommandLine.BuildHost(parse);
            var outcome = await Initialiser.RunAsync(app.Services, ct);
            Console.WriteLine($"Cơ sở dữ liệu (database): {app.Services.GetRequiredService<DatabaseSettings>().Describe()}");
            Console.WriteLine(outcome.AppliedMigrations.Count == 0
                ? "Đã ở phiên bản mới nhất (already up to date)."
                : $"Đã áp dụng (applied): {string.Join(", ", outcome.AppliedMigrations)}");
            if (outcome.NewAdminPassword is not null) Console.WriteLine(ServeCommand.AdminLine(outcome));
            return 0;
        });
        return command;
    }
}
