using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>
/// The calendar end to end: May 2022 shows the ATK Định Hóa anniversary, and a propaganda task is drafted from it
/// into a 2022 plan. The demo 2022 plan (241/KH-UBND) is closed, so — as in December 2021 — the lead department
/// first drafts the 2022 plan; the calendar refuses closed plans and says why.
/// </summary>
public sealed class CalendarBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output)
{
    private const string Atk = "Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa";
    private const string PlanTitle = "Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022 (dự thảo lịch)";

    [Fact]
    public Task Lead_officer_sees_ATK_Dinh_Hoa_in_May_2022_and_drafts_a_task_from_it_into_the_2022_plan() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "chuyenvien", AppServer.DemoPassword);

        // May 2022: 20/05 is 20/4 âm lịch, with the 75th anniversary (a round year) on it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Lịch", Exact = true }).ClickAsync();
        var calendar = await new CalendarMonthPage(page).GotoAsync("2022-05");
        await Expect(calendar.Heading).ToHaveTextAsync("Lịch tháng 5/2022");
        await Expect(calendar.LunarDateOf("2022-05-20")).ToHaveTextAsync("20/4");
        var atk = calendar.Entry("2022-05-20", Atk);
        await Expect(atk).ToBeVisibleAsync();
        await Expect(atk).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("round"));
        // On a phone the grid becomes a list of the days that have something on them.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(calendar.Day("2022-05-20")).ToBeVisibleAsync();
        await Expect(calendar.Day("2022-05-21")).ToBeHiddenAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // The year list: the only 2022 plan is closed, so it cannot be chosen and the page says what to do.
        await atk.ClickAsync();
        var year = new AnniversaryYearPage(page);
        await Expect(year.Heading).ToHaveTextAsync("Ngày kỷ niệm năm 2022");
        await Expect(year.NoDraftPlanNotice).ToBeVisibleAsync();
        await Expect(year.PlanSelect.Locator("option", new() { HasText = "241/KH-UBND" })).ToBeDisabledAsync();

        // December 2021, realistically: the lead department drafts the 2022 plan.
        await page.GotoAsync("/Plans/Edit");
        await page.GetByLabel("Trích yếu").FillAsync(PlanTitle);
        await page.GetByLabel("Kỳ kế hoạch từ ngày").FillAsync("01/01/2022");
        await page.GetByLabel("đến ngày").FillAsync("31/12/2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = PlanTitle })).ToBeVisibleAsync();

        // Back to the calendar: tick ATK Định Hóa, draft into the new plan, ten days ahead.
        await calendar.GotoAsync("2022-05");
        await calendar.Entry("2022-05-20", Atk).ClickAsync();
        await Expect(year.NoDraftPlanNotice).ToHaveCountAsync(0);
        await year.Checkbox(Atk).CheckAsync();
        await year.PlanSelect.SelectOptionAsync(new SelectOptionValue { Label = $"{PlanTitle} (Dự thảo)" });
        await year.LeadDays.FillAsync("10");
        await year.AddButton.ClickAsync();

        // The plan now has the task, due 10/05/2022, led by the plan's lead department.
        await Expect(page.Locator(".notice")).ToContainTextAsync("Đã thêm 1 nhiệm vụ tuyên truyền vào kế hoạch");
        var task = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tuyên truyền kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa" });
        await Expect(task).ToBeVisibleAsync();
        await Expect(task).ToContainTextAsync("10/05/2022");
    });
}
