using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Reports/Agency/{id} — an organisation's periodic report: narratives, figures, submission and review.</summary>
public sealed class AgencyReportPage(IPage page)
{
    public ILocator Status => page.Locator("#report-status");
    public ILocator ReturnComment => page.Locator("#return-comment");
    public ILocator Notice => page.GetByRole(AriaRole.Status);
    public ILocator OverallResults => page.GetByLabel("Kết quả chung", new() { Exact = true });
    public ILocator Comment => page.GetByLabel("Ý kiến khi trả lại", new() { Exact = true });

    public ILocator Figure(string indicator, string part) => page.GetByLabel($"{indicator} {part}", new() { Exact = true });

    public static async Task<AgencyReportPage> OpenFromReportsAsync(IPage page, string buttonText)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/Reports/Agency/*");
        return new AgencyReportPage(page);
    }

    public async Task SubmitAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task ReturnAsync(string comment)
    {
        await Comment.FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task AcceptAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
