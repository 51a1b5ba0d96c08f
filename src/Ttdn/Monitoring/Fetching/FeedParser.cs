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
}
