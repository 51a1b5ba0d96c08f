using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ttdn.Tests.Infrastructure;
using Ttdn.Tests.Plans.Import;

namespace Ttdn.Tests.Cli;

/// <summary><c>ttdn plan import</c> run as the real executable.</summary>
public sealed class PlanImportCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "ttdn-plan-import-" + Guid.NewGuid().ToString("N"));
    private readonly string _work = Directory.CreateTempSubdirectory("ttdn-import-files-").FullName;

    [Fact]
    public async Task A_dry_run_prints_the_plan_as_json_and_a_real_run_saves_a_draft_with_43_tasks()
    {
        var (exit, output) = await TtdnProcess.RunAsync("plan", "import", SeedVariants.SeedPath(), "--dry-run", "--json", "--data-dir", _dataDir);
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("241/KH-UBND", json.GetProperty("number").GetString());
        Assert.Equal("UTF-8", json.GetProperty("encoding").GetString());
        Assert.Equal(43, json.GetProperty("assignments").EnumerateArray().Sum(a => a.GetProperty("tasks").GetArrayLength()));
        Assert.Equal("Lê Quang Tiến", json.GetProperty("signer").GetProperty("name").GetString());
        var planCount = JsonDocument.Parse((await TtdnProcess.RunAsync("plan", "list", "--json", "--data-dir", _dataDir)).Output).RootElement.GetArrayLength();

        // The same plan in TCVN3, saved for real.
        var legacy = Path.Combine(_work, "ke-hoach-abc.txt");
        await File.WriteAllBytesAsync(legacy, SeedVariants.Tcvn3(SeedVariants.SeedText));
        var saved = await TtdnProcess.RunAsync("plan", "import", legacy, "--data-dir", _dataDir);
        Assert.Equal(0, saved.ExitCode);
        Assert.Contains("TCVN3 (ABC)", saved.Output);
        Assert.Contains("Đã lưu bản nháp kế hoạch", saved.Output);
        var plans = JsonDocument.Parse((await TtdnProcess.RunAsync("plan", "list", "--json", "--data-dir", _dataDir)).Output).RootElement;
        Assert.Equal(planCount + 1, plans.GetArrayLength());
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("status").GetString() == "Draft" && p.GetProperty("taskCount").GetInt32() == 43);
    }

    [Fact]
    public async Task A_dry_run_renders_the_file_straight_to_an_official_docx_and_saves_nothing()
    {
        var docx = Path.Combine(_work, "241-KH-UBND.docx");
        var (exit, output) = await TtdnProcess.RunAsync("plan", "import", SeedVariants.SeedPath(), "--dry-run", "--docx", docx, "--data-dir", _dataDir);

        Assert.Equal(0, exit);
        Assert.Contains("DOCX written", output);
        using var document = new Ttdn.Tests.Documents.DocxReader(await File.ReadAllBytesAsync(docx));
        var lines = document.Lines();
        Assert.Contains("Số: 241/KH-UBND", lines);
        Assert.Contains("KẾ HOẠCH", lines);
        Assert.Contains("Thái Nguyên, ngày 28 tháng 12 năm 2021", lines);
        Assert.Contains(lines, l => l.Contains("Xuất bản 700 cuốn Thái Nguyên Hội nhập và Phát triển", StringComparison.Ordinal));
        Assert.Contains("Lê Quang Tiến", lines);
        Assert.Empty(document.ValidationErrors());
        var plans = JsonDocument.Parse((await TtdnProcess.RunAsync("plan", "list", "--json", "--data-dir", _dataDir)).Output).RootElement;
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("status").GetString() == "Draft");
    }

    [Fact]
    public async Task Unreadable_input_and_news_articles_fail_with_a_message_and_save_nothing()
    {
        var empty = Path.Combine(_work, "trong.txt");
        await File.WriteAllBytesAsync(empty, []);
        var refused = await TtdnProcess.RunAsync("plan", "import", empty, "--data-dir", _dataDir);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Tệp trống", refused.Output);

        var missing = await TtdnProcess.RunAsync("plan", "import", Path.Combine(_work, "khong-co.docx"), "--data-dir", _dataDir);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Không tìm thấy tệp", missing.Output);

        var news = await TtdnProcess.RunAsync("plan", "import", SeedVariants.SeedPath("001_880a45a027e3576e.txt"), "--data-dir", _dataDir);
        Assert.Equal(3, news.ExitCode);
        Assert.Contains("giống một bài báo, không phải kế hoạch", news.Output);
        Assert.Contains("28/KH-UBND", news.Output);
        var plans = JsonDocument.Parse((await TtdnProcess.RunAsync("plan", "list", "--json", "--data-dir", _dataDir)).Output).RootElement;
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("status").GetString() == "Draft");
    }

    [Fact]
    public async Task A_reader_cannot_import_from_the_command_line_either()
    {
        var result = await TtdnProcess.RunAsync("plan", "import", SeedVariants.SeedPath(), "--as", "khach", "--data-dir", _dataDir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Chỉ Sở đầu mối", result.Output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
