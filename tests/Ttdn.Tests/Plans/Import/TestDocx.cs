using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ttdn.Plans;

namespace Ttdn.Tests.Plans.Import;

/// <summary>
/// Word documents built the way provinces write plans: the header as a two-column table, headings styled, bullets as a real
/// Word list (the "-" is not in the text), "Nơi nhận" and signature as a two-column table; or the duties as a "Phụ lục" table.
/// </summary>
internal static partial class TestDocx
{
    private const int BulletList = 1;
    private const int FirstNumberedList = 10;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(I|II|III|IV|V)\. ")]
    private static partial System.Text.RegularExpressions.Regex RomanHeading();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}\.\s*")]
    private static partial System.Text.RegularExpressions.Regex NumberLabel();

    /// <summary>The seed text as a Word document with paragraphs (Markdown markers turned into Word formatting).</summary>
    public static byte[] FromSeed(string seed, bool dutyTable = false, PlanDocument? duties = null)
    {
        var lines = seed.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "---").ToList();
        return Build(body =>
        {
            body.Append(Table(
                [["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
                [[Clean(lines[0])], [Clean(lines[1])]]));
            int notes = lines.FindIndex(l => l.Contains("Nơi nhận", StringComparison.Ordinal));
            int assignments = lines.FindIndex(l => l.Contains("V. TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal));
            int closing = lines.FindIndex(l => l.StartsWith("Trên đây là", StringComparison.Ordinal));
            int list = FirstNumberedList - 1;
            for (int i = 2; i < notes; i++)
            {
                if (dutyTable && i > assignments && i < closing) continue;
                var line = lines[i];
                if (RomanHeading().IsMatch(Clean(line))) list++; // each section restarts its "1., 2., …" list
                body.Append(Paragraph(line, list));
                if (dutyTable && i == assignments)
                {
                    body.Append(Paragraph("Các cơ quan, đơn vị thực hiện các nhiệm vụ tại Phụ lục kèm theo."));
                }
            }
            var recipients = lines.Skip(notes + 1).TakeWhile(l => l.StartsWith('-')).Select(Clean).ToList();
            var signer = lines.Skip(notes + 1 + recipients.Count).Select(Clean).Where(l => l.Length > 0).ToList();
            body.Append(Table(
                [["Nơi nhận:", .. recipients]],
                [[string.Join("\n", signer.Take(signer.Count - 1)), "(đã ký)", signer[^1]]]));
            if (dutyTable && duties is not null)
            {
                body.Append(Paragraph("PHỤ LỤC"));
                body.Append(Paragraph("NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN, ĐƠN VỊ"));
                var rows = new List<string[]> { new[] { "TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện" } };
                int n = 0;
                foreach (var a in duties.Assignments)
                    foreach (var t in a.Tasks)
                        rows.Add([(++n).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text, a.Agency, string.Join("; ", t.CoordinatingAgencies ?? []), t.Deadline ?? ""]);
                body.Append(Grid(rows));
            }
        });
    }

    public static byte[] Build(Action<Body> content)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "–" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }, new StartNumberingValue { Val = 1 }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });
            for (int n = FirstNumberedList; n < FirstNumberedList + 8; n++)
                numbering.Numbering.Append(new NumberingInstance(new AbstractNumId { Val = 2 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = n });
            var body = new Body();
            content(body);
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static string Clean(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).TrimStart('#', ' ').Replace(" /s/", "", StringComparison.Ordinal).Trim();

    /// <summary>A seed line as Word would hold it: "#" → Heading style, "**" → bold runs, "- " → a bullet list item.</summary>
    /// <summary>"1. Tên mục" becomes an item of Word's numbered list <paramref name="list"/>: the number is no longer in the text.</summary>
    public static Paragraph Paragraph(string markdown, int list = 0)
    {
        var props = new ParagraphProperties();
        if (markdown.StartsWith('#')) props.Append(new ParagraphStyleId { Val = markdown.StartsWith("##", StringComparison.Ordinal) ? "Heading2" : "Heading1" });
        var text = Clean(markdown);
        if (text.StartsWith("- ", StringComparison.Ordinal))
        {
            props.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }));
            text = text[2..];
        }
        else if (list > 0 && NumberLabel().Match(text) is { Success: true } label)
        {
            props.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = list }));
            text = text[label.Length..];
        }
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (markdown.Contains("**", StringComparison.Ordinal)) run.RunProperties = new RunProperties(new Bold());
        return new Paragraph(props, run);
    }

    /// <summary>A row of cells, each cell a list of paragraphs; "\n" inside a paragraph is a manual line break.</summary>
    private static Table Table(params string[][][] rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row)
                tr.Append(new TableCell(cell.Select(p =>
                {
                    var run = new Run();
                    var parts = p.Split('\n');
                    for (int i = 0; i < parts.Length; i++)
                    {
                        if (i > 0) run.Append(new Break());
                        run.Append(new Text(parts[i]));
                    }
                    return new Paragraph(run);
                })));
            table.Append(tr);
        }
        return table;
    }

    /// <summary>A plain grid: one paragraph per cell.</summary>
    private static Table Grid(List<string[]> rows)
    {
        var table = new Table();
        foreach (var row in rows)
            table.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))));
        return table;
    }
}
