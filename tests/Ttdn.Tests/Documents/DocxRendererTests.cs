using DocumentFormat.OpenXml.Wordprocessing;
using Ttdn.Documents;

namespace Ttdn.Tests.Documents;

/// <summary>The Decree 30/2020 layout of any official document, independent of plans.</summary>
public sealed class DocxRendererTests
{
    [Theory]
    [InlineData(2021, 12, 28, "ngày 28 tháng 12 năm 2021")]
    [InlineData(2022, 2, 5, "ngày 05 tháng 02 năm 2022")]
    [InlineData(2022, 1, 31, "ngày 31 tháng 01 năm 2022")]
    [InlineData(2021, 3, 9, "ngày 09 tháng 3 năm 2021")]
    [InlineData(2020, 10, 10, "ngày 10 tháng 10 năm 2020")]
    public void Dates_get_a_leading_zero_for_days_below_10_and_months_below_3(int y, int m, int d, string expected) =>
        Assert.Equal(expected, OfficialDocumentText.DateInWords(new DateOnly(y, m, d)));

    [Fact]
    public void A_draft_report_of_a_department_has_the_parent_issuer_blank_number_and_date_and_a_ruled_table()
    {
        var doc = new OfficialDocument
        {
            ParentIssuer = "UBND tỉnh Thái Nguyên",
            Issuer = "Sở Văn hóa, Thể thao và Du lịch",
            Symbol = "BC-SVHTTDL",
            Place = "Thái Nguyên",
            Kind = "Báo cáo",
            Title = "Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2026",
            Body =
            [
                new OfficialDocument.Heading(1, "I.", "KẾT QUẢ THỰC HIỆN"),
                new OfficialDocument.Heading(3, "a)", "Xuất bản phẩm"),
                new OfficialDocument.Bullet("Tờ gấp song ngữ", 2),
                new OfficialDocument.Table(["TT", "Nội dung", "Cơ quan chủ trì"], [["1", "Phát hành 2.000 tờ gấp du lịch song ngữ Việt - Anh", "Sở VHTTDL"]]),
            ],
        };
        using var docx = new DocxReader(DocxRenderer.Render(doc));

        Assert.Empty(docx.ValidationErrors());
        var left = DocxReader.CellLines(docx.Tables()[0].Descendants<TableCell>().First());
        Assert.Equal(["UBND TỈNH THÁI NGUYÊN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Số:        /BC-SVHTTDL"], left);
        Assert.Null(docx.Find("UBND TỈNH THÁI NGUYÊN").Descendants<Bold>().FirstOrDefault());
        Assert.NotNull(docx.Find("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH").Descendants<Bold>().FirstOrDefault());
        Assert.Contains("Thái Nguyên, ngày      tháng      năm      ", docx.Lines());
        Assert.Contains("BÁO CÁO", docx.Lines());
        Assert.Contains("a) Xuất bản phẩm", docx.Lines());
        Assert.Contains("+ Tờ gấp song ngữ", docx.Lines());

        var table = docx.Tables()[1];
        Assert.Equal(3, table.Elements<TableGrid>().Single().Elements<GridColumn>().Count());
        var widths = table.Elements<TableGrid>().Single().Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
        Assert.Equal(DocxRenderer.TextWidth, widths.Sum());
        Assert.True(widths[0] < widths[1], "the TT column is narrower than the content column");
        Assert.All(table.GetFirstChild<TableProperties>()!.TableBorders!.Elements<BorderType>(), b => Assert.Equal(BorderValues.Single, b.Val!.Value));
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Null(docx.Body.Descendants<TableCell>().Skip(1).FirstOrDefault(c => DocxReader.CellLines(c).Contains("Nơi nhận:")));
    }

    [Fact]
    public void Text_that_XML_cannot_carry_is_dropped_rather_than_breaking_the_file()
    {
        var doc = new OfficialDocument
        {
            Issuer = "Ủy ban nhân dân\ntỉnh Thái Nguyên", Kind = "Kế hoạch", Title = "Thử\u0001 ký tự lạ",
            Body = [new OfficialDocument.Paragraph("Dòng một\r\nDòng hai\u0007")],
        };
        using var docx = new DocxReader(DocxRenderer.Render(doc));
        Assert.Empty(docx.ValidationErrors());
        Assert.Contains("Thử ký tự lạ", docx.Lines());
        Assert.Contains("Dòng mộtDòng hai", docx.Lines());
        Assert.Single(docx.Find("Dòng mộtDòng hai").Descendants<Break>());
    }
}
