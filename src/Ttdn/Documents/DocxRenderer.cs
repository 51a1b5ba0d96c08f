using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Ttdn.Documents;

/// <summary>
/// Draws an <see cref="OfficialDocument"/> as a Word file in the Decree 30/2020 layout. Everything is laid out by hand
/// (no template file, no Word numbering): the numbers "I.", "1.", "a)", "- " are text, so what an official sees is
/// what an importer reads back, and LibreOffice prints it the same way as Word.
/// </summary>
public static class DocxRenderer
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string FontName = "Times New Roman";

    // Lengths in twentieths of a point; 1 mm ≈ 56.7.
    public const int PageWidth = 11906, PageHeight = 16838;
    public const int MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const int BodyPoints = 14;
    private const int HeaderLeftWidth = 3969, SignatureLeftWidth = 4395, FirstLineIndent = 567;
    // Word's default left+right cell padding: a cell's usable width is its width minus this.
    private const int CellPadding = 216;

    public static byte[] Render(OfficialDocument doc)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = Clean(doc.Title).Replace('\n', ' ');
            package.PackageProperties.Subject = Clean(doc.Kind);
            package.PackageProperties.Creator = Clean(doc.Issuer).Replace('\n', ' ');
            package.PackageProperties.Language = "vi-VN";

            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            var other = main.AddNewPart<HeaderPart>();
            other.Header = PageNumberHeader();

            var body = new Body();
            body.Append(HeaderTable(doc));
            body.Append(Para(Align.Center, before: 360, keepNext: true, runs: R(OfficialDocumentText.Upper(doc.Kind), bold: true)));
            body.Append(Para(Align.Center, keepNext: true, runs: R(doc.Title, bold: true)));
            body.Append(Rule(Math.Max(1134, Math.Min(Estimate(doc.Title, BodyPoints), TextWidth) / 3), TextWidth, after: 240));
            foreach (var block in doc.Body) body.Append(Draw(block));
            if (doc.Recipients.Count > 0 || doc.Signer is not null) body.Append(ClosingTable(doc));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(other) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private enum Align { Left, Center, Justify }

    /// <summary>Issuer and number on the left, national title, motto and place/date on the right; no borders.</summary>
    private static W.Table HeaderTable(OfficialDocument doc)
    {
        var left = new List<OpenXmlElement>();
        if (doc.ParentIssuer is { Length: > 0 } parent)
            foreach (var line in OfficialDocumentText.IssuerLines(parent)) left.Add(Para(Align.Center, runs: R(line, size: 13)));
        var issuer = OfficialDocumentText.IssuerLines(doc.Issuer);
        foreach (var line in issuer) left.Add(Para(Align.Center, runs: R(line, bold: true, size: 13)));
        var widest = issuer.Count == 0 ? 0 : issuer.Max(l => Estimate(l, 13, bold: true));
        left.Add(Rule(Math.Max(567, Math.Min(widest, HeaderLeftWidth - CellPadding) * 2 / 5), HeaderLeftWidth - CellPadding));
        left.Add(Para(Align.Center, before: 120, runs: R(OfficialDocumentText.NumberLine(doc), size: 13)));

        var rightWidth = TextWidth - HeaderLeftWidth;
        var right = new List<OpenXmlElement>
        {
            Para(Align.Center, runs: R(OfficialDocumentText.NationalTitle, bold: true, size: 12)),
            Para(Align.Center, runs: R(OfficialDocumentText.Motto, bold: true, size: 13)),
            Rule(Estimate(OfficialDocumentText.Motto, 13, bold: true), rightWidth - CellPadding),
            Para(Align.Center, before: 120, runs: R(OfficialDocumentText.PlaceAndDateLine(doc), italic: true, size: 14)),
        };
        return Borderless(HeaderLeftWidth, rightWidth, left, right);
    }

    /// <summary>"Nơi nhận" on the left, the signature block on the right (Decree 30, Annex I).</summary>
    private static W.Table ClosingTable(OfficialDocument doc)
    {
        var left = new List<OpenXmlElement>();
        if (doc.Recipients.Count > 0)
        {
            left.Add(Para(Align.Left, before: 240, runs: R(OfficialDocumentText.RecipientsLabel, bold: true, italic: true, size: 12)));
            foreach (var r in doc.Recipients) left.Add(Para(Align.Left, runs: R(r, size: 11)));
        }
        var right = new List<OpenXmlElement>();
        if (doc.Signer is { } s)
        {
            var lines = (s.Authority ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Concat((s.Title ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            for (var i = 0; i < lines.Count; i++)
                right.Add(Para(Align.Center, before: i == 0 ? 240 : 0, runs: R(OfficialDocumentText.Upper(lines[i]), bold: true)));
            // Room for the handwritten signature and the seal.
            for (var i = 0; i < 4; i++) right.Add(Para(Align.Center, runs: R("")));
            if (s.Name is { Length: > 0 } name) right.Add(Para(Align.Center, runs: R(name, bold: true)));
        }
        return Borderless(SignatureLeftWidth, TextWidth - SignatureLeftWidth, left, right);
    }

    private static IEnumerable<OpenXmlElement> Draw(OfficialDocument.Block block) => block switch
    {
        OfficialDocument.Heading h => [Para(Align.Justify, indent: FirstLineIndent, after: 120, keepNext: true,
            runs: R(Join(h.Label, h.Text), bold: h.Level <= 2))],
        OfficialDocument.Paragraph p => [Para(Align.Justify, indent: FirstLineIndent, after: 120, runs: R(p.Text))],
        OfficialDocument.Bullet b => [Para(Align.Justify, indent: FirstLineIndent, after: 120, runs: R((b.Level >= 2 ? "+ " : "- ") + b.Text))],
        OfficialDocument.Table t => [DutyTable(t), Para(Align.Left)],
        _ => [],
    };

    /// <summary>A ruled table (duties by agency, report figures); the header row repeats on every page.</summary>
    private static W.Table DutyTable(OfficialDocument.Table t)
    {
        var columns = Math.Max(t.Header.Count, t.Rows.Count == 0 ? 1 : t.Rows.Max(r => r.Count));
        var widths = ColumnWidths(t, columns);
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new W.Table(
            new TableProperties(new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                border(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        if (t.Header.Count > 0)
            table.Append(Row(widths, t.Header, header: true));
        foreach (var row in t.Rows) table.Append(Row(widths, row, header: false));
        return table;
    }

    private static TableRow Row(int[] widths, List<string> texts, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < texts.Count ? texts[i] : "";
            row.Append(Cell(widths[i], [Para(header ? Align.Center : Align.Left, before: 40, after: 40, runs: R(text, bold: header, size: 13))]));
        }
        return row;
    }

    /// <summary>Widths follow how much each column holds, so "TT" stays narrow and "Nội dung" gets the room.</summary>
    private static int[] ColumnWidths(OfficialDocument.Table t, int columns)
    {
        var weights = Enumerable.Range(0, columns).Select(i =>
        {
            var texts = t.Rows.Select(r => i < r.Count ? r[i] : "").Append(i < t.Header.Count ? t.Header[i] : "").ToList();
            return Math.Clamp(texts.Average(s => (double)s.Length), 3, 80);
        }).ToArray();
        var total = weights.Sum();
        var widths = weights.Select(w => Math.Max(680, (int)(TextWidth * w / total))).ToArray();
        widths[Array.IndexOf(widths, widths.Max())] -= widths.Sum() - TextWidth;
        return widths;
    }

    private static W.Table Borderless(int leftWidth, int rightWidth, List<OpenXmlElement> left, List<OpenXmlElement> right) => new(
        new TableProperties(
            new TableWidth { Width = (leftWidth + rightWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = rightWidth.ToString(CultureInfo.InvariantCulture) }),
        new TableRow(Cell(leftWidth, left), Cell(rightWidth, right)));

    private static TableCell Cell(int width, List<OpenXmlElement> content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content.Count == 0 ? [new Paragraph()] : content);
        return cell;
    }

    /// <summary>Page numbers centred at the top; the title page has its own (empty) header, so numbering shows from page 2.</summary>
    private static Header PageNumberHeader() => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new SimpleField(new Run(new RunProperties(new FontSize { Val = "26" }), new Text("2"))) { Instruction = " PAGE " }));

    /// <summary>The short solid line under the issuer, the motto and the title: an empty paragraph with a top border.</summary>
    private static Paragraph Rule(int length, int available, int after = 0)
    {
        var indent = Math.Max(0, (available - length) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            // A little space above, or the line touches the descenders of the text it underlines.
            new SpacingBetweenLines { Before = "60", After = after.ToString(CultureInfo.InvariantCulture), Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent, Right = indent },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    private static Paragraph Para(Align align, int before = 0, int after = 0, int indent = 0, bool keepNext = false, params Run[] runs)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        props.Append(new SpacingBetweenLines
        {
            Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture),
            Line = "264", LineRule = LineSpacingRuleValues.Auto,
        });
        if (indent > 0) props.Append(new Indentation { FirstLine = indent.ToString(CultureInfo.InvariantCulture) });
        props.Append(new Justification
        {
            Val = align switch { Align.Center => JustificationValues.Center, Align.Justify => JustificationValues.Both, _ => JustificationValues.Left },
        });
        var paragraph = new Paragraph(props);
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A run of text; line breaks in the text become line breaks, characters XML cannot carry are dropped.</summary>
    private static Run R(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold(), new BoldComplexScript());
        if (italic) props.Append(new Italic(), new ItalicComplexScript());
        if (size is { } pt)
        {
            var half = (pt * 2).ToString(CultureInfo.InvariantCulture);
            props.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        }
        var run = new Run(props);
        var lines = Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static string Clean(string text) =>
        new(text.Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c == '\n' || c == '\t' || !char.IsControl(c)).ToArray());

    private static string Join(string label, string text) => string.IsNullOrWhiteSpace(label) ? text : $"{label.Trim()} {text}";

    /// <summary>A rough printed width of a line in Times New Roman, enough to size the rules under it.</summary>
    private static int Estimate(string text, int points, bool bold = true)
    {
        var capitals = text.Count(char.IsUpper) > text.Length / 2;
        return (int)(text.Length * points * 20 * (capitals ? 0.62 : bold ? 0.47 : 0.44));
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new Color { Val = "000000" },
                new FontSize { Val = (BodyPoints * 2).ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = (BodyPoints * 2).ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = CellPadding / 2, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = CellPadding / 2, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
}
