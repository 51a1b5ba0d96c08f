using System.Text;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

/// <summary>Every feed format, served by a real HTTP server, fetched and parsed as production does it.</summary>
public sealed class FeedParsingTests
{
    [Fact]
    public async Task Rss2_items_with_content_dates_authors_and_relative_links()
    {
        await using var server = await FeedTestServer.StartAsync();
        var feed = await FetchTestSupport.FetchAndParseAsync(server, "feeds/rss2.xml");

        Assert.Equal(FeedKind.Rss, feed.Kind);
        Assert.Equal("Báo Thái Nguyên - Thời sự", feed.Title);
        Assert.Equal("vi", feed.Language);
        Assert.Equal(3, feed.Entries.Count);
        Assert.Contains(feed.Warnings, w => w.Contains("1 items skipped"));

        var first = feed.Entries[0];
        Assert.Equal("https://baothainguyen.example/thoi-su/thai-nguyen-don-doan-doanh-nghiep-han-quoc-123456.html", first.Url);
        Assert.Equal("Thái Nguyên đón đoàn doanh nghiệp Hàn Quốc", first.Title);
        Assert.Equal("Chiều 22/11, UBND tỉnh tiếp đoàn doanh nghiệp.", first.Summary);
        Assert.Contains("<p>Đoàn gồm 20 doanh nghiệp.</p>", first.ContentHtml);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.FromHours(7)), first.PublishedAt);
        Assert.Equal("btn-123456", first.Id);
        Assert.Equal("Minh Hằng", first.Author);
        Assert.Equal("vi", first.Language);

        // Relative link resolved against the feed's own address; "&amp;" decoded once.
        var second = feed.Entries[1];
        Assert.Equal(server.Url("van-hoa/festival-tra-thai-nguyen-2026-123457.html").AbsoluteUri, second.Url);
        Assert.Equal("Festival Trà Thái Nguyên & lễ hội Lồng tồng", second.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), second.PublishedAt);

        // Link taken from a permalink guid; two-digit year and a named zone.
        var third = feed.Entries[2];
        Assert.Equal("https://baothainguyen.example/kinh-te/xuat-khau-che-tang-manh-123458.html", third.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.FromHours(-5)), third.PublishedAt);
    }

    [Fact]
    public async Task Atom_with_xml_base_alternate_links_html_and_xhtml_content()
    {
        await using var server = await FeedTestServer.StartAsync();
        var feed = await FetchTestSupport.FetchAndParseAsync(server, "feeds/atom.xml");

        Assert.Equal(FeedKind.Atom, feed.Kind);
        Assert.Equal("Viet Nam News – Provinces", feed.Title);
        Assert.Equal("en", feed.Language);
        Assert.Equal(2, feed.Entries.Count);

        var first = feed.Entries[0];
        Assert.Equal("https://vietnamnews.example/provinces/thai-nguyen-tea-festival-draws-visitors-2001.html", first.Url);
        Assert.Equal("Thai Nguyen tea festival draws visitors", first.Title);
        Assert.Equal("The festival in Tân Cương attracted 50,000 visitors.", first.Summary);
        Assert.Contains("<strong", first.ContentHtml);
        Assert.Contains("festival</strong> opened", first.ContentHtml);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.FromHours(7)), first.PublishedAt);
        Assert.Equal("tag:vietnamnews.example,2026:2001", first.Id);
        Assert.Equal("Hoàng Anh", first.Author);

        var second = feed.Entries[1];
        Assert.Equal("vi", second.Language);
        Assert.Equal("<p>Cây cầu dài 300 m.</p>", second.ContentHtml);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero), second.PublishedAt);
    }

    [Fact]
    public async Task Json_feed_1_0_and_1_1()
    {
        await using var server = await FeedTestServer.StartAsync();
        var v10 = await FetchTestSupport.FetchAndParseAsync(server, "feeds/jsonfeed-1.0.json");
        Assert.Equal(FeedKind.JsonFeed, v10.Kind);
        Assert.Equal("Blog du lịch Thái Nguyên", v10.Title);
        var post = Assert.Single(v10.Entries);
        Assert.Equal("https://dulich.example/posts/ho-nui-coc-mua-thu", post.Url);
        Assert.Equal("Lan Anh", post.Author);
        Assert.Equal("Hồ Núi Cốc đẹp nhất vào mùa thu.", post.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Contains(v10.Warnings, w => w.Contains("1 items skipped"));

        var v11 = await FetchTestSupport.FetchAndParseAsync(server, "feeds/jsonfeed-1.1.json");
        Assert.Equal("ko", v11.Language);
        Assert.Equal(2, v11.Entries.Count);
        Assert.Equal("https://koreaherald.example/view/20261122000123", v11.Entries[0].Url);
        Assert.Equal("베트남 타이응우옌성, 한국 기업 투자 유치", v11.Entries[0].Title);
        Assert.Equal("Kim Min-ji, Lee Jun", v11.Entries[0].Author);
        Assert.Equal("ko", v11.Entries[0].Language);
        Assert.Equal("https://vnexpress.example/thai-nguyen-1234567.html", v11.Entries[1].Url);
        Assert.Equal("vi", v11.Entries[1].Language);
    }

    [Fact]
    public async Task Sitemaps_urlset_index_and_news()
    {
        await using var server = await FeedTestServer.StartAsync();
        var urlset = await FetchTestSupport.FetchAndParseAsync(server, "feeds/sitemap-urlset.xml");
        Assert.Equal(FeedKind.Sitemap, urlset.Kind);
        Assert.False(urlset.IsSitemapIndex);
        Assert.Equal(2, urlset.Entries.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), urlset.Entries[0].PublishedAt);
        Assert.Contains(urlset.Warnings, w => w.Contains("1 items skipped"));

        var index = await FetchTestSupport.FetchAndParseAsync(server, "feeds/sitemap-index.xml");
        Assert.True(index.IsSitemapIndex);
        Assert.Equal(["https://thainguyen.gov.example/sitemap-news.xml", server.Url("sitemap-2026-11.xml").AbsoluteUri], index.Entries.Select(e => e.Url));

        var news = Assert.Single((await FetchTestSupport.FetchAndParseAsync(server, "feeds/sitemap-news.xml")).Entries);
        Assert.Equal("Kỳ họp HĐND tỉnh khai mạc", news.Title);
        Assert.Equal("vi", news.Language);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 45, 0, TimeSpan.FromHours(7)), news.PublishedAt);
    }

    [Fact]
    public async Task Listing_page_keeps_article_links_of_the_main_content_only()
    {
        await using var server = await FeedTestServer.StartAsync();
        var result = await FetchTestSupport.Fetcher().FetchAsync(new FetchRequest(server.Url("feeds/listing.html")), CancellationToken.None);
        // Parsed as if the page lived at its real address, so "same site" and "deeper than the section" apply.
        var feed = FeedParser.Parse(result.Body, result.ContentType, new Uri("https://tinhthainguyen.example/thoi-su/"));

        Assert.Equal(FeedKind.Listing, feed.Kind);
        Assert.Equal("Tin tức - Cổng thông tin điện tử tỉnh", feed.Title);
        Assert.Equal("vi", feed.Language);
        Assert.Equal(
            [
                ("https://tinhthainguyen.example/thoi-su/thai-nguyen-thu-hut-fdi-2026-345678.html", "Thái Nguyên thu hút FDI năm 2026"),
                ("https://www.tinhthainguyen.example/thoi-su/ra-mat-san-pham-ocop-moi", "Ra mắt sản phẩm OCOP mới"),
                ("https://tinhthainguyen.example/thoi-su/hoi-nghi/chi-tiet", "Hội nghị tổng kết"),
                ("https://tinhthainguyen.example/thoi-su/le-hoi-tra-tan-cuong-2026-345680.html", "Lễ hội trà Tân Cương"),
            ],
            feed.Entries.Select(e => (e.Url, e.Title)));
    }

    [Fact]
    public void Html_without_article_links_is_refused_with_a_reason()
    {
        var html = "<html><body><nav><a href='/a-b-c-d-e'>x</a></nav><p>Không có gì</p><a href='/lien-he'>Liên hệ</a></body></html>";
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(html), "text/html", new Uri("https://x.example/tin/")));
        Assert.Contains("no article-like links", error.Message);
    }

    [Fact]
    public void Kind_comes_from_the_content_not_the_content_type()
    {
        var rss = File.ReadAllBytes(FeedTestServer.FixturePath("rss2.xml"));
        Assert.Equal(FeedKind.Rss, FeedParser.Parse(rss, "text/html; charset=utf-8", new Uri("https://x.example/")).Kind);
        var json = File.ReadAllBytes(FeedTestServer.FixturePath("jsonfeed-1.1.json"));
        Assert.Equal(FeedKind.JsonFeed, FeedParser.Parse(json, "text/plain", new Uri("https://x.example/")).Kind);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just some text", "not RSS, Atom, JSON Feed")]
    [InlineData("{\"hello\": 1}", "not a JSON Feed")]
    [InlineData("{\"items\": [", "broken JSON")]
    [InlineData("<?xml version=\"1.0\"?><html-ish><x/></html-ish>", "root element <html-ish>")]
    public void Unusable_documents_give_a_reason(string body, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, new Uri("https://x.example/")));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_feed_with_no_items_is_valid_and_says_so()
    {
        var feed = FeedParser.Parse("<rss version='2.0'><channel><title>Trống</title></channel></rss>"u8, null, new Uri("https://x.example/"));
        Assert.Empty(feed.Entries);
        Assert.Contains(feed.Warnings, w => w.Contains("no items"));
    }
}
