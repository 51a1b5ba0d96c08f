using System.Net;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

public class ArticleExtractorTests
{
    // Seed 000 as the Sở TT&TT Thái Nguyên site serves it: menu, sidebar, visitor counter, footer around the article.
    private static (string Title, string[] Paragraphs) Seed000()
    {
        string[] lines = File.ReadAllLines(GazetteerTests.SeedPath("000_9d59c203a3daa2aa.txt"));
        var body = lines.Skip(3).Select(l => l.Trim()).TakeWhile(l => !l.StartsWith("Chi tiết Kế hoạch", StringComparison.Ordinal))
            .Where(l => l.Length > 0).ToArray();
        return (lines[0].Trim(), body);
    }

    private static string PortalPage(string title, IEnumerable<string> paragraphs, string head) => $$"""
        <!DOCTYPE html>
        <html lang="vi-VN"><head><meta charset="utf-8"><title>{{title}} - Sở Thông tin và Truyền thông Thái Nguyên</title>{{head}}</head>
        <body>
        <div id="header"><a href="/">Trang chủ</a><div class="top-menu"><ul><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành của Sở Thông tin và Truyền thông</a></li></ul></div></div>
        <nav class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc">Tin tức</a></nav>
        <div class="container"><div class="row">
          <div class="col-main">
            <div class="news-detail">
              <h1 class="title">{{WebUtility.HtmlEncode(title)}}</h1>
              <div class="date">10-01-2022 11:08</div>
              <div class="content">
        {{string.Join("\n", paragraphs.Select(p => "        <p>" + WebUtility.HtmlEncode(p) + "</p>"))}}
              </div>
              <div class="share-box"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div>
              <div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/a">Hội nghị tổng kết công tác thông tin đối ngoại năm 2021 của tỉnh Thái Nguyên</a></li><li><a href="/b">Triển khai nhiệm vụ năm 2022 của ngành Thông tin và Truyền thông</a></li></ul></div>
            </div>
          </div>
          <div class="col-sidebar sidebar"><div class="widget"><h3>Thống kê truy cập</h3><p>Đang truy cập: 1</p><p>Tổng truy cập: 6564577</p></div>
          <div class="ads-banner"><a href="/qc"><img src="/qc.png" alt="Quảng cáo"></a></div></div>
        </div></div>
        <footer><p>TRANG THÔNG TIN ĐIỆN TỬ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH THÁI NGUYÊN</p><p>Chịu trách nhiệm nội dung: Đỗ Xuân Hòa - Giám đốc</p><p>Địa chỉ: số 5, đường Nha Trang, phường Trưng Vương, thành phố Thái Nguyên</p></footer>
        <script>var tracker = "Không được hiện trong bài";</script>
        </body></html>
        """;

    [Fact]
    public void Keeps_the_article_paragraphs_and_drops_the_site_chrome()
    {
        var (title, paragraphs) = Seed000();
        string html = PortalPage(title, paragraphs,
            """<meta property="og:title" content="Ban hành Kế hoạch công tác thông tin đối ngoại năm 2022"><meta property="article:published_time" content="2022-01-10T11:08:00+07:00">""");

        var article = ArticleExtractor.Extract(html, new Uri("https://stttt.thainguyen.gov.vn/tin-tuc/ke-hoach-2022"));

        Assert.Equal("Ban hành Kế hoạch công tác thông tin đối ngoại năm 2022", article.Title);
        Assert.Equal(new DateTimeOffset(2022, 1, 10, 11, 8, 0, TimeSpan.FromHours(7)), article.PublishedAt);
        Assert.Equal("vi", article.Language);
        Assert.Equal(string.Join("\n\n", paragraphs), article.Text);
        foreach (string chrome in new[] { "Tổng truy cập", "Chịu trách nhiệm", "Tin liên quan", "Chia sẻ", "Trang chủ", "tracker", "Giới thiệu" })
        {
            Assert.DoesNotContain(chrome, article.Text);
        }
    }

    [Fact]
    public void Title_from_h1_and_date_from_the_page_when_there_is_no_metadata()
    {
        var (title, paragraphs) = Seed000();
        var article = ArticleExtractor.Extract(PortalPage(title, paragraphs, ""), null);
        Assert.Equal(title, article.Title);
        Assert.Equal(new DateTimeOffset(2022, 1, 10, 11, 8, 0, TimeSpan.FromHours(7)), article.PublishedAt);
        Assert.StartsWith("Ngày 28/12/2021, Ủy ban nhân dân tỉnh", article.Text);
    }

    [Fact]
    public void Reads_json_ld_and_time_elements()
    {
        string ld = """
            <html><head><title>Điện Biên: Ban hành Kế hoạch</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"x","datePublished":"2021-12-29T22:54:00+07:00"}]}</script>
            </head><body><article><p>DIC - Vừa qua, UBND tỉnh ban hành Kế hoạch số 4342/KH-UBND tỉnh về công tác thông tin đối ngoại tỉnh Điện Biên năm 2022.</p></article></body></html>
            """;
        var fromLd = ArticleExtractor.Extract(ld, null);
        Assert.Equal(new DateTimeOffset(2021, 12, 29, 22, 54, 0, TimeSpan.FromHours(7)), fromLd.PublishedAt);
        Assert.Equal("Điện Biên: Ban hành Kế hoạch", fromLd.Title);
        Assert.StartsWith("DIC - Vừa qua", fromLd.Text);

        string time = """<html><body><h1>Tea</h1><time datetime="2023-03-10T07:44:00Z">10/3/2023</time><p>Thai Nguyen province is famous for its tea, grown on the hills around Tan Cuong.</p></body></html>""";
        var fromTime = ArticleExtractor.Extract(time, null);
        Assert.Equal(new DateTimeOffset(2023, 3, 10, 7, 44, 0, TimeSpan.Zero), fromTime.PublishedAt);
        Assert.Equal("en", fromTime.Language);
    }

    [Fact]
    public void Paragraphs_written_with_br_in_a_div_are_kept()
    {
        string html = """
            <html><body><div class="menu"><a href="/">Trang chủ</a></div>
            <div class="noidung">Kế hoạch Công tác thông tin đối ngoại năm 2023 được ban hành nhằm mục đích đẩy mạnh các hoạt động.<br><br>
            Công tác thông tin đối ngoại bao gồm những nội dung chính, trong đó có tập huấn và nâng cao năng lực.<br>
            Xem với cỡ chữ</div></body></html>
            """;
        var article = ArticleExtractor.Extract(html, null);
        Assert.Contains("Kế hoạch Công tác thông tin đối ngoại năm 2023", article.Text);
        Assert.Contains("\n\nCông tác thông tin đối ngoại bao gồm", article.Text);
        Assert.DoesNotContain("Trang chủ", article.Text);
        Assert.Null(article.PublishedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<<<>>> not html at all <p unclosed")]
    public void Never_throws_on_empty_or_broken_html(string html)
    {
        var article = ArticleExtractor.Extract(html, null);
        Assert.NotNull(article.Text);
    }
}
