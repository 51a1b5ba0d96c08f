using System.Diagnostics;
using System.Text;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>Broken XML, hostile XML and wrong encodings, served over HTTP as they arrive in real life.</summary>
public sealed class DamagedFeedTests
{
    [Fact]
    public async Task Malformed_xml_recovers_every_parseable_item_and_says_where_it_broke()
    {
        await using var server = await FeedTestServer.StartAsync();
        var feed = await FetchTestSupport.FetchAndParseAsync(server, "feeds/malformed.xml");

        Assert.Equal(FeedKind.Rss, feed.Kind);
        // Item 2 has a bare "&" and an HTML entity (repaired); item 3 has an unclosed <title> (lost); item 4 follows
        // the break and the document ends without closing tags (kept).
        Assert.Equal(
            ["https://hong.example/bai-mot-100001.html", "https://hong.example/bai-hai-100002.html?a=1&b=2", "https://hong.example/bai-bon-100004.html"],
            feed.Entries.Select(e => e.Url));
        Assert.Equal("Bài hai: Tom & Jerry tại Thái Nguyên", feed.Entries[1].Title);
        var warning = Assert.Single(feed.Warnings, w => w.Contains("broken XML"));
        Assert.Contains("XML hỏng ở dòng 10", warning);
        Assert.Contains("recovered 3 items", warning);
        Assert.Contains("skipped 1 broken items", warning);
    }

