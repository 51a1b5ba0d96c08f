using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Plans/Import — upload a plan file, review the parse beside the source, fix agencies, save a draft.</summary>
public sealed partial class PlanImportPage(IPage page)
{
    public ILocator File => page.GetByLabel("Tệp kế hoạch", new() { Exact = true });
    public ILocator ReadButton => page.GetByRole(AriaRole.Button, new() { Name = "Đọc tệp", Exact = true });
    public ILocator TaskCount => page.Locator("#task-count");
    public ILocator Encoding => page.Locator("#encoding");
    public ILocator Diagnostics => page.Locator("#diagnostics li");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Lưu thành bản nháp", Exact = true });
    public ILocator Progress => page.Locator("#import-progress");

    public static async Task<PlanImportPage> OpenFromPlansAsync(IPage page)
    {
        await page.GotoAsync("/Plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập kế hoạch từ tệp", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Plans/Import");
        return new PlanImportPage(page);
    }

    public async Task UploadAsync(string path)
    {
        await File.SetInputFilesAsync(path);
        await ReadButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator LeadAgencyOf(string assignmentNumber) =>
        page.Locator($"fieldset.assignment[data-number='{assignmentNumber}']").GetByLabel("Cơ quan chủ trì", new() { Exact = true });

    /// <summary>Saves and returns the new plan's id from the details page the app redirects to.</summary>
    public async Task<int> SaveAsync()
    {
        await SaveButton.ClickAsync();
        await page.WaitForURLAsync(PlanUrl());
        return int.Parse(PlanUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/Plans/(\d+)$")]
    private static partial Regex PlanUrl();
}
