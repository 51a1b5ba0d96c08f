using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Cli;

/// <summary><c>ttdn plan list</c> and <c>ttdn plan show</c> on the demo database.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "ttdn-plan-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Plan_list_prints_the_demo_plans_as_json()
    {
        var (exit, output) = await TtdnProcess.RunAsync("plan", "list", "--json", "--data-dir", _dataDir);
        Assert.Equal(0, exit);
        var plans = JsonDocument.Parse(output).RootElement;
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("number").GetString() == "241/KH-UBND" && p.GetProperty("taskCount").GetInt32() == 43);
    }

    [Fact]
    public async Task Plan_show_gives_every_task_with_agencies_deadline_targets_and_status_as_of_a_date()
    {
        Assert.Equal(0, (await TtdnProcess.RunAsync("migrate", "--data-dir", _dataDir)).ExitCode);
        var (exit, output) = await TtdnProcess.RunAsync("plan", "show", "241/KH-UBND", "--json", "--as-of", "2022-06-30", "--data-dir", _dataDir);
        Assert.Equal(0, exit);
        var plan = JsonDocument.Parse(output).RootElement;
        var tasks = plan.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(43, tasks.Count);
        Assert.Equal("2022-06-30", plan.GetProperty("asOf").GetString());
        var book = tasks.Single(t => t.GetProperty("text").GetString()!.StartsWith("Xuất bản 700 cuốn", StringComparison.Ordinal));
        Assert.Equal("Sở Ngoại vụ", book.GetProperty("leadAgency").GetProperty("name").GetString());
        Assert.Equal(700, book.GetProperty("targets")[0].GetProperty("quantity").GetDecimal());
        var ict = tasks.Single(t => t.TryGetProperty("deadline", out var d) && d.ValueKind == JsonValueKind.Object && d.GetProperty("text").GetString() == "trước ngày 31/12/2022");
        Assert.Equal("2022-12-31", ict.GetProperty("deadline").GetProperty("to").GetString());
        Assert.All(tasks, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("statusText").GetString())));
        Assert.Contains(tasks, t => t.GetProperty("coordinatingAgencies").GetArrayLength() > 0);

        var later = JsonDocument.Parse((await TtdnProcess.RunAsync("plan", "show", "241/KH-UBND", "--json", "--as-of", "2023-01-31", "--data-dir", _dataDir)).Output).RootElement;
        Assert.True(Count(later, "DoneOnTime") > Count(plan, "DoneOnTime"), "more duties are done by the end of the year than in June");
    }

    [Fact]
    public async Task Plan_show_of_an_unknown_plan_or_a_bad_date_fails_with_a_message()
    {
        var unknown = await TtdnProcess.RunAsync("plan", "show", "999/KH-XYZ", "--data-dir", _dataDir);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Không tìm thấy kế hoạch", unknown.Output);
        var badDate = await TtdnProcess.RunAsync("plan", "show", "241/KH-UBND", "--as-of", "30/06/2022", "--data-dir", _dataDir);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("yyyy-MM-dd", badDate.Output);
    }

    private static int Count(JsonElement plan, string status) =>
        plan.GetProperty("tasks").EnumerateArray().Count(t => t.GetProperty("status").GetString() == status);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
