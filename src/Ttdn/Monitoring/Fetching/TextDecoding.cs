using System.Text;
using System.Text.RegularExpressions;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Bytes of a feed or page to NFC text. Order: byte-order mark; bytes that are valid UTF-8 with non-ASCII content
/// (legacy encodings practically never produce that by accident, while servers often mislabel UTF-8); the HTTP
/// charset; the XML declaration; an HTML &lt;meta charset&gt;; else windows-1258, the legacy Vietnamese web encoding.
/// A header naming a generic Western default (iso-8859-1, us-ascii, windows-1252) yields to a more specific
/// declaration inside the document: that header is usually the web server's default, not the author's choice.
/// </summary>
public static partial class TextDecoding
{
    internal sealed record Decoded(string Text, string EncodingName, string? Warning);

    private static readonly Lazy<bool> CodePagesRegistered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static string Decode(ReadOnlySpan<byte> body, string? contentType) => DecodeDetailed(body, contentType).Text;

    internal static Decoded DecodeDetailed(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Make(Encoding.UTF8, body[3..], "UTF-8 (BOM)", null);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Make(Encoding.Unicode, body[2..], "UTF-16 LE (BOM)", null);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Make(Encoding.BigEndianUnicode, body[2..], "UTF-16 BE (BOM)", null);

        var header = Resolve(CharsetFromContentType(contentType));
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        var declared = Resolve(XmlDeclaration().Match(head) is { Success: true } x ? x.Groups[1].Value : null)
            ?? Resolve(MetaCharset().Match(head) is { Success: true } m ? m.Groups[1].Value : null);

        bool validUtf8 = System.Text.Unicode.Utf8.IsValid(body);
        if (validUtf8 && !Ascii.IsValid(body))
        {
            var labelled = header ?? declared;
            var warning = labelled is not null && labelled.CodePage != Encoding.UTF8.CodePage
                ? $"Nhãn mã hoá '{labelled.WebName}' không khớp nội dung; đã đọc theo UTF-8 (encoding label '{labelled.WebName}' contradicts the bytes; read as UTF-8)"
                : null;
            return Make(Encoding.UTF8, body, "UTF-8", warning);
        }

        if (header is not null && IsUtf8(header) && !validUtf8) header = null;
        if (declared is not null && IsUtf8(declared) && !validUtf8) declared = null;
        if (header is not null && declared is not null && IsGenericWestern(header) && !IsGenericWestern(declared))
        {
            return Make(declared, body, declared.WebName,
                $"Máy chủ ghi mã '{header.WebName}' nhưng tài liệu khai báo '{declared.WebName}'; đã theo tài liệu (server said '{header.WebName}', document declares '{declared.WebName}'; used the document's)");
        }

        var chosen = header ?? declared;
        if (chosen is not null) return Make(chosen, body, chosen.WebName, null);
        if (validUtf8) return Make(Encoding.UTF8, body, "UTF-8", null);
        var fallback = CodePage(1258);
        return Make(fallback, body, "windows-1258",
            "Không rõ mã ký tự và nội dung không phải UTF-8; đã đọc theo windows-1258 (no charset given and not UTF-8; read as windows-1258)");
    }

    internal static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var match = HeaderCharset().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Decoded Make(Encoding encoding, ReadOnlySpan<byte> bytes, string name, string? warning)
    {
        var text = encoding.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return new(text.Normalize(NormalizationForm.FormC), name, warning);
    }

    private static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        // WHATWG: these labels mean windows-1252 on the web (the C1 range holds printable characters there).
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") return CodePage(1252);
        if (name is "utf8") return Encoding.UTF8;
        try
        {
            _ = CodePagesRegistered.Value;
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Encoding.UTF8 : CodePage(encoding.CodePage);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding CodePage(int codePage)
    {
        _ = CodePagesRegistered.Value;
        return Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    private static bool IsUtf8(Encoding e) => e.CodePage == Encoding.UTF8.CodePage;
    private static bool IsGenericWestern(Encoding e) => e.CodePage is 1252 or 28591 or 20127;

    [GeneratedRegex(@"charset\s*=\s*""?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""']([A-Za-z0-9_\-:.]+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