    [Fact]
    public void Xml_with_nothing_recoverable_fails_with_line_and_column()
    {
        var bytes = File.ReadAllBytes(FeedTestServer.FixturePath("garbage.xml"));
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(bytes, "application/xml", new Uri("https://x.example/")));
        Assert.Contains("broken XML at line", error.Message);
        Assert.Contains("no item could be read", error.Message);
    }

    [Fact]
    public async Task Billion_laughs_is_refused_without_expanding_entities()
    {
        await using var server = await FeedTestServer.StartAsync();
        var result = await FetchTestSupport.Fetcher().FetchAsync(new FetchRequest(server.Url("feeds/billion-laughs.xml")), CancellationToken.None);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(result.Body, result.ContentType, result.FinalUrl));

        Assert.Contains("DTD", error.Message);
        Assert.Contains("billion-laughs", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "parsing must not expand the entities");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_dtd_after_a_comment_with_a_bracket_is_still_found_and_refused()
    {
        // A "[" in a comment before the DOCTYPE must not hide the internal subset from the prolog scan.
        var xml = "<?xml version='1.0'?><!-- [ --><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><rss><channel><item><title>&b;</title><link>https://x.example/a-b-c-d</link></item></channel></rss>";
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, new Uri("https://x.example/")));
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void An_external_doctype_without_declarations_is_ignored_not_fetched()
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(FeedTestServer.FixturePath("rss091-doctype.xml")), null, new Uri("https://x.example/"));
        Assert.Equal("Café opens", Assert.Single(feed.Entries).Title);
    }

    [Theory]
    // Header and declaration agree.
    [InlineData("rss-windows-1258.xml", "application/rss+xml; charset=windows-1258")]
    // No header charset: the XML declaration decides.
    [InlineData("rss-windows-1258.xml", "application/xml")]
    // The server's generic default (iso-8859-1) yields to the document's specific declaration.
    [InlineData("rss-windows-1258.xml", "text/xml; charset=iso-8859-1")]
    // The header says UTF-8 but the bytes are not UTF-8: the declaration decides.
    [InlineData("rss-windows-1258.xml", "text/xml; charset=utf-8")]
    // The declaration says UTF-8 (a copied template) but the header is specific: the header decides.
    [InlineData("rss-windows-1258-decl-utf8.xml", "text/xml; charset=windows-1258")]
    public async Task Windows_1258_feed_comes_out_as_correct_nfc_vietnamese(string fixture, string contentType)
    {
        await using var server = await FeedTestServer.StartAsync();
        var feed = await FetchTestSupport.FetchAndParseAsync(server, $"feeds/{fixture}?type={Uri.EscapeDataString(contentType)}");

        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Cổng thông tin tỉnh", feed.Title);
        Assert.Equal("Thái Nguyên: Hội nghị xúc tiến đầu tư, thương mại và du lịch", entry.Title);
        Assert.Equal("Đại sứ Hàn Quốc thăm Khu công nghiệp Yên Bình, Phổ Yên; Tỉnh ủy chỉ đạo đẩy mạnh thông tin đối ngoại.", entry.Summary);
        Assert.True(entry.Title!.IsNormalized(NormalizationForm.FormC));
        Assert.True(entry.Summary!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Iso_8859_1_feed_is_read_as_declared()
    {
        await using var server = await FeedTestServer.StartAsync();
        var feed = await FetchTestSupport.FetchAndParseAsync(server, "feeds/rss-iso-8859-1.xml?type=text%2Fxml%3B%20charset%3DISO-8859-1");
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Nouvelles du Viêt Nam", feed.Title);
        Assert.Equal("Thái Nguyên, capitale du thé : un café à Hanoï", entry.Title);
        Assert.Equal("Déjà célèbre - « thé vert »", entry.Summary);
    }

    [Fact]
    public void Utf8_mislabelled_as_latin1_is_read_as_utf8_with_a_warning()
    {
        var bytes = File.ReadAllBytes(FeedTestServer.FixturePath("rss2.xml"));
        var feed = FeedParser.Parse(bytes, "text/xml; charset=iso-8859-1", new Uri("https://x.example/"));
        Assert.Equal("Báo Thái Nguyên - Thời sự", feed.Title);
        Assert.Contains(feed.Warnings, w => w.Contains("read as UTF-8"));
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1258\">", null)]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">", null)]
    [InlineData("", null)] // no label at all: windows-1258 is the fallback for bytes that are not UTF-8
    [InlineData("", "text/html; charset=windows-1258")]
    public void Decoding_follows_meta_charset_header_or_falls_back_to_windows_1258(string meta, string? contentType)
    {
        var text = "Lễ hội Đền Đuổm, huyện Phú Lương";
        var html = Encoding.Latin1.GetBytes($"<html><head>{meta}</head><body>").Concat(Cp1258(text)).Concat("</body></html>"u8.ToArray()).ToArray();
        var decoded = TextDecoding.Decode(html, contentType);
        Assert.Contains(text, decoded);
        Assert.True(decoded.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Byte_order_marks_and_nfd_input()
    {
        var nfd = "Thái Nguyên".Normalize(NormalizationForm.FormD);
        Assert.Equal("Thái Nguyên", TextDecoding.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(nfd)], "text/plain; charset=windows-1258"));
        Assert.Equal("Thái Nguyên", TextDecoding.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Thái Nguyên")], null));
    }

    [Fact]
    public void Gzipped_sitemap_is_inflated_and_a_gzip_bomb_is_refused()
    {
        var sitemap = FeedParser.Parse(Gzip(File.ReadAllBytes(FeedTestServer.FixturePath("sitemap-news.xml"))), "application/gzip", new Uri("https://x.example/sitemap.xml.gz"));
        Assert.Equal("Kỳ họp HĐND tỉnh khai mạc", Assert.Single(sitemap.Entries).Title);

        var bomb = Gzip(new byte[FeedParser.MaxInflatedBytes + 1]);
        Assert.True(bomb.Length < 1_000_000, "a small download that expands enormously");
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(bomb, "application/gzip", new Uri("https://x.example/")));
        Assert.Contains("expands beyond 50 MB", error.Message);

    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>windows-1258 writes tone marks as separate combining characters after the (possibly marked) vowel.</summary>
    internal static byte[] Cp1258(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(1258);
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var output = new List<byte>();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var baseLetter = new string(decomposed.Where(c => !tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
            var tone = new string(decomposed.Where(tones.Contains).ToArray());
            output.AddRange(encoding.GetBytes(baseLetter + tone));
        }

        return [.. output];
    }
}
