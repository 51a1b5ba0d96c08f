using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ttdn.Data;

namespace Ttdn.Cli;

internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp sao lưu sẽ tạo (backup file to write)" };
        var command = new Command("backup", "Sao lưu cơ sở dữ liệu khi đang chạy — back up the database (safe while the app runs)") { file };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            if (target.Exists)
            {
                Console.Error.WriteLine($"Tệp {target.FullName} đã tồn tại: hãy chọn tên khác. (File exists: choose another name.)");
                return 2;
            }
            target.Directory?.Create();
            await using var app = CommandLine.BuildHost(parse);
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider == DatabaseProvider.Postgres)
                return await PgDumpAsync(settings.ConnectionString, target.FullName, ct);
            if (!File.Exists(Path.Combine(settings.DataDirectory, "ttdn.db")))
            {
                Console.Error.WriteLine($"Chưa có cơ sở dữ liệu trong {settings.DataDirectory}: hãy kiểm tra --data-dir. (No database there.)");
                return 2;
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            // VACUUM INTO writes a consistent, compacted copy while other connections keep working.
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target.FullName}", ct);
            target.Refresh();
            Console.WriteLine($"Đã sao lưu (backed up) {settings.Describe()} → {target.FullName} ({target.Length / 1024.0:0.#} KB)");
            return 0;
        });
        return command;
    }

    private static async Task<int> PgDumpAsync(string connectionString, string target, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump") { RedirectStandardError = true };
        foreach (var arg in new[] { "--format=custom", $"--file={target}", $"--host={cs.Host}", $"--port={cs.Port}", $"--username={cs.Username}", cs.Database ?? "" })
            start.ArgumentList.Add(arg);
        if (!string.IsNullOrEmpty(cs.Password)) start.Environment["PGPASSWORD"] = cs.Password;
        try
        {
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"pg_dump thất bại (failed): {errors}");
                return 2;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("Không tìm thấy pg_dump: hãy cài gói postgresql-client. (pg_dump not found: install postgresql-client.)");
            return 2;
        }
        Console.WriteLine($"Đã sao lưu PostgreSQL → {target}");
        return 0;
    }
}
