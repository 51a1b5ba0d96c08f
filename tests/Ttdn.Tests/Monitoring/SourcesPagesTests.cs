using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Fetching;
using Ttdn.Tests.Infrastructure;
using Ttdn.Tests.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring;

/// <summary>
/// The source directory, the source form, "Lấy tin ngay" against real feeds on 127.0.0.1, and who may change what:
/// the pages go through the same code as the API.
/// </summary>
public sealed partial class SourcesPagesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_officer_adds_a_feed_fetches_it_now_and_sees_items_health_and_the_log(Db provider)
    {
        await using var feeds = await FeedTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");

        var form = SourceForm("Báo Thái Nguyên thử nghiệm", feeds.Url("feeds/rss2.xml").ToString());
        using var added = await TestApp.PostFormAsync(officer, "/monitor/sources/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var source = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().SingleAsync(s => s.Name == "Báo Thái Nguyên thử nghiệm"));
        Assert.Equal((SourceKind.Press, SourceFormat.Rss, "VN", "vi", "báo Đảng, tỉnh", 30), (source.Kind, source.Format, source.Country, source.Language, source.Tags, source.PollMinutes));
        Assert.Equal($"/monitor/sources/{source.Id}", added.Headers.Location?.OriginalString);

        var directory = await PageAsync(officer, "/monitor/sources");
        Assert.Contains("Báo Thái Nguyên thử nghiệm", directory);
        Assert.Contains("Chưa lấy tin lần nào", directory); // health: New, with its reason
        Assert.DoesNotContain("Báo Thái Nguyên thử nghiệm", await PageAsync(officer, "/monitor/sources?Kind=Blog"));
        Assert.Contains("Báo Thái Nguyên thử nghiệm", await PageAsync(officer, "/monitor/sources?Kind=Press&Language=vi&Country=VN&Health=New"));

        using var fetched = await FetchNowAsync(app, officer, source.Id);
        Assert.Equal(HttpStatusCode.Redirect, fetched.StatusCode);
        var page = await PageAsync(officer, $"/monitor/sources/{source.Id}");
        var items = await app.WithDbAsync(db => db.MediaItems.Where(i => i.SourceId == source.Id).Select(i => i.Title).ToListAsync());
        Assert.NotEmpty(items);
        Assert.Contains($"Đã lấy tin: {items.Count} mục mới", page);
        Assert.Contains("Thái Nguyên đón đoàn doanh nghiệp Hàn Quốc", page); // the newest items are listed
        var run = await app.WithDbAsync(db => db.FetchRuns.AsNoTracking().SingleAsync(r => r.SourceId == source.Id));
        Assert.Equal((true, 200, items.Count), (run.Succeeded, run.HttpStatus, run.NewItems));
        var log = LogRows().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Single(log);
        Assert.Contains(Lang(run.At), log[0]); // dd/MM/yyyy HH:mm, Vietnam time
        Assert.Contains("Thành công", log[0]);
        Assert.Contains("<td class=\"num\">200</td>", log[0]);

        // Again: nothing new, the outcome says so and the log has a second row.
        using var again = await FetchNowAsync(app, officer, source.Id);
        page = await PageAsync(officer, $"/monitor/sources/{source.Id}");
        Assert.True(page.Contains("Nguồn chưa có gì mới", StringComparison.Ordinal) || page.Contains("0 mục mới", StringComparison.Ordinal), page);
        Assert.Equal(2, LogRows().Matches(page).Count);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_broken_feed_shows_failing_with_its_reason_on_the_source_and_in_the_directory(Db provider)
    {
        await using var feeds = await FeedTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");
        var missing = await AddAsync(app, officer, "Trang không tồn tại", feeds.Url("status/404").ToString());
        var malformed = await AddAsync(app, officer, "Nguồn hỏng XML", feeds.Url("feeds/garbage.xml").ToString());

        using (await FetchNowAsync(app, officer, missing)) { }
        var page = await PageAsync(officer, $"/monitor/sources/{missing}");
        Assert.Contains("Lấy tin không thành công", page);
        Assert.Contains("lỗi 404", page);
        Assert.Contains("Đang lỗi", page);
        var run = await app.WithDbAsync(db => db.FetchRuns.AsNoTracking().SingleAsync(r => r.SourceId == missing));
        Assert.Equal((false, 404), (run.Succeeded, run.HttpStatus));

        using (await FetchNowAsync(app, officer, malformed)) { }
        var reason = await app.WithDbAsync(db => db.MediaSources.Where(s => s.Id == malformed).Select(s => s.LastError).SingleAsync());
        Assert.Contains("broken XML at line", reason);
        page = await PageAsync(officer, $"/monitor/sources/{malformed}");
        Assert.Contains(reason!, page);

        var failing = await PageAsync(officer, "/monitor/sources?Health=Failing");
        Assert.Contains("Trang không tồn tại", failing);
        Assert.Contains("Nguồn hỏng XML", failing);
        Assert.Contains("lỗi 404", failing); // the last error's reason, in the directory too
        Assert.DoesNotContain("Trang không tồn tại", await PageAsync(officer, "/monitor/sources?Health=Healthy"));
        // The alert rules ran with the fetch, as after the API's fetch.
        Assert.True(await app.WithDbAsync(db => db.MonitoringAlerts.AnyAsync(a => a.Kind == AlertKind.SourceFailing && a.SourceId == missing)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_invalid_form_shows_the_error_summary_and_saves_nothing(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");
        var before = await app.WithDbAsync(db => db.MediaSources.CountAsync());

        var badUrl = await ErrorsOfAsync(officer, SourceForm("Nguồn sai địa chỉ", "baothainguyen.vn/rss"));
        Assert.Contains("bắt đầu bằng http:// hoặc https://", badUrl);
        Assert.Contains("href=\"#FeedUrl\"", badUrl);
        Assert.Contains("value=\"Nguồn sai địa chỉ\"", badUrl); // what was typed is kept

        Assert.Contains("Nhập tên nguồn tin", await ErrorsOfAsync(officer, SourceForm("", "https://example.org/rss")));
        Assert.Contains("Mã quốc gia gồm 2 chữ cái", await ErrorsOfAsync(officer, SourceForm("Nguồn X", "https://example.org/rss", country: "VNM")));
        Assert.Contains("Chu kỳ lấy tin tối thiểu", await ErrorsOfAsync(officer, SourceForm("Nguồn X", "https://example.org/rss", poll: "1")));
        Assert.Contains("là một số phút", await ErrorsOfAsync(officer, SourceForm("Nguồn X", "https://example.org/rss", poll: "nhiều")));

        var existing = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().FirstAsync(s => s.Url != null));
        var duplicateUrl = await ErrorsOfAsync(officer, SourceForm("Tên khác hẳn", existing.Url!.Replace("https://", "http://")));
        Assert.Contains("đã có trong danh mục", duplicateUrl);
        var duplicateName = await ErrorsOfAsync(officer, SourceForm(VietnameseFold(existing.Name), "https://example.org/khac.rss"));
        Assert.Contains("Đã có nguồn tên", duplicateName);

        Assert.Equal(before, await app.WithDbAsync(db => db.MediaSources.CountAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Editing_a_source_keeps_what_was_not_changed_and_refuses_a_stale_form(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("theodoi");
        var id = await AddAsync(app, officer, "Nguồn để sửa", "https://example.org/feed.xml");
        var url = $"/monitor/sources/edit/{id}";
        var form = await PageAsync(officer, url);
        Assert.Contains("value=\"Nguồn để sửa\"", form);
        var version = Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var fields = SourceForm("Nguồn đã sửa", "https://example.org/feed.xml", country: "kr", poll: "120").Append(new("Version", version)).ToList();
        using var saved = await TestApp.PostFormAsync(officer, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var s = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("Nguồn đã sửa", "KR", 120), (s.Name, s.Country, s.PollMinutes));

        using var stale = await TestApp.PostFormAsync(officer, url, SourceForm("Lần sửa cũ", "https://example.org/feed.xml").Append(new("Version", version)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Người khác vừa sửa nguồn này", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Nguồn đã sửa", await app.WithDbAsync(db => db.MediaSources.Where(x => x.Id == id).Select(x => x.Name).SingleAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officers_and_viewers_read_the_directory_but_cannot_change_it(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var source = await app.WithDbAsync(db => db.MediaSources.AsNoTracking().FirstAsync(s => s.Format != SourceFormat.Import));
        var officer = await app.SignedInAsync("theodoi");
        Assert.Contains("Lấy tin ngay", await PageAsync(officer, "/monitor/sources"));

        foreach (var user in new[] { "canbo", "khach" })
        {
            var client = await app.SignedInAsync(user);
            var directory = await PageAsync(client, "/monitor/sources");
            Assert.Contains(source.Name, directory);
            Assert.DoesNotContain("Lấy tin ngay", directory);
            Assert.DoesNotContain("Thêm nguồn tin", directory);
            Assert.DoesNotContain("/monitor/import", directory);
            var detail = await PageAsync(client, $"/monitor/sources/{source.Id}");
            Assert.DoesNotContain("Lấy tin ngay", detail);

            using var form = await client.GetAsync("/monitor/sources/edit");
            Assert.True(IsAccessDenied(form), $"{user}: form");
            // Posted with a token from a page the user may open: refused by role, not by antiforgery.
            using var add = await TestApp.PostFormAsync(client, "/monitor/sources/edit", SourceForm("Không được thêm", "https://example.org/x.rss"), "/monitor/sources");
            Assert.True(IsAccessDenied(add), $"{user}: add");
            using var edit = await TestApp.PostFormAsync(client, $"/monitor/sources/edit/{source.Id}", SourceForm("Không được sửa", "https://example.org/y.rss"), "/monitor/sources");
            Assert.True(IsAccessDenied(edit), $"{user}: edit");
            using var fetch = await TestApp.PostFormAsync(client, $"/monitor/sources/{source.Id}?handler=Fetch", [], "/monitor/sources");
            Assert.True(IsAccessDenied(fetch), $"{user}: fetch");
        }
        Assert.False(await app.WithDbAsync(db => db.MediaSources.AnyAsync(s => s.Name.StartsWith("Không được"))));
        Assert.False(await app.WithDbAsync(db => db.FetchRuns.AnyAsync(r => r.SourceId == source.Id)));
    }

    internal static List<KeyValuePair<string, string>> SourceForm(string name, string url, string country = "VN", string poll = "30") =>
    [
        new("Name", name), new("FeedUrl", url), new("Format", "Rss"), new("Kind", "Press"), new("Country", country), new("Language", "vi"),
        new("Tags", "báo Đảng, tỉnh"), new("PollMinutes", poll), new("Active", "true"), new("Active", "false"), new("FetchArticles", "false"),
    ];

    private static async Task<int> AddAsync(TestApp app, HttpClient officer, string name, string url)
    {
        using var added = await TestApp.PostFormAsync(officer, "/monitor/sources/edit", SourceForm(name, url));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return await app.WithDbAsync(db => db.MediaSources.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    }

    private static async Task<string> ErrorsOfAsync(HttpClient client, List<KeyValuePair<string, string>> form)
    {
        using var response = await TestApp.PostFormAsync(client, "/monitor/sources/edit", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Có vấn đề cần sửa", html);
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>
    /// Presses "Lấy tin ngay". The app runs on a fake clock, and the fetcher's per-host pause (robots.txt, then the feed)
    /// waits on that clock: time is moved on in small steps until the request is answered.
    /// </summary>
    internal static async Task<HttpResponseMessage> FetchNowAsync(TestApp app, HttpClient client, int sourceId)
    {
        var post = TestApp.PostFormAsync(client, $"/monitor/sources/{sourceId}?handler=Fetch", [], $"/monitor/sources/{sourceId}");
        while (await Task.WhenAny(post, Task.Delay(100)) != post) app.Clock.Advance(TimeSpan.FromSeconds(1));
        return await post;
    }

    internal static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 3000)]}");
        return WebUtility.HtmlDecode(body); // Razor writes non-ASCII text as character references
    }

    internal static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied") == true;

    private static string Lang(DateTime utc) => Ttdn.Shared.Lang.Date(utc);

    /// <summary>The name without diacritics: still the same source.</summary>
    private static string VietnameseFold(string name) => Ttdn.Vietnamese.Text.VietnameseText.Fold(name);

    [GeneratedRegex("<tr><td>(\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d</td>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex LogRows();
}
