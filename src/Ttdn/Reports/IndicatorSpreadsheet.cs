using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ttdn.Reports;

/// <summary>
/// The consolidation's indicator tables as a workbook: sheet "Chỉ tiêu" with one row per indicator and one per breakdown
/// part, the totals, last year, the plan's target and a column per agency (or province); sheet "Chưa báo cáo" lists who
/// did not report. Figures are numbers, so officials can sum and chart them.
/// </summary>
public static class IndicatorSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Chỉ tiêu", MissingSheetName = "Chưa báo cáo";
    public static readonly string[] FixedHeaders = ["STT", "Nhóm", "Chỉ tiêu", "Chi tiết", "Đơn vị tính", "Tổng", "Cùng kỳ năm trước", "Kế hoạch"];

    public static byte[] Write(Consolidation.Result c)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                    new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
                new CellFormats(new CellFormat { FontId = 0 }, new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

            var headers = FixedHeaders.Concat(c.Sources.Select(s => s.Name)).ToArray();
            var rows = new List<Cell[]> { headers.Select(h => Text(h, bold: true)).ToArray() };
            foreach (var (i, n) in c.Indicators.Select((i, n) => (i, n + 1)))
            {
                rows.Add([Number(n), Text(i.Group), Text(i.Name, bold: true), Text(""), Text(i.Unit), Number(i.Total), Maybe(i.PreviousYear), Maybe(i.Target),
                    .. c.Sources.Select(s => Maybe(i.BySource.TryGetValue(s.Id, out var v) ? v : null))]);
                foreach (var p in i.Parts)
                    rows.Add([Text(""), Text(i.Group), Text(i.Name), Text(p.Part), Text(i.Unit), Number(p.Total), Text(""), Text(""),
                        .. c.Sources.Select(s => Maybe(p.BySource.TryGetValue(s.Id, out var v) ? v : null))]);
            }
            var missing = new List<Cell[]> { new[] { Text("STT", true), Text(c.Level == ReportLevel.National ? "Tỉnh, thành phố" : "Cơ quan, đơn vị", true) } };
            missing.AddRange(c.Missing.Select((m, k) => new[] { Number(k + 1), Text(m.Name) }));

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, SheetName, rows, [6, 26, 50, 24, 14, 12, 14, 12, .. c.Sources.Select(_ => 16.0)]);
            AddSheet(workbook, sheets, 2, MissingSheetName, missing, [6, 60]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, List<Cell[]> rows, double[] widths)
    {
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r];
            for (var k = 0; k < cells.Length; k++) cells[k].CellReference = $"{Column(k + 1)}{r + 1}";
            data.Append(new Row(cells) { RowIndex = (uint)r + 1 });
        }
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(
            new Columns(widths.Select((w, k) => new Column { Min = (uint)k + 1, Max = (uint)k + 1, Width = w, CustomWidth = true })), data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell Text(string text, bool bold = false) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = bold ? 1u : null };

    /// <summary>Written without trailing zeros: the database hands back 1348.00 on PostgreSQL and 1348 on SQLite.</summary>
    private static Cell Number(decimal n) =>
        new(new CellValue(n.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture))) { DataType = CellValues.Number };

    private static Cell Maybe(decimal? n) => n is { } v ? Number(v) : Text("");

    public static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }
}
