using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/calendar?month=yyyy-MM — the month grid with lunar dates, anniversaries, deadlines and events.</summary>
public sealed class CalendarMonthPage(IPage page)
{
    public async Task<CalendarMonthPage> GotoAsync(string month)
    {
        await page.GotoAsync($"/calendar?month={month}");
        return this;
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The grid cell of a day (yyyy-MM-dd).</summary>
    public ILocator Day(string isoDate) => page.Locator($"[data-date=\"{isoDate}\"]");

    public ILocator LunarDateOf(string isoDate) => Day(isoDate).Locator(".lunar");

    public ILocator Entry(string isoDate, string text) => Day(isoDate).GetByRole(AriaRole.Link).Filter(new() { HasText = text });
}

/// <summary>/calendar/anniversaries?year=yyyy — the year's list, with checkboxes to draft tasks into a plan.</summary>
public sealed class AnniversaryYearPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator NoDraftPlanNotice => page.Locator(".notice").Filter(new() { HasText = "đang là dự thảo" });
    public ILocator PlanSelect => page.GetByLabel("Thêm vào kế hoạch");
    public ILocator LeadDays => page.GetByLabel("Hạn hoàn thành trước ngày kỷ niệm (số ngày)");
    public ILocator AddButton => page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ vào kế hoạch", Exact = true });

    /// <summary>The checkbox whose label (the plans' sentence) contains <paramref name="text"/>.</summary>
    public ILocator Checkbox(string text) => page.GetByRole(AriaRole.Checkbox, new() { Name = text });

    public ILocator Row(string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });
}
