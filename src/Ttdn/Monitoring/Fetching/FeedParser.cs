namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Reads any feed-like document into entries. The kind comes from the content, never from the Content-Type (servers
/// label RSS as text/html and HTML as application/xml); the bytes are decoded by <see cref="TextDecoding"/>.
/// Throws <see cref="FeedFormatException"/> with a reason only when nothing usable is left; partial damage becomes
/// <see cref="ParsedFeed.Warnings"/>.
/// </summary>
public static class FeedParser
{
    public static ParsedFeed Parse(ReadOnlySpan<byte> body, string? contentType, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (body.IsEmpty) throw new FeedFormatException("Nguồn trả về nội dung rỗng, hãy kiểm tra lại địa chỉ (the response was empty; check the address)");

        byte[]? inflated = null;
        if (body.Length > 2 && body[0] == 0x1F && body[1] == 0x8B)
        {
            inflated = Gunzip(body);
            body = inflated;
        }

        var decoded = TextDecoding.DecodeDetailed(body, contentType);
        var warnings = new List<string>();
        if (decoded.Warning is not null) warnings.Add(decoded.Warning);
        var text = decoded.Text;

        int start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\0')) start++;
        if (start == text.Length) throw new FeedFormatException("Nguồn trả về nội dung rỗng, hãy kiểm tra lại địa chỉ (the response was empty; check the address)");

        if (text[start] == '{') return JsonFeedReader.Read(text, baseUrl, warnings);
        if (text[start] != '<')
        {
            throw new FeedFormatException(
                "Nội dung không phải RSS, Atom, JSON Feed, sitemap hay trang HTML; hãy kiểm tra địa chỉ nguồn (the content is not RSS, Atom, JSON Feed, a sitemap or an HTML page; check the source address)");
        }

        var prolog = XmlProlog.Read(text, start);
        if (prolog.IsHtml) return ListingPageParser.Parse(text, baseUrl, warnings);
        if (prolog.HasInternalDtd) throw new FeedFormatException(XmlFeedReader.DtdRefused);

        var kind = prolog.RootLocalName switch
        {
            "rss" or "RDF" => FeedKind.Rss,
            "feed" => FeedKind.Atom,
            "urlset" or "sitemapindex" => FeedKind.Sitemap,
            _ => (FeedKind?)null,
        };
        if (kind is null)
        {
            throw new FeedFormatException(
                $"Tài liệu XML có phần tử gốc <{prolog.RootLocalName}>, không phải RSS, Atom hay sitemap (XML root element <{prolog.RootLocalName}> is not RSS, Atom or a sitemap)");
        }

        return XmlFeedReader.Read(kind.Value, prolog.RootLocalName == "sitemapindex", text, baseUrl, warnings);
    }

    /// <summary>The largest document a gzip body may expand to: the sitemap protocol's own limit (50 MB uncompressed).</summary>
    public const int MaxInflatedBytes = 50 * 1024 * 1024;

    /// <summary>
    /// Sitemaps are often published as .xml.gz and served as application/gzip (no Content-Encoding, so HTTP does not
    /// decompress them). Inflated here with a cap, so a small "gzip bomb" cannot take the memory.
    /// </summary>
    private static byte[] Gunzip(ReadOnlySpan<byte> body)
    {
        try
        {
            using var input = new System.IO.Compression.GZipStream(new MemoryStream(body.ToArray()), System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    throw new FeedFormatException(
                        $"Tệp nén giải ra hơn {MaxInflatedBytes / (1024 * 1024)} MB nên bị từ chối (the gzip body expands beyond {MaxInflatedBytes / (1024 * 1024)} MB and was refused)");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new FeedFormatException("Tệp nén gzip bị hỏng, không giải nén được (the gzip body is corrupt)");
        }
    }
}
