using System.Text;
using Ttdn.Monitoring.Import;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Shared;

namespace Ttdn.Tests.Monitoring;

public sealed class ImportFileTests
{
    private static List<ImportLine> Read(string content, string name) => Read(new UTF8Encoding(false).GetBytes(content), name);

    private static List<ImportLine> Read(byte[] content, string name) => ImportFile.Read(new MemoryStream(content), name).ToList();

    [Fact]
    public void Json_lines_are_read_and_each_bad_line_is_rejected_with_its_number_and_reason()
    {
        var lines = Read("""
            {"url":"https://baothainguyen.vn/a1","source":"Báo Thái Nguyên","title":"Chè Tân Cương","text":"Nội dung","publishedAt":"2022-05-19T08:30:00+07:00","language":"vi"}
            not json at all

            {"url":"https://example.com/b","title":"No date"}
            ["an", "array"]
            {"url":"https://example.com/c","title":"Bad date","publishedAt":"hôm qua"}
            {"url":"https://example.com/d","text":"unix time","publishedAt":1652923800}
            """, "posts.jsonl");
        Assert.Equal(6, lines.Count); // the blank line is skipped
        var first = lines[0].Item!;
        Assert.Equal(("https://baothainguyen.vn/a1", "Báo Thái Nguyên", "Chè Tân Cương", "vi"), (first.Url, first.Source, first.Title, first.Language));
        Assert.Equal(new DateTime(2022, 5, 19, 1, 30, 0, DateTimeKind.Utc), first.PublishedAt);
        Assert.Equal(2, lines[1].Rejected!.Line);
        Assert.Contains("JSON", lines[1].Rejected!.Reason);
        Assert.Null(lines[2].Item!.PublishedAt);
        Assert.Contains("đối tượng JSON", lines[3].Rejected!.Reason);
        Assert.Equal(6, lines[4].Rejected!.Line);
        Assert.Contains("hôm qua", lines[4].Rejected!.Reason);
        Assert.Equal(new DateTime(2022, 5, 19, 1, 30, 0, DateTimeKind.Utc), lines[5].Item!.PublishedAt);
    }

    [Fact]
    public void Csv_fields_may_hold_separators_quotes_and_line_breaks()
    {
        var lines = Read("url,title,text,publishedAt\r\n" +
                         "https://a.vn/1,\"Hội nghị, xúc tiến\",\"Dòng một\nDòng \"\"hai\"\"\",19/05/2022 08:30\r\n" +
                         "https://a.vn/2,Tin hai,Nội dung,\r\n", "export.csv");
        Assert.Equal(2, lines.Count);
        Assert.Equal("Hội nghị, xúc tiến", lines[0].Item!.Title);
        Assert.Equal("Dòng một\nDòng \"hai\"", lines[0].Item!.Text);
        Assert.Equal(new DateTime(2022, 5, 19, 1, 30, 0, DateTimeKind.Utc), lines[0].Item!.PublishedAt); // typed in Vietnam's time
        Assert.Equal(4, lines[1].Item!.Line); // numbered as an editor shows the file: the first record spans lines 2–3
        Assert.Null(lines[1].Item!.PublishedAt);
    }

    [Fact]
    public void Csv_from_excel_with_semicolons_vietnamese_headers_and_windows_1258_is_read()
    {
        var lines = Read(Plans.Import.SeedVariants.Windows1258("Nguồn;Tiêu đề;url;Nội dung\r\nFanpage Tỉnh;Lễ hội Trà;https://fb.com/p/1;Du khách đến Thái Nguyên\r\n"), "fb.csv");
        var item = Assert.Single(lines).Item!;
        Assert.Equal(("Fanpage Tỉnh", "Lễ hội Trà", "Du khách đến Thái Nguyên"), (item.Source, item.Title, item.Text));
    }

    [Fact]
    public void A_csv_without_a_url_column_is_refused_with_what_to_fix()
    {
        var e = Assert.Throws<DomainException>(() => Read("title,text\r\na,b\r\n", "x.csv"));
        Assert.Contains("url", e.Message);
    }

    [Fact]
    public void Other_file_types_are_refused_with_what_to_use()
    {
        var e = Assert.Throws<DomainException>(() => Read("x", "posts.xlsx"));
        Assert.Contains(".jsonl", e.Message);
    }

    [Theory]
    [InlineData("", "url")]
    [InlineData("ftp://a.vn/x", "http")]
    [InlineData("/relative/path", "http")]
    public void Items_without_a_usable_url_are_rejected(string url, string reasonMentions) =>
        Assert.Contains(reasonMentions, MediaIngest.Check(new IncomingItem(url, "t", "x", null, null))!);

    [Fact]
    public void Items_with_neither_title_nor_text_or_a_made_up_language_are_rejected()
    {
        Assert.NotNull(MediaIngest.Check(new IncomingItem("https://a.vn/1", " ", null, null, null)));
        Assert.Contains("ngôn ngữ", MediaIngest.Check(new IncomingItem("https://a.vn/1", "t", "x", null, "Vietnamese!"))!);
        Assert.Null(MediaIngest.Check(new IncomingItem("https://a.vn/1", "t", null, null, "vi-VN")));
    }

    [Theory]
    [InlineData("https://www.baothainguyen.vn/tin/1/?utm_source=fb&b=2&a=1#top", "baothainguyen.vn/tin/1?a=1&b=2")]
    [InlineData("http://BaoThaiNguyen.vn/tin/1", "baothainguyen.vn/tin/1")]
    [InlineData("https://example.com:8443/x?fbclid=abc", "example.com:8443/x")]
    public void The_same_article_reached_by_different_urls_has_one_key(string url, string key) => Assert.Equal(key, UrlKey.Of(url));
}
