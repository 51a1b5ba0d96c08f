using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// A Word document into <see cref="SourceLine"/>s: paragraphs (with their list numbers rendered, since Word keeps them out of the
/// text), headings, line breaks as separate lines, tables cell by cell, and duty tables ("TT | Nội dung | Cơ quan chủ trì | …") as
/// <see cref="DutyRow"/>s. The package is opened with our own checks first — entry count, declared sizes and compression ratio — and
/// its parts are inflated through a counting stream, so a zip bomb is refused before it can fill memory.
/// </summary>
public static class DocxReader
{
    public const int MaxEntries = 2000;
    public const long MaxPartBytes = 64L * 1024 * 1024;
    public const long MaxTotalBytes = 128L * 1024 * 1024;
    public const int MaxRatio = 200;

    public static List<SourceLine> Read(byte[] bytes)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        using (zip)
        {
            CheckBomb(zip);
            var documentXml = ReadPart(zip, "word/document.xml")
                ?? throw new DomainException("Tệp nén này không phải văn bản Word (thiếu word/document.xml): hãy lưu lại dưới dạng .docx. (Not a Word document.)");
            var numberingXml = ReadPart(zip, "word/numbering.xml");
            var stylesXml = ReadPart(zip, "word/styles.xml");
            Document document;
            try
            {
                document = new Document(documentXml);
                _ = document.Body; // parses lazily: force it here so broken XML is reported as such
                return new Walker(numberingXml is null ? null : new Numbering(numberingXml), stylesXml is null ? null : new Styles(stylesXml)).Walk(document);
            }
            catch (Exception e) when (e is System.Xml.XmlException or ArgumentException or InvalidOperationException)
            {
                throw Corrupt();
            }
        }
    }

    private static DomainException Corrupt() =>
        new("Tệp DOCX bị hỏng hoặc không đầy đủ (có thể tải lên bị ngắt giữa chừng): hãy mở bằng Word, lưu lại rồi tải lên lần nữa. (The DOCX file is corrupt or truncated.)");

    private static DomainException Bomb() =>
        new("Tệp DOCX có nội dung nén bất thường (quá nhiều phần hoặc giải nén ra quá lớn) nên không được mở. Hãy lưu lại văn bản bằng Word rồi thử lại. (Rejected: suspicious compression, possible zip bomb.)");

    private static void CheckBomb(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries) throw Bomb();
        long total = 0;
        foreach (var e in zip.Entries)
        {
            total += e.Length;
            if (e.Length > MaxPartBytes || total > MaxTotalBytes) throw Bomb();
            if (e.Length > 1024 * 1024 && e.CompressedLength > 0 && e.Length / e.CompressedLength > MaxRatio) throw Bomb();
        }
    }

    private static string? ReadPart(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null) return null;
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            // Declared sizes can lie: count what actually comes out.
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > Math.Min(MaxPartBytes, entry.Length + 1)) throw Bomb();
            }
            var xml = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
            // The element constructors take an element, not a document: drop the XML declaration.
            return xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : xml;
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
    }

    private sealed class Walker(Numbering? numbering, Styles? styles)
    {
        private readonly List<SourceLine> _lines = [];
        private readonly Dictionary<(int Num, int Level), int> _counters = [];
        private int _paragraph, _table;

        public List<SourceLine> Walk(Document document)
        {
            foreach (var element in document.Body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
            {
                if (element is Paragraph p) AddParagraph(p, null);
                else if (element is Table t) AddTable(t);
            }
            return _lines;
        }

        private void AddParagraph(Paragraph p, string? location)
        {
            _paragraph++;
            location ??= $"đoạn {_paragraph}";
            var label = ListLabel(p);
            var heading = HeadingLevel(p);
            var runs = p.Descendants<Run>().Where(r => r.Descendants<Text>().Any()).ToList();
            bool bold = runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));
            foreach (var text in Texts(p))
            {
                var line = PlainTextReader.CollapseSpaces(text.Trim()).Normalize(System.Text.NormalizationForm.FormC);
                if (line.Length == 0) continue;
                if (label is not null) { line = label + " " + line; label = null; }
                _lines.Add(new SourceLine(location, line, heading, bold));
            }
        }

        /// <summary>The paragraph's text, split at manual line breaks (a signature block is one paragraph with breaks).</summary>
        private static IEnumerable<string> Texts(Paragraph p)
        {
            var current = new System.Text.StringBuilder();
            foreach (var e in p.Descendants())
            {
                switch (e)
                {
                    case Text t: current.Append(t.Text); break;
                    case TabChar: current.Append(' '); break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                        yield return current.ToString();
                        current.Clear();
                        break;
                }
            }
            yield return current.ToString();
        }

        private int HeadingLevel(Paragraph p)
        {
            if (p.ParagraphProperties?.OutlineLevel?.Val is { } level) return level.Value + 1;
            var styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            return styleId is null ? 0 : styles?.HeadingLevel(styleId) ?? 0;
        }

        private string? ListLabel(Paragraph p)
        {
            var numPr = p.ParagraphProperties?.NumberingProperties;
            if (numPr?.NumberingId?.Val is not { } numId || numbering is null) return null;
            int ilvl = numPr.NumberingLevelReference?.Val?.Value ?? 0;
            var level = numbering.Level(numId.Value, ilvl);
            if (level is null) return null;
            var key = (numId.Value, ilvl);
            _counters[key] = _counters.GetValueOrDefault(key, level.Start - 1) + 1;
            foreach (var deeper in _counters.Keys.Where(k => k.Num == numId.Value && k.Level > ilvl).ToList()) _counters.Remove(deeper);
            if (level.Format == "bullet") return "-";
            var text = level.Text;
            for (int l = 0; l <= ilvl; l++)
            {
                var format = numbering.Level(numId.Value, l)?.Format ?? "decimal";
                text = text.Replace($"%{l + 1}", Format(_counters.GetValueOrDefault((numId.Value, l), 1), format), StringComparison.Ordinal);
            }
            return text;
        }

        private static string Format(int n, string format) => format switch
        {
            "upperRoman" => Roman(n),
            "lowerRoman" => Roman(n).ToLowerInvariant(),
            "lowerLetter" => ((char)('a' + (n - 1) % 26)).ToString(),
            "upperLetter" => ((char)('A' + (n - 1) % 26)).ToString(),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };

        private static string Roman(int n)
        {
            var result = new System.Text.StringBuilder();
            foreach (var (value, symbol) in new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
                while (n >= value) { result.Append(symbol); n -= value; }
            return result.ToString();
        }

        private void AddTable(Table table)
        {
            _table++;
            var rows = table.Elements<TableRow>().ToList();
            var columns = rows.Count > 0 ? DutyColumns(rows[0]) : null;
            for (int r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Elements<TableCell>().ToList();
                if (columns is not null)
                {
                    if (r == 0) continue;
                    string Cell(int? i) => i is { } k && k < cells.Count ? CellText(cells[k]) : "";
                    var content = Cell(columns.Content);
                    var lead = Cell(columns.Lead);
                    if (content.Length == 0 || lead.Length == 0)
                    {
                        if (string.Join(" ", cells.Select(CellText)).Trim() is { Length: > 0 } other)
                            _lines.Add(new SourceLine($"bảng {_table}, hàng {r + 1}", other, Bold: true));
                        continue;
                    }
                    var coordinators = Cell(columns.Coordinators);
                    var time = Cell(columns.Time);
                    _lines.Add(new SourceLine($"bảng {_table}, hàng {r + 1}", content, Duty: new DutyRow(Cell(columns.Number), content, lead,
                        coordinators.Length > 0 ? coordinators : null, time.Length > 0 ? time : null)));
                    continue;
                }
                foreach (var cell in cells)
                    foreach (var p in cell.Elements<Paragraph>()) AddParagraph(p, $"bảng {_table}, hàng {r + 1}");
            }
        }

        private static string CellText(TableCell cell) =>
            string.Join("\n", cell.Elements<Paragraph>().SelectMany(Texts).Select(t => PlainTextReader.CollapseSpaces(t.Trim())).Where(t => t.Length > 0))
                .Normalize(System.Text.NormalizationForm.FormC);

        private sealed record Columns(int? Number, int Content, int Lead, int? Coordinators, int? Time);

        private static Columns? DutyColumns(TableRow header)
        {
            var keys = header.Elements<TableCell>().Select(c => Folding.Key(CellText(c))).ToList();
            int? Find(params string[] words) => keys.FindIndex(k => words.Any(w => k.Contains(w, StringComparison.Ordinal))) is var i and >= 0 ? i : null;
            var content = Find("noi dung", "nhiem vu");
            var lead = Find("chu tri", "thuc hien chinh", "don vi thuc hien");
            if (content is null || lead is null) return null;
            return new Columns(Find("tt"), content.Value, lead.Value, Find("phoi hop"), Find("thoi gian", "thoi han", "tien do"));
        }
    }

    private sealed class Numbering
    {
        public sealed record LevelFormat(string Format, string Text, int Start);

        private readonly Dictionary<int, Dictionary<int, LevelFormat>> _byNum = [];

        public Numbering(string xml)
        {
            var root = new DocumentFormat.OpenXml.Wordprocessing.Numbering(xml);
            var abstracts = root.Elements<AbstractNum>().Where(a => a.AbstractNumberId is not null).ToDictionary(a => a.AbstractNumberId!.Value, a =>
                a.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>().Where(l => l.LevelIndex is not null).ToDictionary(l => l.LevelIndex!.Value,
                    l => new LevelFormat(l.NumberingFormat?.Val?.InnerText ?? "decimal", l.LevelText?.Val?.Value ?? "", l.StartNumberingValue?.Val?.Value ?? 1)));
            foreach (var num in root.Elements<NumberingInstance>())
                if (num.NumberID?.Value is { } id && num.AbstractNumId?.Val?.Value is { } abs && abstracts.TryGetValue(abs, out var levels))
                    _byNum[id] = levels;
        }

        public LevelFormat? Level(int numId, int ilvl) => _byNum.TryGetValue(numId, out var levels) && levels.TryGetValue(ilvl, out var l) ? l : null;
    }

    private sealed class Styles
    {
        private readonly Dictionary<string, int> _headings = [];

        public Styles(string xml)
        {
            foreach (var style in new DocumentFormat.OpenXml.Wordprocessing.Styles(xml).Elements<Style>())
            {
                var name = style.StyleName?.Val?.Value?.ToLowerInvariant() ?? "";
                int level = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value + 1 ?? 0;
                if (level == 0 && name.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(name[8..], out var n)) level = n;
                if (level == 0 && name == "title") level = 1;
                if (level > 0 && style.StyleId?.Value is { } id) _headings[id] = level;
            }
        }

        public int HeadingLevel(string styleId) => _headings.GetValueOrDefault(styleId);
    }
}
