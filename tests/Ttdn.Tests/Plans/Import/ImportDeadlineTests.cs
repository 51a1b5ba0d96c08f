using DocumentFormat.OpenXml.Wordprocessing;
using Ttdn.Plans;
using Ttdn.Plans.Import;

namespace Ttdn.Tests.Plans.Import;

/// <summary>Deadline phrases of imported duties, in a sentence or in a "Thời gian thực hiện" column, resolved against the plan period.</summary>
public sealed class ImportDeadlineTests
{
    private static ImportJson.ImportedTask[] Tasks(params (string Content, string Time)[] rows)
    {
        var docx = TestDocx.Build(body =>
        {
            foreach (var line in new[] { "Số: 12/KH-UBND", "Thái Nguyên, ngày 05 tháng 01 năm 2023", "KẾ HOẠCH", "Thông tin đối ngoại năm 2023",
                "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Quảng bá hình ảnh tỉnh.", "II. TỔ CHỨC THỰC HIỆN" })
                body.Append(new Paragraph(new Run(new Text(line))));
            var table = new Table(new TableRow(new[] { "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện" }
                .Select(h => new TableCell(new Paragraph(new Run(new Text(h)))))));
            var n = 0;
            foreach (var (content, time) in rows)
                table.Append(new TableRow(new[] { (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), content, "Sở Ngoại vụ", "", time }
                    .Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))));
            body.Append(table);
            foreach (var line in new[] { "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A" })
                body.Append(new Paragraph(new Run(new Text(line))));
        });
        var result = PlanImporter.Import(new MemoryStream(docx), "kh.docx");
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), (result.Plan.PeriodStart!.Value, result.Plan.PeriodEnd!.Value));
        return [.. ImportJson.From(result).Assignments.SelectMany(a => a.Tasks)];
    }

    [Fact]
    public void Deadlines_in_the_time_column_are_resolved_within_the_plan_year()
    {
        var tasks = Tasks(("Xuất bản bản tin đối ngoại", "Quý II"), ("Tổ chức họp báo", "Trước ngày 15/3"), ("Giao ban báo chí", "Hằng tháng"),
            ("Cung cấp thông tin", "Đột xuất"), ("Báo cáo kết quả", "6 tháng đầu năm"));
        Assert.Equal(new ImportJson.ImportedDeadline("Quý II", new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30)), tasks[0].Deadline);
        Assert.Equal(new DateOnly(2023, 3, 15), tasks[1].Deadline!.To);
        Assert.Equal("Monthly", tasks[2].Recurrence);
        Assert.Equal(("Đột xuất", (DateOnly?)null), (tasks[3].Deadline!.Text, tasks[3].Deadline!.To));
        Assert.Equal(new DateOnly(2023, 6, 30), tasks[4].Deadline!.To);
    }

    [Fact]
    public void A_deadline_phrase_inside_the_duty_sentence_is_found_and_a_time_that_is_no_date_is_reported()
    {
        var result = PlanImporter.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n",
            "Số: 3/KH-UBND", "Thái Nguyên, ngày 02 tháng 01 năm 2023", "KẾ HOẠCH", "Thông tin đối ngoại năm 2023",
            "I. TỔ CHỨC THỰC HIỆN", "1. Sở Ngoại vụ",
            "- Tổng hợp, báo cáo UBND tỉnh trước ngày 20 hằng quý.",
            "- Xuất bản 2.000 tờ gấp song ngữ Việt - Trung trong Quý III/2023.",
            "Nơi nhận:", "- Như trên;", "CHỦ TỊCH", "Nguyễn Văn B"))), "kh.txt");
        var tasks = ImportJson.From(result).Assignments.Single().Tasks;
        Assert.Equal("Quarterly", tasks[0].Recurrence);
        Assert.Equal(new ImportJson.ImportedDeadline("trong Quý III/2023", new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30)) with { Text = tasks[1].Deadline!.Text }, tasks[1].Deadline);
        Assert.Equal(new ImportJson.ImportedTarget(2000, "tờ gấp", ["vi", "zh"]) with { Languages = tasks[1].Targets.Single().Languages }, tasks[1].Targets.Single());
        Assert.Equal(["vi", "zh"], tasks[1].Targets.Single().Languages);
        Assert.Equal(new PlanDocument.SignerInfo("Nguyễn Văn B", null, "CHỦ TỊCH"), result.Plan.Signer);

        var odd = Tasks(("Tổ chức hội thảo", "Theo chỉ đạo của UBND tỉnh"));
        Assert.Equal(("Theo chỉ đạo của UBND tỉnh", (DateOnly?)null), (odd[0].Deadline!.Text, odd[0].Deadline!.To));
    }
}
