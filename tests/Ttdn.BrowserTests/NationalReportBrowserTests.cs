using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>The national office opens the provinces' 2022 reports from /Reports and downloads the indicator workbook.</summary>
public sealed class NationalReportBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(server, browser, output)
{
    [Fact]
    public Task The_national_officer_opens_the_provinces_reports_and_downloads_the_workbook() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "trunguong", AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "năm 2022", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng hợp báo cáo các tỉnh năm 2022" })).ToBeVisibleAsync();
        await Expect(page.Locator("#national-count")).ToContainTextAsync("2 tỉnh đã gửi báo cáo tổng hợp");
        await Expect(page.Locator("#sent-provinces tr", new() { HasText = "Điện Biên" })).ToContainTextAsync("27/12/2022");
        await Expect(page.Locator("#by-province tr[data-code='articles-language']").First).ToContainTextAsync("1.560");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải bảng chỉ tiêu các tỉnh (Excel)" }).ClickAsync());
        Assert.Equal("chi-tieu-cac-tinh-2022.xlsx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream(); // the download stream cannot seek; an XLSX is a zip read from its end
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var workbook = SpreadsheetDocument.Open(copy, false);
        var text = string.Join("|", workbook.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet.InnerText));
        Assert.Contains("Ủy ban nhân dân tỉnh Điện Biên", text);
        Assert.Contains("Ủy ban nhân dân tỉnh Thái Nguyên", text);
    });
}
