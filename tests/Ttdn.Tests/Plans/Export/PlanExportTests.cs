using System.Net;
using System.Net.Http.Json;
using Ttdn.Tests.Accounts;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Ttdn.Documents;
using Ttdn.Plans;
using Ttdn.Tests.Documents;
using Ttdn.Tests.Infrastructure;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Tests.Plans.Export;

/// <summary>The demo 2022 plan (241/KH-UBND) downloaded as DOCX reads like the issued document, in the Decree 30 layout.</summary>
public sealed partial class PlanExportTests
{
    internal const string Title = "Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022";

    internal static Task<int> Plan2022IdAsync(TestApp app) =>
        app.WithDbAsync(db => db.Plans.Where(p => p.Number == "241/KH-UBND").Select(p => p.Id).SingleAsync());

    internal static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType, string fileName)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_2022_plan_reads_like_the_issued_document(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("chuyenvien");
        var id = await Plan2022IdAsync(app);
        using var docx = new DocxReader(await DownloadAsync(client, $"/api/plans/{id}/document.docx", DocxRenderer.ContentType, "241-KH-UBND.docx"));

        var header = docx.Tables()[0].Descendants<TableCell>().Select(DocxReader.CellLines).ToList();
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "Số: 241/KH-UBND"], header[0]);
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thái Nguyên, ngày 28 tháng 12 năm 2021"], header[1]);

        var body = docx.BodyParagraphs().Select(DocxReader.Text).ToList();
        Assert.Equal(["KẾ HOẠCH", Title], body[..2]);
        Assert.StartsWith("Thực hiện Nghị định số 72/2015/NĐ-CP ngày 07/9/2015", body[2], StringComparison.Ordinal);
        var sections = body.Where(l => RomanHeading().IsMatch(l)).ToList();
        Assert.Equal(["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. HÌNH THỨC THÔNG TIN VÀ TRUYỀN THÔNG", "IV. KINH PHÍ", "V. TỔ CHỨC THỰC HIỆN"], sections);
        Assert.Equal("1. Mục đích", body[body.IndexOf("I. MỤC ĐÍCH, YÊU CẦU") + 1]);
        Assert.Contains("5. Tuyên truyền, quảng bá ASEAN", body);

        // "Tổ chức thực hiện": one numbered item per agency as written, its duties as "- " lines, word for word.
        var fixture = DemoPlans.ThaiNguyen2022();
        var start = body.IndexOf("V. TỔ CHỨC THỰC HIỆN") + 1;
        var end = body.FindIndex(l => l.StartsWith("Trên đây là", StringComparison.Ordinal));
        var assignments = new List<(string Heading, List<string> Tasks)>();
        foreach (var line in body[start..end])
            if (line.StartsWith("- ", StringComparison.Ordinal)) assignments[^1].Tasks.Add(line[2..]);
            else assignments.Add((line, []));
        Assert.Equal(fixture.Assignments.Select(a => $"{a.Number}. {a.AgencyAsWritten}"), assignments.Select(a => a.Heading));
        Assert.Equal([2, 1, 8, 4, 2, 4, 3, 3, 1, 3, 2, 2, 1, 7], assignments.Select(a => a.Tasks.Count));
        Assert.Equal(43, assignments.Sum(a => a.Tasks.Count));
        // Stored texts are normalised to the canonical tone placement (decision 0006), so "văn hoá" is printed "văn hóa".
        foreach (var (expected, actual) in fixture.Assignments.SelectMany(a => a.Tasks).Select(t => VietnameseText.Normalize(t.Text)).Zip(assignments.SelectMany(a => a.Tasks)))
            Assert.Equal(expected, actual);
        Assert.Contains("Xuất bản 700 cuốn Thái Nguyên Hội nhập và Phát triển bằng song ngữ Việt Anh.", assignments[3].Tasks);

        var closing = docx.Tables()[^1].Descendants<TableCell>().Select(DocxReader.CellLines).ToList();
        Assert.Equal("Nơi nhận:", closing[0][0]);
        Assert.Equal(11, closing[0].Count - 1);
        Assert.Equal("- Bộ Thông tin và Truyền thông;", closing[0][1]);
        Assert.Equal("- Lưu: VT, KGVX, TH.", closing[0][^1]);
        Assert.All(closing[0].Skip(1), r => Assert.StartsWith("- ", r, StringComparison.Ordinal));
        Assert.Equal(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Quang Tiến"], closing[1]);
    }

    [Fact]
    public async Task The_2022_plan_has_the_Decree_30_page_fonts_header_table_and_page_numbers_from_page_two()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("lanhdao");
        var id = await Plan2022IdAsync(app);
        using var docx = new DocxReader(await DownloadAsync(client, $"/api/plans/{id}/document.docx", DocxRenderer.ContentType, "241-KH-UBND.docx"));
        Assert.Empty(docx.ValidationErrors());

        var section = docx.Body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // A4 portrait
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange(margin.Top!.Value, Mm(20), Mm(25));
        Assert.InRange(margin.Bottom!.Value, Mm(20), Mm(25));
        Assert.InRange((int)margin.Left!.Value, Mm(30), Mm(35));
        Assert.InRange((int)margin.Right!.Value, Mm(15), Mm(20));

        var defaults = docx.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("Times New Roman", defaults.RunFonts.HighAnsi!.Value);
        Assert.InRange(int.Parse(defaults.FontSize!.Val!.Value!), 26, 28);
        Assert.Empty(docx.Body.Descendants<RunFonts>()); // nothing overrides the font

        var header = docx.Tables()[0];
        Assert.Equal(2, header.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        var borders = header.GetFirstChild<TableProperties>()!.TableBorders!.Elements<BorderType>().ToList();
        Assert.Equal(6, borders.Count);
        Assert.All(borders, b => Assert.Equal(BorderValues.None, b.Val!.Value));
        Assert.True(IsBold(docx.Find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) && IsBold(docx.Find("Độc lập - Tự do - Hạnh phúc")));
        Assert.NotNull(docx.Find("Thái Nguyên, ngày 28 tháng 12 năm 2021").Descendants<Italic>().FirstOrDefault());
        // The short lines under issuer, motto and title: empty paragraphs with a top border, narrower than their column.
        Assert.Equal(3, docx.Body.Descendants<ParagraphBorders>().Count(b => b.TopBorder?.Val?.Value == BorderValues.Single));

        var kind = docx.Find("KẾ HOẠCH");
        Assert.True(IsBold(kind) && kind.ParagraphProperties!.Justification!.Val!.Value == JustificationValues.Center);
        var item = docx.Find("- Xuất bản 700 cuốn Thái Nguyên Hội nhập và Phát triển bằng song ngữ Việt Anh.");
        Assert.Equal(JustificationValues.Both, item.ParagraphProperties!.Justification!.Val!.Value);
        Assert.True(int.Parse(item.ParagraphProperties.Indentation!.FirstLine!.Value!) > 0);
        var recipientsLabel = docx.Find("Nơi nhận:");
        Assert.True(IsBold(recipientsLabel) && recipientsLabel.Descendants<Italic>().Any());
        Assert.Equal("24", recipientsLabel.Descendants<FontSize>().Single().Val!.Value);
        Assert.Equal("22", docx.Find("- Bộ Thông tin và Truyền thông;").Descendants<FontSize>().Single().Val!.Value);
        Assert.True(IsBold(docx.Find("Lê Quang Tiến")));

        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var main = docx.Package.MainDocumentPart;
        string Header(HeaderFooterValues type) => section.Elements<HeaderReference>().Single(h => h.Type!.Value == type).Id!.Value!;
        var others = ((DocumentFormat.OpenXml.Packaging.HeaderPart)main.GetPartById(Header(HeaderFooterValues.Default))).Header!;
        var first = ((DocumentFormat.OpenXml.Packaging.HeaderPart)main.GetPartById(Header(HeaderFooterValues.First))).Header!;
        var field = others.Descendants<SimpleField>().Single();
        Assert.Equal("PAGE", field.Instruction!.Value!.Trim());
        Assert.Equal(JustificationValues.Center, others.Descendants<Justification>().Single().Val!.Value);
        Assert.Empty(first.Descendants<SimpleField>());
    }

    [Fact]
    public void A_parsed_plan_renders_straight_from_its_document_with_the_same_structure()
    {
        var fixture = DemoPlans.ThaiNguyen2022();
        var doc = Ttdn.Plans.Export.PlanExport.From(fixture);
        Assert.Equal(("Ủy ban nhân dân\ntỉnh Thái Nguyên", "241/KH-UBND", "KH-UBND", "Thái Nguyên"), (doc.Issuer, doc.Number, doc.Symbol, doc.Place));
        Assert.Equal(new OfficialDocument.Signature("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Quang Tiến"), doc.Signer);
        Assert.Equal(11, doc.Recipients.Count);
        var headings = doc.Body.OfType<OfficialDocument.Heading>().Where(h => h.Level == 1).Select(h => $"{h.Label} {h.Text}");
        Assert.Equal(["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. HÌNH THỨC THÔNG TIN VÀ TRUYỀN THÔNG", "IV. KINH PHÍ", "V. TỔ CHỨC THỰC HIỆN"], headings);
        var assignments = doc.Body.FindIndex(b => b is OfficialDocument.Heading { Level: 1, Text: Ttdn.Plans.Export.PlanExport.AssignmentsHeading });
        Assert.Equal(14, doc.Body.Skip(assignments).OfType<OfficialDocument.Heading>().Count(h => h.Level == 2));
        Assert.Equal(43, doc.Body.Skip(assignments).OfType<OfficialDocument.Bullet>().Count());

        using var docx = new DocxReader(DocxRenderer.Render(doc));
        Assert.Empty(docx.ValidationErrors());
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "Số: 241/KH-UBND"], DocxReader.CellLines(docx.Tables()[0].Descendants<TableCell>().First()));
    }

    [Fact]
    public void A_duty_whose_wording_lacks_its_deadline_or_coordinators_gets_them_in_brackets()
    {
        var bare = new PlanDocument.TaskItem("Tổ chức hội nghị tập huấn", "quý III/2026", ["Sở Ngoại vụ", "Công an tỉnh"], null, null, null);
        Assert.Equal("Tổ chức hội nghị tập huấn (phối hợp: Sở Ngoại vụ, Công an tỉnh; thời hạn: quý III/2026)", Ttdn.Plans.Export.PlanExport.TaskLine(bare));
        var stated = bare with { Text = "Chủ trì, phối hợp với Sở Ngoại vụ tổ chức hội nghị tập huấn trong Quý III/2026" };
        Assert.Equal(stated.Text, Ttdn.Plans.Export.PlanExport.TaskLine(stated));
    }

    private static int Mm(int mm) => (int)Math.Round(mm * 1440 / 25.4);

    private static bool IsBold(Paragraph p) => p.Descendants<Run>().All(r => r.RunProperties?.Bold is not null);

    [GeneratedRegex(@"^[IVX]+\. ")]
    private static partial Regex RomanHeading();
}

