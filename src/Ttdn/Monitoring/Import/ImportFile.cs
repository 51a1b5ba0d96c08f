using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Plans.Import;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Import;

/// <summary>One line of an import file that could be read, or the reason it could not.</summary>
public sealed record ImportLine(IncomingItem? Item, Rejection? Rejected);

/// <summary>
/// Reads items exported from social platforms: JSON Lines (one object per line) or CSV with a header row, fields
/// url, source, title, text, publishedAt, language. Streams UTF-8 (so a million-line file is not held in memory); a
/// file in another encoding (Windows-1258, UTF-16, TCVN3, VNI) is decoded whole first. A bad line is rejected with
/// its number and reason; the rest is still read.
/// </summary>
public static class ImportFile
{
    public static IEnumerable<ImportLine> Read(Stream stream, string fileName)
    {
        var isCsv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            && !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new DomainException($"Không đọc được \"{Path.GetFileName(fileName)}\": chỉ nhận tệp .jsonl (JSON Lines) hoặc .csv. (Only .jsonl or .csv files can be imported.)");
        var reader = Open(stream);
        return isCsv ? Csv.Read(reader) : JsonLines(reader);
    }

    private static TextReader Open(Stream stream)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        var head = new byte[1 << 16];
        var n = buffered.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, n);
        var utf8 = start.StartsWith((byte[])[0xEF, 0xBB, 0xBF]) || (!start.StartsWith((byte[])[0xFF, 0xFE]) && !start.StartsWith((byte[])[0xFE, 0xFF]) && IsUtf8(start));
        var rest = new ConcatStream(head.AsMemory(0, n), buffered);
        if (utf8) return new StreamReader(rest, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        using var all = new MemoryStream();
        rest.CopyTo(all);
        try
        {
            return new StringReader(TextDecoder.Decode(all.ToArray()).Text);
        }
        catch (DomainException)
        {
            // The plan decoder's message speaks of plan files; say what this import takes instead.
            throw new DomainException("Tệp này không phải văn bản (có byte nhị phân), có thể là ảnh hoặc bảng tính Excel: hãy xuất dữ liệu ra tệp .csv hoặc .jsonl rồi nhập lại. (This is a binary file: export the data to .csv or .jsonl.)");
        }
    }

    /// <summary>Valid UTF-8, allowing a sequence cut at the end of the sample.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0) { end = bytes.Length - back; break; } // a lead byte whose sequence may be cut
            if ((b & 0x80) == 0) break;
        }
        return System.Text.Unicode.Utf8.IsValid(bytes[..end]);
    }

    private static IEnumerable<ImportLine> JsonLines(TextReader reader)
    {
        using var _ = reader;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseJson(line, number);
        }
    }

    /// <summary>The names each field may have in a JSON line, in the order <see cref="Item"/> takes them.</summary>
    private static readonly string[][] Fields =
        [["url", "link"], ["source", "page", "account"], ["title"], ["text", "content", "message", "body"],
         ["publishedAt", "published_at", "published", "date", "created_time"], ["language", "lang"]];

    /// <summary>Each name, in any case, to its field's index in <see cref="Fields"/>.</summary>
    private static readonly FrozenDictionary<string, int> FieldOf = Fields
        .SelectMany((names, field) => names.Select(name => KeyValuePair.Create(name, field)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static ImportLine ParseJson(string line, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Reject(number, null, "dòng không phải một đối tượng JSON {…} (the line is not a JSON object)");
            // One pass over the properties: the first of each field's names in the line wins.
            var values = new string?[Fields.Length];
            var found = new bool[Fields.Length];
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!FieldOf.TryGetValue(property.Name, out var field) || found[field]) continue;
                found[field] = true;
                values[field] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
            return Item(number, values[0], values[1], values[2], values[3], values[4], values[5]);
        }
        catch (JsonException e)
        {
            return Reject(number, null, $"không phải JSON hợp lệ ({e.Message.Split('.')[0]}) (invalid JSON)");
        }
    }

    internal static ImportLine Item(int number, string? url, string? source, string? title, string? text, string? published, string? language)
    {
        DateTime? at = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            at = ParseDate(published.Trim());
            if (at is null)
                return Reject(number, url, $"thời điểm đăng \"{published.Trim()}\" không đọc được; dùng 2022-05-19T08:30:00+07:00 hoặc 19/05/2022 08:30 (publishedAt not understood)");
        }
        return new ImportLine(new IncomingItem(url, title, text, at, language, number, string.IsNullOrWhiteSpace(source) ? null : source.Trim()), null);
    }

    private static ImportLine Reject(int number, string? url, string reason) => new(null, new Rejection(number, url, reason));

    private static readonly string[] LocalFormats = ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "d/M/yyyy HH:mm", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    /// <summary>ISO 8601 with an offset, Unix seconds, or a Vietnamese local time (UTC+7) as officials type it.</summary>
    public static DateTime? ParseDate(string s)
    {
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix is > 100_000_000 and < 10_000_000_000)
            return DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
        if (s.Contains('T', StringComparison.Ordinal) || s.EndsWith('Z') || s.Contains('+', StringComparison.Ordinal))
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso)) return iso.UtcDateTime;
        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var other)) return other.UtcDateTime;
        return null;
    }
}
