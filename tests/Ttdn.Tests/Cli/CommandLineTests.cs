using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Cli;

/// <summary>The real executable, as a user runs it: `ttdn`, `ttdn migrate`, `ttdn admin create`, `ttdn backup`.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    /// <summary>The last line of the serve command's own banner, printed after the database and accounts lines.</summary>
    private const string Banner = "Dừng (stop): Ctrl+C";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "ttdn-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task First_start_prints_the_url_and_a_generated_admin_password_that_signs_in()
    {
        var port = TtdnProcess.FreePort();
        await using var ttdn = TtdnProcess.Start(["--data-dir", _dataDir, "--urls", $"http://127.0.0.1:{port}"]);
        await ttdn.WaitForOutputAsync(Banner); // not "Ctrl+C" alone: the host's own log line says it too, sometimes first

        Assert.Contains($"http://127.0.0.1:{port}", ttdn.Output);
        var password = AdminPassword().Match(ttdn.Output);
        Assert.True(password.Success, ttdn.Output);
        Assert.True(File.Exists(Path.Combine(_dataDir, "ttdn.db")), "the embedded database is created under --data-dir");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var signIn = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = password.Groups[1].Value });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Administrator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var login = await http.GetAsync("/Accounts/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Đăng nhập", await login.Content.ReadAsStringAsync());
        var demo = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "canbo", password = "TtdnDemo2026" });
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
    }

    [Fact]
    public async Task Pointing_the_app_at_PostgreSQL_works_the_same_way_without_demo_users()
    {
        var port = TtdnProcess.FreePort();
        var connection = PostgresServer.Instance.CreateDatabase();
        await using var ttdn = TtdnProcess.Start(["--data-dir", _dataDir, "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = connection, ["Admin__Password"] = "PgAdmin2026x" });
        await ttdn.WaitForOutputAsync(Banner); // not "Ctrl+C" alone: the host's own log line says it too, sometimes first

        Assert.Contains("PostgreSQL", ttdn.Output);
        Assert.DoesNotContain("canbo", ttdn.Output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("PostgreSQL", health.GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "admin", password = "PgAdmin2026x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "canbo", password = "TtdnDemo2026" })).StatusCode);
    }

    [Fact]
    public async Task Migrate_creates_the_database_once_and_then_reports_it_up_to_date()
    {
        var first = await TtdnProcess.RunAsync("migrate", "--data-dir", _dataDir);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Initial", first.Output);
        var second = await TtdnProcess.RunAsync("migrate", "--data-dir", _dataDir);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already up to date", second.Output);
    }

    [Fact]
    public async Task Admin_create_makes_an_administrator_and_refuses_to_overwrite_one_silently()
    {
        var created = await TtdnProcess.RunAsync("admin", "create", "quantri2", "--password", "QuanTri2026x", "--data-dir", _dataDir);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("quantri2 / QuanTri2026x", created.Output);

        var again = await TtdnProcess.RunAsync("admin", "create", "quantri2", "--password", "Khac2026xyz", "--data-dir", _dataDir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--reset", again.Output);

        var weak = await TtdnProcess.RunAsync("admin", "create", "quantri3", "--password", "abc", "--data-dir", _dataDir);
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("ít nhất 10 ký tự", weak.Output);

        var reset = await TtdnProcess.RunAsync("admin", "create", "quantri2", "--password", "Khac2026xyz", "--reset", "--data-dir", _dataDir);
        Assert.Equal(0, reset.ExitCode);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_opens_as_a_database()
    {
        Assert.Equal(0, (await TtdnProcess.RunAsync("migrate", "--data-dir", _dataDir)).ExitCode);
        var file = Path.Combine(_dataDir, "backups", "ttdn-2026-11-23.db");

        var backup = await TtdnProcess.RunAsync("backup", file, "--data-dir", _dataDir);

        Assert.Equal(0, backup.ExitCode);
        await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Organisations WHERE Name = 'Sở Văn hóa, Thể thao và Du lịch'";
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 5);

        var again = await TtdnProcess.RunAsync("backup", file, "--data-dir", _dataDir);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("đã tồn tại", again.Output);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_data_dir_option()
    {
        var help = await TtdnProcess.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var word in new[] { "serve", "migrate", "admin", "backup", "--data-dir" })
            Assert.Contains(word, help.Output);
        var adminHelp = await TtdnProcess.RunAsync("admin", "create", "--help");
        Assert.Contains("--password", adminHelp.Output);
    }

    [Fact]
    public async Task An_unknown_command_fails_with_a_message()
    {
        var result = await TtdnProcess.RunAsync("frobnicate");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Output);
    }

    [GeneratedRegex(@"admin / (\S+) +←")]
    private static partial Regex AdminPassword();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
