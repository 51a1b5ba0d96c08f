using System.Net;
using Microsoft.EntityFrameworkCore;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Pages;
using Ttdn.Monitoring.Processing;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The monitoring pages over the demo content: who sees what, who may change what, and what changes.</summary>
public sealed class PagesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Demo_content_gives_a_living_dashboard(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (items, sources, foreignNegative) = await app.WithDbAsync(async db => (
            await db.MediaItems.CountAsync(), await db.MediaSources.ToListAsync(),
            await db.MonitoringAlerts.CountAsync(a => a.Kind == AlertKind.NegativeForeign)));
        Assert.InRange(items, 60, 100);
        Assert.All(sources, s => Assert.True(!s.Active || s.Format == SourceFormat.Import, s.Name)); // never fetched by itself
        Assert.True(foreignNegative > 0);
        Assert.True(await app.WithDbAsync(db => db.MediaItems.AnyAsync(i => i.ClusterId != i.Id)), "re-posts are grouped in stories");
        Assert.True(await app.WithDbAsync(db => db.MediaItemThemes.AnyAsync()), "items are tagged with plan themes");

        var client = await app.SignedInAsync("khach");
        var html = await PageAsync(client, "/monitor?Days=30");
        Assert.Contains("Câu chuyện nổi bật trong tuần", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Chè Tân Cương", html);
        Assert.Contains("Tiếng Hàn", html);
        Assert.DoesNotContain("/monitor/import", html); // a viewer cannot import
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Search_finds_words_without_diacritics_marks_them_and_saves_searches_per_user(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("khach");
        var html = await client.GetStringAsync("/monitor/search?Q=Dien+Bien&Province=all");
        Assert.Contains("<mark>Điện</mark> <mark>Biên</mark>", html);
        Assert.Contains("Phủ hút khách dịp kỷ niệm chiến thắng", html);
        var home = await client.GetStringAsync("/monitor/search?Q=Thai+Binh");
        Assert.DoesNotContain("Nông dân Thái Bình", home); // home province only: a Thái Bình article is not about Thái Nguyên
        var bad = await client.GetStringAsync("/monitor/search?From=31/02/2026");
        Assert.Contains("không phải ngày", bad);

        using var saved = await TestApp.PostFormAsync(client, "/monitor/search?Q=che+tan+cuong&handler=Save",
            [new("SaveName", "Chè Tân Cương"), new("SaveAlert", "true")], "/monitor/search?Q=che+tan+cuong");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var search = await app.WithDbAsync(db => db.SavedSearches.SingleAsync(s => s.Name == "Chè Tân Cương"));
        Assert.Equal(("khach", "che tan cuong", "thai-nguyen", true), (search.OwnerUserName, search.Query, search.ProvinceKey, search.Alert));
        Assert.Contains("Chè Tân Cương", await client.GetStringAsync("/monitor/search"));

        var other = await app.SignedInAsync("canbo");
        Assert.DoesNotContain("Chè Tân Cương</a>", await other.GetStringAsync("/monitor/search"));
        using var stolen = await TestApp.PostFormAsync(other, "/monitor/search?handler=Delete", [new("DeleteId", search.Id.ToString())], "/monitor/search");
        Assert.True(IsAccessDenied(stolen));
        using var deleted = await TestApp.PostFormAsync(client, "/monitor/search?handler=Delete", [new("DeleteId", search.Id.ToString())], "/monitor/search");
        Assert.False(await app.WithDbAsync(db => db.SavedSearches.AnyAsync()));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Tone_override_through_the_item_page_keeps_the_detected_tone_and_is_audited(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var item = await app.WithDbAsync(db => db.MediaItems.AsNoTracking().FirstAsync(i => i.Title.StartsWith("Review Hồ Núi Cốc")));
        var url = $"/monitor/items/{item.Id}";
        var target = item.DetectedTone == Tone.Positive ? Tone.Negative : Tone.Positive;
        var form = new KeyValuePair<string, string>[] { new("NewTone", target.ToString()), new("Version", item.Version.ToString()) };

        foreach (var user in new[] { "canbo", "khach" })
        {
            var client = await app.SignedInAsync(user);
            var page = await client.GetStringAsync(url + "?q=nui+coc");
            Assert.Contains("<mark>Núi</mark> <mark>Cốc</mark>", page);
            Assert.DoesNotContain("Sửa sắc thái", page);
            using var refused = await TestApp.PostFormAsync(client, url + "?handler=Tone", form, url);
            Assert.True(IsAccessDenied(refused), user);
        }
        Assert.Equal(item.Tone, await app.WithDbAsync(db => db.MediaItems.Where(i => i.Id == item.Id).Select(i => i.Tone).SingleAsync()));

        var officer = await app.SignedInAsync("theodoi");
        int changedBefore = ChangedTones(await PageAsync(officer, "/monitor?Days=90"));
        Assert.Contains("Sửa sắc thái", await officer.GetStringAsync(url));
        using var done = await TestApp.PostFormAsync(officer, url + "?handler=Tone", form, url);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await app.WithDbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((target, item.DetectedTone, "theodoi"), (after.Tone, after.DetectedTone, after.ToneOverriddenBy));
        Assert.Contains("Đã sửa bởi theodoi", await officer.GetStringAsync(url));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("MediaItem") && a.UserName == "theodoi")));
        var dashboard = await PageAsync(officer, "/monitor?Days=90"); // overrides are counted, by what the rules said and what the officer chose
        Assert.Equal(changedBefore + 1, ChangedTones(dashboard));
        Assert.Contains($"<td>{MonitorLabels.Of(item.DetectedTone)}</td><td>{MonitorLabels.Of(target)}</td>", dashboard);

        using var stale = await TestApp.PostFormAsync(officer, url + "?handler=Tone", form, url); // the old version again
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Người khác vừa sửa", await stale.Content.ReadAsStringAsync());
    }

    private static int ChangedTones(string dashboard) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(dashboard, @"sửa (\d+) tin khác với máy nhận định").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 3000)]}");
        return body;
    }

    /// <summary>Pages refuse with a redirect to the access-denied page, which answers 403.</summary>
    private static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Accounts/AccessDenied") == true;
}
