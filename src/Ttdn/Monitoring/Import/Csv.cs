using System.Text;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Import;

/// <summary>
/// CSV as spreadsheets write it (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks), separated by
/// comma, semicolon (Excel in a Vietnamese locale) or tab, found from the header row.
/// </summary>
internal static class Csv
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["url"] = "url", ["link"] = "url", ["source"] = "source", ["nguon"] = "source", ["nguồn"] = "source",
        ["title"] = "title", ["tieu de"] = "title", ["tiêu đề"] = "title", ["text"] = "text", ["content"] = "text", ["noi dung"] = "text", ["nội dung"] = "text",
        ["publishedat"] = "published", ["published_at"] = "published", ["published"] = "published", ["date"] = "published", ["ngay dang"] = "published", ["ngày đăng"] = "published",
        ["language"] = "language", ["lang"] = "language", ["ngon ngu"] = "language", ["ngôn ngữ"] = "language",
    };

    public static IEnumerable<ImportLine> Read(TextReader reader)
    {
        using var owned = reader;
        var header = ReadRecord(reader, ',', out _);
        if (header is null) yield break;
        var separator = new[] { ',', ';', '\t' }.MaxBy(c => header.Sum(h => h.Count(x => x == c)));
        if (separator != ',' && header.Count == 1) header = [.. header[0].Split(separator)];
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
            if (Columns.TryGetValue(header[i].Trim().Trim('\uFEFF'), out var name)) index.TryAdd(name, i);
        if (!index.ContainsKey("url"))
            throw new DomainException("Dòng tiêu đề của tệp CSV phải có cột url (và title, text, publishedAt, source, language). (The CSV header row needs a url column.)");

        var line = 1;
        while (true)
        {
            var first = line + 1;
            var record = ReadRecord(reader, separator, out var lines);
            if (record is null) yield break;
            line += lines;
            if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0])) continue;
            string? Field(string name) => index.TryGetValue(name, out var i) && i < record.Count ? record[i] : null;
            yield return ImportFile.Item(first, Field("url"), Field("source"), Field("title"), Field("text"), Field("published"), Field("language"));
        }
    }

    /// <summary>One record, which may span several lines when a quoted field holds line breaks; null at the end.</summary>
    private static List<string>? ReadRecord(TextReader reader, char separator, out int lines)
    {
        lines = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (!any) return null;
                fields.Add(field.ToString());
                lines++;
                return fields;
            }
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') lines++;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { fields.Add(field.ToString()); lines++; return fields; }
            else field.Append(ch);
        }
    }
}
