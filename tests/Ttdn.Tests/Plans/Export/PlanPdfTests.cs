using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Ttdn.Documents;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Plans.Export;

/// <summary>The PDF comes from LibreOffice (installed by scripts/install-test-deps.sh); without it the user is told to take the DOCX.</summary>
public sealed class PlanPdfTests
{
    [Fact]
    public async Task The_2022_plan_as_PDF_carries_the_header_title_and_signer_with_page_numbers_from_page_two()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("khach");
        var id = await PlanExportTests.Plan2022IdAsync(app);
        var pdf = await PlanExportTests.DownloadAsync(client, $"/api/plans/{id}/document.pdf", PdfConverter.ContentType, "241-KH-UBND.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var all = await PdfToTextAsync(pdf);
        foreach (var expected in (string[])["ỦY BAN NHÂN DÂN", "Số: 241/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thái Nguyên, ngày 28 tháng 12 năm 2021",
                     "KẾ HOẠCH", PlanExportTests.Title, "V. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Quang Tiến"])
            Assert.Contains(expected, all, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"^\s*1\s*$", (await PdfToTextAsync(pdf, page: 1)).Split('\n')[0]);
        Assert.Equal("2", (await PdfToTextAsync(pdf, page: 2)).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
    }

    [Fact]
    public async Task Without_LibreOffice_the_API_and_the_plan_page_say_so_and_the_DOCX_still_downloads()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, new() { ["Documents:Soffice"] = "/nonexistent/libreoffice/soffice" });
        var client = await app.SignedInAsync("chuyenvien");
        var id = await PlanExportTests.Plan2022IdAsync(app);

        using var api = await client.GetAsync($"/api/plans/{id}/document.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.StartsWith("Chưa cài LibreOffice nên không tạo được PDF; tải bản DOCX", problem!.Detail, StringComparison.Ordinal);

        using var page = await client.GetAsync($"/Plans/{id}?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Chưa cài LibreOffice nên không tạo được PDF; tải bản DOCX", html, StringComparison.Ordinal);
        Assert.Contains($"/Plans/{id}?handler=Docx", html, StringComparison.Ordinal);

        await PlanExportTests.DownloadAsync(client, $"/Plans/{id}?handler=Docx", DocxRenderer.ContentType, "241-KH-UBND.docx");
    }

    internal static async Task<string> PdfToTextAsync(byte[] pdf, int? page = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ttdn-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            if (page is { } p) foreach (var a in (string[])["-f", $"{p}", "-l", $"{p}"]) start.ArgumentList.Add(a);
            foreach (var a in (string[])["-enc", "UTF-8", file, "-"]) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        finally { File.Delete(file); }
    }
}
