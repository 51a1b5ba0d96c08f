using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Cli;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Hosting;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Reports;

/// <summary>
/// <c>ttdn report render --plan 241/KH-UBND --period 2022 [--docx out.docx] [--pdf out.pdf] [--xlsx out.xlsx]</c>: the consolidated report of a period from
/// what is in the database, naming the agencies that have not submitted.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Số ký hiệu (241/KH-UBND) hoặc mã kế hoạch (plan number or id)", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ: 2022, 2022-H1, 2022-Q3, 2022-05, 2022-07..2023-06 (period)", Required = true };
        var template = new Option<string?>("--template") { Description = "Mã mẫu báo cáo, mặc định theo loại kỳ (template code; default by period kind)" };
        var xlsx = new Option<string?>("--xlsx") { Description = "Ghi bảng chỉ tiêu ra tệp Excel (write the indicator tables)" };
        var docx = new Option<string?>("--docx") { Description = "Ghi báo cáo ra tệp Word theo thể thức Nghị định 30/2020 (write the report as DOCX)" };
        var pdf = new Option<string?>("--pdf") { Description = "Ghi báo cáo ra tệp PDF, cần LibreOffice (write the report as PDF; needs LibreOffice)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var render = new Command("render", "Báo cáo tổng hợp của một kỳ — the consolidated report of a period") { plan, period, template, docx, pdf, xlsx, json };
        render.SetAction(async (parse, ct) =>
        {
            await using var app = CommandLine.BuildHost(parse);
            await Initialiser.RunAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var key = parse.GetValue(plan)!.Trim();
            var planId = int.TryParse(key, out var n) ? n : await db.Plans.Where(p => p.Number == key).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) ?? 0;
            if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
            {
                Console.Error.WriteLine($"Không tìm thấy kế hoạch \"{key}\". Xem danh sách: ttdn plan list. (Plan not found.)");
                return 2;
            }
            Consolidation.Result result;
            try
            {
                var p = ReportingPeriod.Parse(parse.GetValue(period));
                var code = parse.GetValue(template) ?? await DefaultTemplateAsync(db, p, ct);
                var (t, resolved) = await ConsolidationActions.ResolveAsync(db, code, p.Label, ct);
                result = await Consolidation.ProvinceAsync(db, planId, t, resolved, TaskActions.Today(clock), ct);
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            // Rendered only when a file is asked for.
            var document = new Lazy<byte[]>(() => DocxRenderer.Render(ReportDocument.Build(result)));
            if (parse.GetValue(docx) is { } docxFile)
            {
                await File.WriteAllBytesAsync(docxFile, document.Value, ct);
                Console.Error.WriteLine($"Đã ghi báo cáo: {docxFile}");
            }
            if (parse.GetValue(pdf) is { } pdfFile)
            {
                try
                {
                    await File.WriteAllBytesAsync(pdfFile, await scope.ServiceProvider.GetRequiredService<PdfConverter>().ConvertAsync(document.Value, ct), ct);
                    Console.Error.WriteLine($"Đã ghi báo cáo PDF: {pdfFile}");
                }
                catch (DomainException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 3;
                }
            }
            if (parse.GetValue(xlsx) is { } file)
            {
                await File.WriteAllBytesAsync(file, IndicatorSpreadsheet.Write(result), ct);
                Console.Error.WriteLine($"Đã ghi bảng chỉ tiêu: {file}");
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, DemoPlans.Json));
                return 0;
            }
            Print(result);
            return 0;
        });
        return new Command("report", "Báo cáo định kỳ — periodic reports") { render };
    }

    private static async Task<string> DefaultTemplateAsync(AppDb db, ReportingPeriod period, CancellationToken ct)
    {
        var candidates = await db.ReportTemplates.AsNoTracking().Where(t => t.Level == ReportLevel.Province && t.PeriodKind == period.Kind)
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.Id).ToListAsync(ct);
        return candidates.FirstOrDefault(t => t.PeriodKind != PeriodKind.Custom || t.StartMonth == period.Start.Month)?.Code
            ?? throw new DomainException($"Chưa có mẫu báo cáo nào cho kỳ {period.Label}: quản trị hệ thống thêm mẫu tại /Reports/Templates. (No template for this kind of period.)");
    }

    private static void Print(Consolidation.Result c)
    {
        Console.WriteLine($"BÁO CÁO {c.Number ?? "…/BC-UBND"}: Kết quả thực hiện công tác thông tin đối ngoại {c.Period.Vietnamese}");
        Console.WriteLine($"Kế hoạch {c.PlanNumber ?? c.PlanTitle} · mẫu {c.TemplateName} · {c.Sources.Count} đơn vị đã gửi báo cáo");
        Console.WriteLine(c.Missing.Count == 0 ? "Tất cả các đơn vị đã gửi báo cáo." : $"Chưa gửi báo cáo ({c.Missing.Count}):");
        foreach (var m in c.Missing) Console.WriteLine($"  - {m.Name}");
        foreach (var l in c.Late) Console.WriteLine($"Gửi muộn: {l.Name} (ngày {Lang.Date(l.SubmittedOn)})");
        Console.WriteLine("Chỉ tiêu:");
        foreach (var i in c.Indicators.Where(i => i.Total != 0 || i.PreviousYear is not null))
            Console.WriteLine($"  {i.Name}: {ReportDocument.Number(i.Total)} {i.Unit}" +
                (i.PreviousYear is { } prev ? $" (cùng kỳ năm trước {ReportDocument.Number(prev)})" : "") + (i.Target is { } t ? $" (kế hoạch {ReportDocument.Number(t)})" : ""));
        Console.WriteLine($"Nhiệm vụ: {c.Tally.Total} lượt, hoàn thành {c.Tally.Done}, quá hạn {c.Tally.Overdue}, chưa thực hiện {c.Tally.NotStarted}.");
    }
}
