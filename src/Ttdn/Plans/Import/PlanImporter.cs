using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// Reads a plan document the province already has — text or Markdown in any common Vietnamese encoding, or DOCX — into a
/// <see cref="PlanDocument"/> with diagnostics. Pure: no database; agencies are matched to the directory afterwards by
/// <see cref="ImportMatcher.MatchAsync"/>. Unreadable input is refused with a <see cref="DomainException"/> saying what to do.
/// </summary>
public static class PlanImporter
{
    /// <summary>Default upload limit: real plans are well under 1 MB as text and a few MB as DOCX with images.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public static ImportResult Import(Stream content, string fileName, IProgress<int>? progress = null, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAll(content, maxBytes);
        progress?.Report(5);
        if (bytes.Length == 0 || bytes.All(b => b is 0x20 or 0x09 or 0x0A or 0x0D))
            throw new DomainException("Tệp trống, không có nội dung: hãy chọn tệp kế hoạch (.txt, .md hoặc .docx). (The file is empty.)");

        List<SourceLine> lines;
        string encoding;
        bool zip = bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);
        bool docxName = fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);
        if (zip || docxName)
        {
            if (!zip) throw new DomainException("Tệp có đuôi .docx nhưng không phải tệp Word hợp lệ (bị hỏng hoặc không đầy đủ): hãy lưu lại bằng Word rồi tải lên lần nữa. (The DOCX file is corrupt or truncated.)");
            lines = DocxReader.Read(bytes);
            encoding = "DOCX (UTF-8)";
        }
        else
        {
            RefuseOtherFormats(bytes);
            var decoded = TextDecoder.Decode(bytes);
            lines = PlainTextReader.Read(decoded.Text);
            encoding = decoded.Encoding;
        }
        progress?.Report(15);
        if (lines.Count == 0) throw new DomainException("Tệp không có đoạn văn bản nào: hãy kiểm tra lại tệp. (No text found.)");

        var outcome = PlanExtractor.Extract(lines, progress);
        progress?.Report(100);
        return new ImportResult
        {
            Plan = outcome.Plan,
            Encoding = encoding,
            Diagnostics = outcome.Diagnostics,
            LooksLikeNews = outcome.LooksLikeNews,
            Source = lines,
        };
    }

    private static byte[] ReadAll(Stream content, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw new DomainException($"Tệp lớn hơn giới hạn {maxBytes / 1024 / 1024} MB: một kế hoạch thường chỉ vài trăm KB; hãy bỏ hình ảnh hoặc lưu dạng văn bản rồi thử lại. (The file exceeds the {maxBytes / 1024 / 1024} MB limit.)", 413);
        }
        return buffer.ToArray();
    }

    private static void RefuseOtherFormats(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0]))
            throw new DomainException("Đây là tệp Word 97–2003 (.doc): hãy mở bằng Word và lưu thành .docx rồi tải lên. (Old .doc format: save as .docx.)");
        if (bytes.AsSpan().StartsWith("%PDF"u8))
            throw new DomainException("Tệp PDF chưa được hỗ trợ: hãy tải lên bản .docx hoặc .txt của kế hoạch. (PDF is not supported: upload .docx or .txt.)");
    }
}
