using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>The monitoring section: its sub-menu, the source form, a source's page, search and an item.</summary>
public sealed class MonitoringPages(IPage page)
{
    public ILocator SubMenu(string name) => page.Locator("nav.mon-nav").GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>From the site menu to the monitoring overview, then to one of its pages.</summary>
    public async Task OpenAsync(string subMenu)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Theo dõi báo chí", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/monitor");
        await SubMenu(subMenu).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task<int> AddFeedAsync(string name, string url, string country, string language)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm nguồn tin", Exact = true }).ClickAsync();
        await page.GetByLabel("Tên nguồn", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Địa chỉ (URL)", new() { Exact = true }).FillAsync(url);
        await page.GetByLabel("Định dạng nguồn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "RSS" });
        await page.GetByLabel("Loại nguồn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Báo chí" });
        await page.GetByLabel("Quốc gia", new() { Exact = true }).FillAsync(country);
        await page.GetByLabel("Ngôn ngữ thường dùng", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = language });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nguồn tin", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/monitor/sources/\d+$"));
        return int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public ILocator FetchNowButton => page.GetByRole(AriaRole.Button, new() { Name = "Lấy tin ngay", Exact = true });
    public ILocator FetchOutcome => page.Locator("#fetch-outcome");
    public ILocator Health => page.Locator("#health");
    public ILocator ItemCount => page.Locator("#item-count");
    public ILocator SourceItems => page.Locator("#source-items li");
    public ILocator FetchLogRows => page.Locator("#fetch-log tbody tr");

    public async Task SearchAsync(string words)
    {
        await page.GetByLabel("Từ khóa", new() { Exact = true }).FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator Result(string titleWords) => page.Locator("li.result").Filter(new() { HasText = titleWords });

    public ILocator Tone => page.Locator("#tone");

    public async Task OverrideToneAsync(string tone)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = tone, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu sắc thái", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
