using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Pages;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Monitoring.SourcesPagesTests;

namespace Ttdn.Tests.Monitoring;

/// <summary>/monitor/import and /monitor/alerts: counts and line reasons, refused files that change nothing, acknowledging alerts.</summary>
public sealed partial class ImportAndAlertsPagesTests
{
    private const string GoodCsv = """
        url,source,title,text,publishedAt,language
        https://facebook.example/tn/posts/1,Trang Thái Nguyên Quê Tôi,Chè Tân Cương vào mùa,"Đồi chè Tân Cương, Thái Nguyên xanh mướt",20/11/2026 08:30,vi
        https://facebook.example/tn/posts/2,Trang Thái Nguyên Quê Tôi,Hồ Núi Cốc cuối tuần,Du khách đến Hồ Núi Cốc ở Thái Nguyên,2026-11-21T09:00:00+07:00,vi
        """;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Import_page_counts_imported_duplicates_and_rejected_lines_with_their_reasons(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");
        var form = await PageAsync(officer, "/monitor/import");
        Assert.Contains("Nhập dữ liệu từ tệp", form);
        Assert.Contains("aria-busy", form); // the busy state while the file uploads

        var good = await ImportAsync(officer, Encoding.UTF8.GetBytes(GoodCsv), "trang.csv");
        Assert.Equal((2, 0, 0), Counts(good));
        var source = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().SingleAsync(s => s.Name == "Trang Thái Nguyên Quê Tôi"));
        Assert.Equal(SourceFormat.Import, source.Format);
        Assert.Equal(2, await app.WithDbAsync(db => db.MediaItems.CountAsync(i => i.SourceId == source.Id)));

