using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Plans/{id} — a plan with its assignments, workflow and document downloads.</summary>
public sealed class PlanPage(IPage page)
{
    public ILocator DocxButton => page.GetByRole(AriaRole.Link, new() { Name = "Tải về DOCX", Exact = true });
    public ILocator PdfButton => page.GetByRole(AriaRole.Link, new() { Name = "Tải về PDF", Exact = true });

    /// <summary>From the plan list, the plan with this number (the list's first column).</summary>
    public static async Task<PlanPage> OpenFromListAsync(IPage page, string number)
    {
        await page.GotoAsync("/Plans");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = number, Exact = true }) });
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return new PlanPage(page);
    }

    /// <summary>Clicks "Tải về DOCX" and returns the downloaded file's name and bytes.</summary>
    public async Task<(string FileName, byte[] Bytes)> DownloadDocxAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => DocxButton.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
