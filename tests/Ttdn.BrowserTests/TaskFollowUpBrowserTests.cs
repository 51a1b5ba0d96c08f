using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>Task follow-up end to end in a real browser: an agency reports on its duty, the leader sees it on the dashboard.</summary>
public sealed partial class TaskFollowUpBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output)
{
    private const string Newspaper = "Báo Thái Nguyên";
    /// <summary>This year's demo plan is numbered "15/KH-UBND (mẫu {year})"; the 2022 plan is 241/KH-UBND.</summary>
    private const string CurrentPlanNumber = "15/KH-UBND";
    private const string Evidence = "https://baothainguyen.vn/thong-tin-doi-ngoai/chuyen-muc-doi-ngoai-thang-11.html";

    [Fact]
    public Task Agency_officer_completes_a_task_with_evidence_and_the_leaders_dashboard_counts_it_done_on_time() => RunAsync(async page =>
    {
        // The officer of Báo Thái Nguyên finds an unfinished duty of this year's plan in "Việc của tôi".
        await LoginPage.SignInAsync(page, "canbo", AppServer.DemoPassword);
        var mine = await MyTasksPage.OpenFromMenuAsync(page);
        await Expect(mine.Heading).ToBeVisibleAsync();
        await mine.ShowPeriodAsync("year");
        var row = mine.UnfinishedRowsOfPlan(CurrentPlanNumber).First;
        await Expect(row).ToBeVisibleAsync();
        var taskText = await MyTasksPage.TaskTextOfAsync(row);
        var task = await mine.OpenForProgressAsync(row);
        var taskUrl = page.Url;
        var planId = await task.PlanIdAsync();
        Output.WriteLine($"Task {task.TaskId} of plan {planId}: {taskText}");
        await Expect(task.SaveButton).ToBeVisibleAsync();

        // Before: what the leader's dashboard says about the newspaper.
        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "lanhdao", AppServer.DemoPassword);
        var dashboard = await new DashboardPage(page).GotoAsync(planId);
        await Expect(dashboard.Heading).ToBeVisibleAsync();
        var before = await dashboard.AgencyCountAsync(Newspaper, DashboardPage.DoneOnTime);
        var unfinishedBefore = await dashboard.AgencyCountAsync(Newspaper, DashboardPage.InProgress) + await dashboard.AgencyCountAsync(Newspaper, DashboardPage.NotStarted);
        Assert.True(unfinishedBefore > 0, "the newspaper has unfinished work this year");

        // The officer records progress with an evidence link, then completes the duty.
        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "canbo", AppServer.DemoPassword);
        await page.GotoAsync(taskUrl);
        await task.RecordProgressAsync(80, "Đã đăng 12 bài trên chuyên mục Thông tin đối ngoại tháng 11.", Evidence, completed: false);
        await Expect(task.Notice).ToContainTextAsync("Đã cập nhật tiến độ");
        await Expect(task.HistoryHeading).ToBeVisibleAsync();
        await Expect(task.EvidenceLink(Evidence)).ToBeVisibleAsync();

        await task.RecordProgressAsync(null, "Hoàn thành chuyên mục năm nay.", null, completed: true);
        await Expect(task.Notice).ToContainTextAsync("Đã ghi nhận hoàn thành nhiệm vụ");
        await Expect(task.SummaryStatus).ToHaveTextAsync(DashboardPage.DoneOnTime);

        // The leader's dashboard now counts one more duty of the newspaper done on time.
        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "lanhdao", AppServer.DemoPassword);
        await dashboard.GotoAsync(planId);
        Assert.Equal(before + 1, await dashboard.AgencyCountAsync(Newspaper, DashboardPage.DoneOnTime));
        var unfinishedAfter = await dashboard.AgencyCountAsync(Newspaper, DashboardPage.InProgress) + await dashboard.AgencyCountAsync(Newspaper, DashboardPage.NotStarted);
        Assert.Equal(unfinishedBefore - 1, unfinishedAfter);
        await Expect(dashboard.AgencyRow(Newspaper)).ToContainTextAsync(LightWords());
    });

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>A traffic light is always written in words beside its colour.</summary>
    [GeneratedRegex("(Đỏ – có việc quá hạn|Vàng – có việc hoàn thành chậm|Xanh – đúng tiến độ)")]
    private static partial Regex LightWords();
}
