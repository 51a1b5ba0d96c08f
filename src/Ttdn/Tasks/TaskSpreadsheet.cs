using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ttdn.Plans;

namespace Ttdn.Tasks;

/// <summary>
/// The task list as an Excel workbook: one sheet "Nhiệm vụ", a bold frozen header row in Vietnamese, then one row per
/// occurrence. Dates are real dates (serial numbers shown dd/mm/yyyy) and numbers are numbers, so the sheet sorts and
/// sums the way officials expect.
/// </summary>
public static class TaskSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Nhiệm vụ";

    public static readonly string[] Headers =
        ["STT", "Kế hoạch", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Hạn", "Trạng thái", "Tỷ lệ (%)", "Ngày hoàn thành"];

    private static readonly double[] Widths = [6, 18, 70, 30, 30, 22, 12, 26, 10, 16];

    // Style indexes in the stylesheet below.
    private const uint Bold = 1, DateStyle = 2, Wrap = 3;

    public static byte[] Write(IEnumerable<TaskQueries.Row> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var data = new SheetData();
            data.Append(Row(1, Headers.Select(h => Text(h, Bold)).ToArray()));
            uint index = 1;
            foreach (var r in rows)
            {
                index++;
                data.Append(Row(index,
                    Number(index - 1),
                    Text(r.PlanNumber ?? r.PlanTitle),
                    Text(r.Text, Wrap),
                    Text(r.LeadAgency, Wrap),
                    Text(string.Join("; ", r.Coordinators), Wrap),
                    Text(r.DeadlineText ?? ""),
                    Date(r.Due),
                    Text(TaskStatusRules.Vietnamese(r.Status)),
                    Number(r.Percent),
                    r.CompletedOn is { } done ? Date(done) : Text("")));
            }

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{ColumnName(Headers.Length)}{index}" });

            workbookPart.Workbook.Append(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            // Excel expects the hidden name its own auto-filter would have.
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{SheetName}'!$A$1:${ColumnName(Headers.Length)}${index}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++) cells[i].CellReference = $"{ColumnName(i + 1)}{index}";
        return new Row(cells) { RowIndex = index };
    }

    private static Cell Text(string text, uint style = 0) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : (UInt32Value)style };

    /// <summary>Control characters (pasted from old documents) are not allowed in XML; they are dropped rather than breaking the file.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static Cell Number(decimal n) => new(new CellValue(n)) { DataType = CellValues.Number };

    private static Cell Date(DateOnly d) =>
        new(new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate())) { DataType = CellValues.Number, StyleIndex = DateStyle };

    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
