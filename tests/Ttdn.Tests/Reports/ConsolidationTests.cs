using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Ttdn.Documents;
using Ttdn.Reports;
using Consolidation = Ttdn.Reports.Consolidation;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Reports.ReportsKit;

namespace Ttdn.Tests.Reports;

/// <summary>The demo 2022 reports consolidated: sums and breakdowns, missing and late agencies, the BÁO CÁO document, the workbook, the national level.</summary>
public sealed class ConsolidationTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_annual_consolidation_sums_submitted_reports_by_agency_and_names_the_missing_and_the_late(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await Plan2022Async(app);

        var c = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation"));

        Assert.Equal([DemoReports.MissingAgency], Names(c.GetProperty("missing")));
        Assert.Equal([DemoReports.LateAgency], Names(c.GetProperty("late")));
        Assert.Equal(12, c.GetProperty("sources").GetArrayLength()); // accepted, awaiting review and late all count
        var articles = Indicator(c, "articles-language");
        // Sở TT&TT 420+36, Báo Thái Nguyên 610+48+24, Đài PT-TH 210.
        Assert.Equal(1348m, articles.GetProperty("total").GetDecimal());
        Assert.Equal(84m, Part(articles, "Tiếng Anh"));
        Assert.Equal(24m, Part(articles, "Tiếng Trung"));
        var bao = await OrganisationAsync(app, "Báo Thái Nguyên");
        Assert.Equal(682m, articles.GetProperty("bySource").GetProperty(bao.ToString()).GetDecimal());
        var copies = Indicator(c, "publication-copies");
        Assert.Equal((700m, 700m), (copies.GetProperty("total").GetDecimal(), copies.GetProperty("target").GetDecimal())); // "Xuất bản 700 cuốn" in the plan
        Assert.Equal(JsonValueKind.Null, copies.GetProperty("previousYear").ValueKind); // no 2021 reports
        Assert.Equal(2250m, Indicator(c, "budget-planned").GetProperty("total").GetDecimal());
        var results = c.GetProperty("sections")[0];
        Assert.Contains(results.GetProperty("themes")[6].GetProperty("narratives").EnumerateArray(), n => n.GetProperty("source").GetString() == DemoReports.LateAgency);
        Assert.NotEqual(0, c.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task The_consolidated_document_is_a_BAO_CAO_with_totals_task_table_missing_agencies_recipients_and_signature()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var plan = await Plan2022Async(app);
        var result = await app.WithDbAsync(async db => await Consolidation.ProvinceAsync(db, plan, await ReportActions.TemplateAsync(db, DefaultTemplates.Annual),
            ReportingPeriod.Parse("2022"), new DateOnly(2026, 11, 23)));

        var doc = ReportDocument.Build(result);

        Assert.Equal(("BÁO CÁO", null, "BC-UBND", "Thái Nguyên"), (doc.Kind, doc.Number, doc.Symbol, doc.Place));
        Assert.Equal("Ủy ban nhân dân tỉnh Thái Nguyên", doc.Issuer);
        Assert.Equal("Kết quả thực hiện công tác thông tin đối ngoại năm 2022", doc.Title);
        var headings = doc.Body.OfType<OfficialDocument.Heading>().Where(h => h.Level == 1).Select(h => h.Label + " " + h.Text).ToList();
        Assert.Equal(["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
            " PHỤ LỤC 1. SỐ LIỆU CHI TIẾT THEO CƠ QUAN, ĐƠN VỊ", " PHỤ LỤC 2. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"], headings);
        var paragraphs = doc.Body.OfType<OfficialDocument.Paragraph>().Select(p => p.Text).ToList();
        Assert.StartsWith("Thực hiện Kế hoạch số 241/KH-UBND ngày 28/12/2021", paragraphs[0]);
        Assert.Contains(paragraphs, p => p.Contains($"Còn 1 cơ quan, đơn vị chưa gửi báo cáo: {DemoReports.MissingAgency}.") && p.Contains("Công an tỉnh (ngày 20/12/2022)"));
        var tables = doc.Body.OfType<OfficialDocument.Table>().ToList();
        var indicators = tables[0];
        Assert.Equal(ReportDocument.IndicatorHeader, indicators.Header);
        Assert.Contains(indicators.Rows, r => r[1] == "Tin, bài, phóng sự về thông tin đối ngoại (theo ngôn ngữ)" && r[3] == "1.348");
        Assert.Contains(indicators.Rows, r => r[1] == "- Tiếng Anh" && r[3] == "84");
        Assert.Contains(indicators.Rows, r => r[1] == "Số bản ấn phẩm in, phát hành" && r[3] == "700" && r[6] == "700");
        var tasks = tables[^1];
        Assert.Equal(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Trạng thái", "Tỷ lệ (%)"], tasks.Header);
        Assert.Equal(43, tasks.Rows.Count);
        Assert.All(tasks.Rows, r => Assert.Contains(r[4], new[] { "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện – quá hạn", "Đang thực hiện – trong hạn", "Chưa thực hiện" }));
        Assert.Contains(doc.Body.OfType<OfficialDocument.Bullet>(), b => b.Text.StartsWith("Sở Ngoại vụ: Xuất bản 700 cuốn", StringComparison.Ordinal));
        Assert.Equal("- Bộ Văn hóa, Thể thao và Du lịch (Cục Thông tin cơ sở và Thông tin đối ngoại);", doc.Recipients[0]);
        Assert.Equal("- Lưu: VT, KGVX.", doc.Recipients[^1]);
        Assert.Equal(new OfficialDocument.Signature("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Quang Tiến"), doc.Signer);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_officer_edits_the_final_text_and_number_which_the_document_then_carries(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var canbo = await app.SignedInAsync("canbo");
        var plan = await Plan2022Async(app);
        var url = $"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation";
        var edit = new { texts = new Dictionary<string, string> { ["shortcomings"] = "Nhân lực biên dịch còn thiếu.\nKinh phí hạn chế.", ["intro"] = "Mở đầu." }, number = "350/BC-UBND", issuedOn = "2022-12-26" };

        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PutAsJsonAsync(url, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chuyenvien.PutAsJsonAsync(url, edit with { number = "350/KH-UBND" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chuyenvien.PutAsJsonAsync(url, new { texts = new Dictionary<string, string> { ["nope"] = "x" } })).StatusCode);
        var c = await JsonAsync(await chuyenvien.PutAsJsonAsync(url, edit));
        Assert.Equal("350/BC-UBND", c.GetProperty("number").GetString());

        var doc = await app.WithDbAsync(async db => ReportDocument.Build(await Consolidation.ProvinceAsync(db, plan,
            await ReportActions.TemplateAsync(db, DefaultTemplates.Annual), ReportingPeriod.Parse("2022"), new DateOnly(2026, 11, 23))));
        Assert.Equal(("350/BC-UBND", new DateOnly(2022, 12, 26)), (doc.Number, doc.Date));
        var paragraphs = doc.Body.OfType<OfficialDocument.Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal("Mở đầu.", paragraphs[0]);
        var ii = doc.Body.FindIndex(b => b is OfficialDocument.Heading { Label: "II." });
        Assert.Equal(new OfficialDocument.Paragraph("Nhân lực biên dịch còn thiếu."), doc.Body[ii + 1]);
        Assert.Equal(new OfficialDocument.Paragraph("Kinh phí hạn chế."), doc.Body[ii + 2]);
        Assert.IsType<OfficialDocument.Heading>(doc.Body[ii + 3]);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_indicator_workbook_has_totals_parts_and_a_column_per_agency(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await Plan2022Async(app);

        using var response = await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IndicatorSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var cells = Cells(document, IndicatorSpreadsheet.SheetName);
        Assert.Equal(["STT", "Nhóm", "Chỉ tiêu", "Chi tiết", "Đơn vị tính", "Tổng", "Cùng kỳ năm trước", "Kế hoạch", "Ban Tuyên giáo Tỉnh ủy"],
            Enumerable.Range(1, 9).Select(k => cells[$"{IndicatorSpreadsheet.Column(k)}1"]));
        var baoColumn = Enumerable.Range(9, 12).Select(IndicatorSpreadsheet.Column).Single(col => cells.GetValueOrDefault(col + "1") == "Báo Thái Nguyên");
        Assert.Equal(("1", "Tin, bài, phóng sự về thông tin đối ngoại (theo ngôn ngữ)", "1348", "682"), (cells["A2"], cells["C2"], cells["F2"], cells[baoColumn + "2"]));
        Assert.Equal(("Tiếng Anh", "84", "48"), (cells["D4"], cells["F4"], cells[baoColumn + "4"]));
        var copiesRow = cells.Single(kv => kv.Key.StartsWith('C') && kv.Value == "Số bản ấn phẩm in, phát hành" && cells["D" + kv.Key[1..]] == "").Key[1..];
        Assert.Equal(("700", "700"), (cells["F" + copiesRow], cells["H" + copiesRow]));
        var missing = Cells(document, IndicatorSpreadsheet.MissingSheetName);
        Assert.Equal(("1", DemoReports.MissingAgency), (missing["A2"], missing["B2"]));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_national_office_consolidates_the_provinces_that_sent_their_report(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var chuyenvien = await app.SignedInAsync("chuyenvien");

        Assert.Equal(HttpStatusCode.Forbidden, (await chuyenvien.GetAsync("/api/national-reports/ttdn-national/2022")).StatusCode);
        var c = await JsonAsync(await admin.GetAsync("/api/national-reports/ttdn-national/2022"));

        Assert.Equal(["Ủy ban nhân dân tỉnh Thái Nguyên", "Ủy ban nhân dân tỉnh Điện Biên"], Names(c.GetProperty("sources")).OrderBy(n => n.Contains("Điện", StringComparison.Ordinal)));
        Assert.Contains("Ủy ban nhân dân tỉnh Hưng Yên", Names(c.GetProperty("missing")));
        var articles = Indicator(c, "articles-language");
        Assert.Equal(1348m + 212m, articles.GetProperty("total").GetDecimal());
        Assert.Equal(20m, Part(articles, "Tiếng Lào"));
        var doc = ReportDocument.Build(JsonSerializer.Deserialize<Consolidation.Result>(c.GetRawText(), Json)!);
        Assert.Equal(("Cục Thông tin cơ sở và Thông tin đối ngoại", "Bộ Văn hóa, Thể thao và Du lịch", "BC-TTCS&TTĐN"), (doc.Issuer, doc.ParentIssuer, doc.Symbol));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    internal static Dictionary<string, string> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "");
    }
}
