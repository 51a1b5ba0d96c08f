using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>Periodic reporting end to end: the agency submits, the lead department returns it, the agency resubmits, the lead department accepts and consolidates.</summary>
public sealed class ReportBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(server, browser, output)
{
    private const string Articles = "Tin, bài, phóng sự về thông tin đối ngoại (theo ngôn ngữ)";

    [Fact]
    public Task Agency_submits_lead_returns_agency_resubmits_lead_accepts_and_opens_the_consolidation() => RunAsync(async page =>
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        await LoginPage.SignInAsync(page, "canbo", AppServer.DemoPassword);
        var report = await AgencyReportPage.OpenFromReportsAsync(page, $"Lập báo cáo năm {year}");
        var url = page.Url;
        Output.WriteLine($"Report {url}");
        await Expect(report.OverallResults).ToContainTextAsync("Báo Thái Nguyên chủ trì");
        await report.Figure(Articles, "Tiếng Việt").FillAsync("1.200");
        await report.Figure(Articles, "Tiếng Anh").FillAsync("64");
        await report.SubmitAsync();
        await Expect(report.Status).ToHaveTextAsync("Đã gửi");

        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "chuyenvien", AppServer.DemoPassword);
        await page.GotoAsync(url);
        await report.ReturnAsync("Đề nghị bổ sung số tin, bài tiếng Trung.");
        await Expect(report.Status).ToHaveTextAsync("Bị trả lại");

        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "canbo", AppServer.DemoPassword);
        await page.GotoAsync(url);
        await Expect(report.ReturnComment).ToContainTextAsync("Đề nghị bổ sung số tin, bài tiếng Trung.");
        await Expect(report.Figure(Articles, "Tiếng Việt")).ToHaveValueAsync("1.200");
        await report.Figure(Articles, "Tiếng Trung").FillAsync("16");
        await report.SubmitAsync();
        await Expect(report.Status).ToHaveTextAsync("Đã gửi");

        await SignOutAsync(page);
        await LoginPage.SignInAsync(page, "chuyenvien", AppServer.DemoPassword);
        await page.GotoAsync(url);
        await report.AcceptAsync();
        await Expect(report.Status).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(page.Locator("#history")).ToContainTextAsync("Trả lại (chuyenvien): “Đề nghị bổ sung số tin, bài tiếng Trung.”");

        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.Locator("#reviewed tr", new() { HasText = $"năm {year}" }).First.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Báo cáo tổng hợp năm {year}" })).ToBeVisibleAsync();
        await Expect(page.Locator("#indicators tr", new() { HasText = Articles })).ToContainTextAsync("1.280");
        await Expect(page.Locator("#missing")).ToContainTextAsync("chưa gửi báo cáo");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải bảng chỉ tiêu (Excel)" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync());
        Assert.Equal($"bao-cao-{year}.docx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream(); // the download stream cannot seek; a DOCX is a zip read from its end
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(copy, false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains($"Kết quả thực hiện công tác thông tin đối ngoại năm {year}", text);
    });

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
