using DocumentFormat.OpenXml.Packaging;
using Ttdn.Reports;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Reports;

/// <summary><c>ttdn report render</c> on the demo database, as a real process.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "ttdn-report-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Report_render_names_the_agencies_that_have_not_submitted_and_writes_the_workbook()
    {
        var xlsx = Path.Combine(_dataDir, "chi-tieu-2022.xlsx");
        Directory.CreateDirectory(_dataDir);
        var (docx, pdf) = (Path.Combine(_dataDir, "bao-cao-2022.docx"), Path.Combine(_dataDir, "bao-cao-2022.pdf"));
        var (exit, output) = await TtdnProcess.RunAsync("report", "render", "--plan", "241/KH-UBND", "--period", "2022", "--xlsx", xlsx,
            "--docx", docx, "--pdf", pdf, "--data-dir", _dataDir);

        Assert.Equal(0, exit);
        Assert.Contains("Chưa gửi báo cáo (1):", output);
        Assert.Contains($"  - {DemoReports.MissingAgency}", output);
        Assert.Contains("Gửi muộn: Công an tỉnh (ngày 20/12/2022)", output);
        Assert.Contains("Số bản ấn phẩm in, phát hành: 700 cuốn (kế hoạch 700)", output);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var cells = ConsolidationTests.Cells(document, IndicatorSpreadsheet.SheetName);
        Assert.Equal("1348", cells["F2"]);

        // The BÁO CÁO itself, in the Decree 30 layout, as Word and as PDF.
        using (var report = new Ttdn.Tests.Documents.DocxReader(await File.ReadAllBytesAsync(docx)))
        {
            var lines = report.Lines();
            Assert.Contains("BÁO CÁO", lines);
            Assert.Contains(lines, l => l.StartsWith("Kết quả thực hiện công tác thông tin đối ngoại", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains(DemoReports.MissingAgency, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("I.", StringComparison.Ordinal));
            Assert.Empty(report.ValidationErrors());
        }
        var pdfText = await Ttdn.Tests.Plans.Export.PlanPdfTests.PdfToTextAsync(await File.ReadAllBytesAsync(pdf));
        Assert.Contains("BÁO CÁO", pdfText);
        Assert.Contains(DemoReports.MissingAgency, pdfText.Replace("\n", " "));

        var (badExit, badOutput) = await TtdnProcess.RunAsync("report", "render", "--plan", "241/KH-UBND", "--period", "2022-H3", "--data-dir", _dataDir);
        Assert.Equal(2, badExit);
        Assert.Contains("Nửa năm là H1 hoặc H2", badOutput);
        var (quarterExit, quarter) = await TtdnProcess.RunAsync("report", "render", "--plan", "241/KH-UBND", "--period", "2022-Q3", "--data-dir", _dataDir);
        Assert.Equal(0, quarterExit);
        Assert.Contains("Chưa gửi báo cáo (13):", quarter); // nobody filed quarterly reports in the demo
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