/// <summary>Plans that are not the issued 2022 one: a draft without number or date, and this year's copy.</summary>
public sealed class PlanExportDraftTests
{
    [Fact]
    public async Task A_draft_copy_prints_blanks_for_number_and_date_and_is_named_after_its_id()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("chuyenvien");
        var id = await PlanExportTests.Plan2022IdAsync(app);
        using var copy = await client.PostAsJsonAsync($"/api/plans/{id}/copy", new { year = 2027 });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var draft = (await copy.Content.ReadFromJsonAsync<PlanQueries.Summary>(AccountsKit.Json))!;

        using var docx = new DocxReader(await PlanExportTests.DownloadAsync(client, $"/api/plans/{draft.Id}/document.docx",
            DocxRenderer.ContentType, $"du-thao-ke-hoach-{draft.Id}.docx"));
        var header = docx.Tables()[0].Descendants<TableCell>().Select(DocxReader.CellLines).ToList();
        Assert.Equal("Số:        /KH-UBND", header[0][^1]);
        Assert.Equal("Thái Nguyên, ngày      tháng      năm      ", header[1][^1]);
        Assert.Contains("Công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2027", docx.Lines());
        Assert.Empty(docx.ValidationErrors());
    }

    [Fact]
    public async Task This_years_plan_downloads_under_a_Vietnamese_file_name()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInAsync("canbo");
        var id = await app.WithDbAsync(db => db.Plans.Where(p => p.CopiedFromId != null).Select(p => p.Id).SingleAsync());
        using var response = await client.GetAsync($"/Plans/{id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("15-KH-UBND (mẫu 2026).docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }
}
