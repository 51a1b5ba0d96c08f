using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Tasks/Mine — "Việc của tôi": the duties the officer's organisation leads or co-ordinates, by period.</summary>
public sealed partial class MyTasksPage(IPage page)
{
    public const string Path = "/Tasks/Mine";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Việc của tôi", Exact = true, Level = 1 });
    public ILocator PeriodSelect => page.GetByLabel("Kỳ", new() { Exact = true });
    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true });

    /// <summary>The list ("Việc của đơn vị, sắp theo hạn" caption), one row per occurrence shown.</summary>
    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Việc của đơn vị, sắp theo hạn" });
    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);

    /// <summary>Rows of one plan (matched on the plan column's text, e.g. "15/KH-UBND") that the officer can still report on.</summary>
    public ILocator UnfinishedRowsOfPlan(string planNumber) =>
        Rows.Filter(new() { HasText = planNumber }).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = ReportLinkName() }) });

    /// <summary>"Việc của tôi" in the main navigation.</summary>
    public static async Task<MyTasksPage> OpenFromMenuAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })
            .GetByRole(AriaRole.Link, new() { Name = "Việc của tôi", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals(Path, StringComparison.OrdinalIgnoreCase));
        return new MyTasksPage(page);
    }

    /// <summary>Chooses a period by its value (month, quarter, year) and shows it.</summary>
    public async Task ShowPeriodAsync(string value)
    {
        await PeriodSelect.SelectOptionAsync(new SelectOptionValue { Value = value });
        await ShowButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("Period=" + value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The task text shown in a row (its first link).</summary>
    public static Task<string> TaskTextOfAsync(ILocator row) => row.GetByRole(AriaRole.Link).First.InnerTextAsync();

    /// <summary>Follows a row's "Cập nhật tiến độ" link to the task page's progress form.</summary>
    public async Task<TaskPage> OpenForProgressAsync(ILocator row)
    {
        await row.GetByRole(AriaRole.Link, new() { NameRegex = ReportLinkName() }).ClickAsync();
        await page.WaitForURLAsync(TaskPage.UrlPattern());
        return new TaskPage(page);
    }

    [GeneratedRegex("^Cập nhật tiến độ")]
    private static partial Regex ReportLinkName();
}
