using DocumentFormat.OpenXml.Packaging;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>An officer downloads the issued plan as a Word file from its page.</summary>
public sealed class PlanDocumentBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output)
{
    [Fact]
    public Task Officer_downloads_the_2022_plan_as_DOCX_and_it_opens_with_its_number_and_title() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "chuyenvien", AppServer.DemoPassword);
        var plan = await PlanPage.OpenFromListAsync(page, "241/KH-UBND");
        await Expect(plan.PdfButton).ToBeVisibleAsync();

        var (name, bytes) = await plan.DownloadDocxAsync();

        Assert.Equal("241-KH-UBND.docx", name);
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();
        Assert.Contains("Số: 241/KH-UBND", paragraphs);
        Assert.Contains("Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022", paragraphs);
    });
}