        var mixed = string.Join('\n',
            """{"url":"https://facebook.example/tn/posts/1","title":"Chè Tân Cương vào mùa","text":"lặp lại"}""",
            "đây không phải JSON",
            """{"url":"https://facebook.example/tn/posts/3","title":"Lễ hội trà","text":"Festival Trà Thái Nguyên","publishedAt":"hôm qua"}""",
            """{"url":"https://facebook.example/tn/posts/4","title":"Bánh chưng Bờ Đậu","text":"Đặc sản Thái Nguyên"}""");
        var result = await ImportAsync(officer, Encoding.UTF8.GetBytes(mixed), "bai-dang.jsonl", "Nhóm Yêu Thái Nguyên");
        Assert.Equal((1, 1, 2), Counts(result));
        var rejections = RejectionRows().Matches(result).Select(m => (Line: m.Groups[1].Value, Reason: m.Groups[2].Value)).ToList();
        Assert.Equal(["2", "3"], rejections.Select(r => r.Line));
        Assert.Contains("JSON", rejections[0].Reason);
        Assert.Contains("hôm qua", rejections[1].Reason);
        Assert.True(await app.WithDbAsync(db => db.MediaItems.AnyAsync(i => i.Title == "Bánh chưng Bờ Đậu" && i.SourceId == db.MediaSources.Single(s => s.Name == "Nhóm Yêu Thái Nguyên").Id)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_non_utf8_file_is_decoded_and_an_unreadable_file_is_refused_with_a_message_changing_nothing(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");

        // UTF-16 as some spreadsheet exports write it: the Vietnamese comes through intact.
        var utf16 = await ImportAsync(officer, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(GoodCsv)).ToArray(), "xuat-utf16.csv");
        Assert.Equal((2, 0, 0), Counts(utf16));
        Assert.True(await app.WithDbAsync(db => db.MediaItems.AnyAsync(i => i.Title == "Chè Tân Cương vào mùa")));

        var before = await app.WithDbAsync(async db => (await db.MediaItems.CountAsync(), await db.MediaSources.CountAsync()));
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        var garbage = await ImportAsync(officer, binary, "anh.csv");
        Assert.Contains("Có vấn đề cần sửa", garbage);
        Assert.Contains("không phải văn bản (có byte nhị phân)", garbage);
        Assert.Contains("hãy xuất dữ liệu ra tệp .csv hoặc .jsonl", garbage);
        var noUrl = await ImportAsync(officer, Encoding.UTF8.GetBytes("tiêu đề,nội dung\nA,B\n"), "thieu-cot.csv");
        Assert.Contains("phải có cột url", noUrl);
        var spreadsheet = await ImportAsync(officer, binary, "bang-tinh.xlsx");
        Assert.Contains("chỉ nhận tệp .jsonl (JSON Lines) hoặc .csv", spreadsheet);
        var empty = await ImportAsync(officer, [], "trong.csv");
        Assert.Contains("Hãy chọn tệp cần nhập", empty);
        Assert.Equal(before, await app.WithDbAsync(async db => (await db.MediaItems.CountAsync(), await db.MediaSources.CountAsync())));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_file_over_the_configured_limit_gets_a_clear_message_and_nothing_is_imported(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { ["Monitoring:MaxImportMegabytes"] = "1" });
        var officer = await app.SignedInAsync("theodoi");
        Assert.Contains("tối đa 1 MB", await PageAsync(officer, "/monitor/import"));
        var before = await app.WithDbAsync(db => db.MediaItems.CountAsync());
        var big = new StringBuilder(GoodCsv);
        for (var i = 3; big.Length < 1_200_000; i++) big.Append(CultureInfo($"\nhttps://facebook.example/tn/posts/{i},Trang lớn,Bài {i},{new string('x', 200)},20/11/2026,vi"));
        var page = await ImportAsync(officer, Encoding.UTF8.GetBytes(big.ToString()), "lon.csv");
        Assert.Contains("Tệp lớn hơn giới hạn 1 MB; chưa nhập gì", page);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaItems.CountAsync()));
    }

    /// <summary>Past the server's own limit the form is never read: the error page gives advice about media files, not plans.</summary>
    [Fact]
    public async Task A_file_over_the_server_limit_gets_advice_for_media_files_and_nothing_is_imported()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var officer = await app.SignedInAsync("theodoi");
        var before = await app.WithDbAsync(db => db.MediaItems.CountAsync());
        var token = Token().Match(await officer.GetStringAsync("/monitor/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StreamContent(new CsvLines(MonitoringApi.MaxImportBytes + 1024 * 1024)), "Upload", "lon.csv" },
        };
        var response = await officer.PostAsync("/monitor/import", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tệp tải lên quá lớn", page);
        Assert.Contains("lớn hơn 200 MB và chưa nhập tin nào", page);
        Assert.Contains("chia tệp JSON Lines hoặc CSV", page);
        Assert.DoesNotContain("kế hoạch", page);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaItems.CountAsync()));
    }

    /// <summary>The API says what the limit is, whether the body declares its length or is sent in chunks.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_import_api_refuses_a_body_over_the_limit_with_the_limit_and_imports_nothing(bool declared)
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var officer = await app.SignedInAsync("theodoi");
        var before = await app.WithDbAsync(db => db.MediaItems.CountAsync());
        using var form = new MultipartFormDataContent { { new StreamContent(new CsvLines(MonitoringApi.MaxImportBytes + 1024 * 1024, declared)), "file", "lon.csv" } };
        var response = await officer.PostAsync("/api/monitor/import", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Contains(declared ? "lớn hơn giới hạn 200 MB; chưa lưu gì" : "lớn hơn giới hạn; chưa lưu gì", problem!.Detail);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaItems.CountAsync()));
    }

    /// <summary>
    /// A CSV file of the given size made as it is read, so a test can send 200 MB without holding it. Seekable, so the
    /// request declares its length as a browser's does; when not <paramref name="declared"/>, it is sent in chunks.
    /// </summary>
    private sealed class CsvLines(long length, bool declared = true) : Stream
    {
        private static readonly byte[] Line = Encoding.UTF8.GetBytes("https://facebook.example/tn/posts/1,Trang,Bài,Nội dung dài,20/11/2026,vi\n");
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => declared;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = Line[(_position + i) % Line.Length];
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Alerts_are_listed_newest_first_and_officers_mark_them_seen(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var open = await app.WithDbAsync(db => db.MonitoringAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.Id).ToListAsync());
        Assert.True(open.Count >= 2, "the demo content raises alerts");

        var viewer = await app.SignedInAsync("khach");
        var list = await PageAsync(viewer, "/monitor/alerts");
        var ids = AlertIds().Matches(list).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(open.Select(a => a.Id), ids);
        Assert.Contains(open[0].Title, list);
        if (open.FirstOrDefault(a => a.ItemId != null) is { } withItem) Assert.Contains($"href=\"/monitor/items/{withItem.ItemId}\"", list);
        Assert.Contains($"<span class=\"count\" id=\"open-alerts\" title=\"chưa xem\">{open.Count}<", list); // the unread count in the monitoring menu
        Assert.DoesNotContain("Đánh dấu tất cả đã xem", list);
        var negative = await PageAsync(viewer, "/monitor/alerts?Kind=NegativeForeign");
        Assert.Equal(open.Count(a => a.Kind == AlertKind.NegativeForeign), AlertIds().Matches(negative).Count);

        foreach (var user in new[] { "canbo", "khach" })
        {
            var client = await app.SignedInAsync(user);
            using var one = await TestApp.PostFormAsync(client, $"/monitor/alerts?handler=Acknowledge&id={open[0].Id}", [], "/monitor/alerts");
            Assert.True(IsAccessDenied(one), user);
            using var all = await TestApp.PostFormAsync(client, "/monitor/alerts?handler=AcknowledgeAll", [], "/monitor/alerts");
            Assert.True(IsAccessDenied(all), user);
            using var import = await client.GetAsync("/monitor/import");
            Assert.True(IsAccessDenied(import), user);
        }
        Assert.Equal(open.Count, await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null)));

        var officer = await app.SignedInAsync("theodoi");
        Assert.Contains("Đánh dấu tất cả đã xem", await PageAsync(officer, "/monitor/alerts"));
        using var seen = await TestApp.PostFormAsync(officer, $"/monitor/alerts?handler=Acknowledge&id={open[0].Id}", [], "/monitor/alerts");
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        var first = await app.WithDbAsync(db => db.MonitoringAlerts.AsNoTracking().SingleAsync(a => a.Id == open[0].Id));
        Assert.Equal(("theodoi", app.Clock.GetUtcNow().UtcDateTime), (first.AcknowledgedBy, first.AcknowledgedAt));
        var unread = await PageAsync(officer, "/monitor/alerts");
        Assert.DoesNotContain($"data-alert-id=\"{open[0].Id}\"", unread);
        Assert.Contains($"id=\"open-alerts\" title=\"chưa xem\">{open.Count - 1}<", unread);
        Assert.Contains("Đã xem bởi theodoi", await PageAsync(officer, "/monitor/alerts?Show=all"));

        // Filtered on one kind, "mark all" marks that kind only.
        var kind = open.Skip(1).First().Kind;
        var ofKind = await PageAsync(officer, $"/monitor/alerts?Kind={kind}");
        Assert.Contains($"Đánh dấu tất cả cảnh báo “{MonitorLabels.Of(kind)}” đã xem", ofKind);
        using var kindSeen = await TestApp.PostFormAsync(officer, $"/monitor/alerts?handler=AcknowledgeAll&Kind={kind}", [], $"/monitor/alerts?Kind={kind}");
        Assert.Equal(HttpStatusCode.Redirect, kindSeen.StatusCode);
        Assert.Equal(open.Skip(1).Count(a => a.Kind != kind),
            await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null)));

        using var allSeen = await TestApp.PostFormAsync(officer, "/monitor/alerts?handler=AcknowledgeAll", [], "/monitor/alerts");
        Assert.Equal(HttpStatusCode.Redirect, allSeen.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null)));
        var none = await PageAsync(officer, "/monitor/alerts");
        Assert.Contains("Không có cảnh báo nào chưa xem", none);
        Assert.DoesNotContain("id=\"open-alerts\"", none);
        Assert.Equal("theodoi", await app.WithDbAsync(db => db.MonitoringAlerts.Where(a => a.Id == open[1].Id).Select(a => a.AcknowledgedBy).SingleAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_api_acknowledges_alerts_lists_fetch_logs_and_refuses_duplicate_sources(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var alert = await app.WithDbAsync(db => db.MonitoringAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderBy(a => a.Id).FirstAsync());
        var viewer = await app.SignedInAsync("khach");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/monitor/alerts/{alert.Id}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/monitor/alerts/acknowledge-all", null)).StatusCode);
        Assert.Contains($"\"id\":{alert.Id},", await viewer.GetStringAsync("/api/monitor/alerts?open=true"));

        var officer = await app.SignedInAsync("theodoi");
        using var seen = await officer.PostAsync($"/api/monitor/alerts/{alert.Id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains("\"acknowledgedBy\":\"theodoi\"", await seen.Content.ReadAsStringAsync());
        Assert.DoesNotContain($"\"id\":{alert.Id},", await officer.GetStringAsync("/api/monitor/alerts?open=true"));
        var negative = await officer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/monitor/alerts?kind=NegativeForeign");
        Assert.NotEqual(0, negative.GetArrayLength());
        Assert.All(negative.EnumerateArray(), a => Assert.Equal("NegativeForeign", a.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync("/api/monitor/alerts/999999/acknowledge", null)).StatusCode);
        var openNegative = await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null && a.Kind == AlertKind.NegativeForeign));
        var openOthers = await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null && a.Kind != AlertKind.NegativeForeign));
        using var negativeSeen = await officer.PostAsync("/api/monitor/alerts/acknowledge-all?kind=NegativeForeign", null);
        Assert.Equal(openNegative.ToString(System.Globalization.CultureInfo.InvariantCulture), await negativeSeen.Content.ReadAsStringAsync());
        Assert.Equal(openOthers, await app.WithDbAsync(db => db.MonitoringAlerts.CountAsync(a => a.AcknowledgedAt == null)));

        var source = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().FirstAsync(s => s.Url != null));
        Assert.Equal("[]", await viewer.GetStringAsync($"/api/monitor/sources/{source.Id}/runs"));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/monitor/sources/999999/runs")).StatusCode);
        using var duplicate = await officer.PostAsJsonAsync("/api/monitor/sources", new { name = "Bản sao", url = source.Url + "?utm_source=x", kind = "Press", format = "Rss" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("đã có trong danh mục", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_monitoring_page_has_the_sub_menu(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");
        var viewer = await app.SignedInAsync("khach");
        foreach (var url in new[] { "/monitor", "/monitor/search", "/monitor/sources", "/monitor/import", "/monitor/alerts", "/monitor/digests" })
        {
            var html = await PageAsync(officer, url);
            foreach (var (href, text) in Menu) Assert.Contains($"<a href=\"{href}\"", html);
            Assert.Contains($"<a href=\"{url}\" aria-current=\"page\">", html);
            foreach (var (_, text) in Menu) Assert.Contains(text, html);
        }
        var seen = await PageAsync(viewer, "/monitor/sources");
        Assert.DoesNotContain("Nhập dữ liệu", seen); // only those who may import see the import page
    }

    private static readonly (string Href, string Text)[] Menu =
    [
        ("/monitor", "Tổng quan"), ("/monitor/search", "Tìm kiếm"), ("/monitor/sources", "Nguồn tin"), ("/monitor/import", "Nhập dữ liệu"),
        ("/monitor/alerts", "Cảnh báo"), ("/monitor/digests", "Bản tin"),
    ];

    private static string CultureInfo(FormattableString s) => FormattableString.Invariant(s);

    /// <summary>Uploads through the form the way a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<string> ImportAsync(HttpClient client, byte[] content, string fileName, string? source = null)
    {
        var page = await client.GetStringAsync("/monitor/import");
        var token = Token().Match(page);
        Assert.True(token.Success);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        if (source is not null) form.Add(new StringContent(source), "Source");
        using var response = await client.PostAsync("/monitor/import", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}");
        return WebUtility.HtmlDecode(body);
    }

    private static (int Imported, int Duplicates, int Rejected) Counts(string html)
    {
        int Of(string id)
        {
            var m = Regex.Match(html, $"<strong id=\"{id}\">(\\d+)</strong>");
            Assert.True(m.Success, $"no {id} count in the page");
            return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return (Of("imported"), Of("duplicates"), Of("rejected"));
    }

    [GeneratedRegex("<tr><td class=\"num\">(\\d+)</td><td>[^<]*</td><td>([^<]*)</td></tr>")]
    private static partial Regex RejectionRows();

    [GeneratedRegex("data-alert-id=\"(\\d+)\"")]
    private static partial Regex AlertIds();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
