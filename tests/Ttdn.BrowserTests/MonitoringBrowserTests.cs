using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>
/// Media monitoring end to end: a monitoring officer adds a real RSS feed (served on 127.0.0.1 by the test), fetches
/// it now, finds the item written "Điện Biên" by typing "Dien Bien", and overrides its tone.
/// </summary>
public sealed class MonitoringBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output), IAsyncLifetime
{
    private const string FeedName = "Báo Biên giới thử nghiệm";
    private const string DienBienTitle = "Đoàn du khách Thái Nguyên lên Điện Biên dự lễ hội hoa ban";
    private WebApplication? _feed;
    private string _feedBase = "";

    [Fact]
    public Task Officer_adds_a_feed_fetches_it_finds_Dien_Bien_without_diacritics_and_overrides_the_tone() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "theodoi", AppServer.DemoPassword);
        var monitor = new MonitoringPages(page);
        await monitor.OpenAsync("Nguồn tin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nguồn tin", Exact = true })).ToBeVisibleAsync();

        var sourceId = await monitor.AddFeedAsync(FeedName, _feedBase + "/rss.xml", "VN", "Tiếng Việt");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = FeedName, Exact = true })).ToBeVisibleAsync();
        await Expect(monitor.Health).ToHaveTextAsync("Mới");
        await Expect(monitor.ItemCount).ToHaveTextAsync("0");

        await monitor.FetchNowButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(monitor.FetchOutcome).ToContainTextAsync("Đã lấy tin");
        await Expect(monitor.ItemCount).ToHaveTextAsync("3");
        await Expect(monitor.SourceItems).ToHaveCountAsync(3);
        await Expect(monitor.SourceItems.Filter(new() { HasText = DienBienTitle })).ToBeVisibleAsync();
        await Expect(monitor.FetchLogRows.First).ToContainTextAsync("Thành công");
        await Expect(monitor.Health).ToHaveTextAsync("Hoạt động tốt");
        Output.WriteLine($"Source {sourceId}: {await monitor.FetchOutcome.TextContentAsync()}");

        // The directory lists it with its health.
        await monitor.SubMenu("Nguồn tin").ClickAsync();
        await Expect(page.Locator($"tr[data-source-id='{sourceId}']")).ToContainTextAsync("Hoạt động tốt");

        await monitor.SubMenu("Tìm kiếm").ClickAsync();
        await monitor.SearchAsync("Dien Bien");
        var result = monitor.Result("lễ hội hoa ban");
        await Expect(result).ToBeVisibleAsync();
        await Expect(result.Locator("h3 mark").First).ToHaveTextAsync("Điện");
        await Expect(result.Locator("h3 mark").Nth(1)).ToHaveTextAsync("Biên");

        await result.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync("**/monitor/items/**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DienBienTitle);
        await Expect(monitor.Tone).ToContainTextAsync("Máy nhận định, chưa ai sửa");
        var detected = (await monitor.Tone.Locator(".status").TextContentAsync())!.Trim();
        var target = detected == "Tiêu cực" ? "Tích cực" : "Tiêu cực";

        await monitor.OverrideToneAsync(target);
        await Expect(page.GetByText($"Đã sửa sắc thái thành \"{target}\".")).ToBeVisibleAsync();
        await Expect(monitor.Tone.Locator(".status")).ToHaveTextAsync(target);
        await Expect(monitor.Tone).ToContainTextAsync($"Đã sửa bởi theodoi");
        await Expect(monitor.Tone).ToContainTextAsync($"máy nhận định: {detected}");
    });

    [Fact]
    public Task Officer_imports_an_export_file_sees_the_busy_state_then_counts_and_line_reasons() => RunAsync(async page =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"xuat-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, """
            url,source,title,text,publishedAt
            https://facebook.example/yeu-tn/posts/11,Nhóm Yêu Thái Nguyên,Mùa chè Tân Cương,Đồi chè Thái Nguyên vào vụ,20/11/2026 08:30
            https://facebook.example/yeu-tn/posts/12,Nhóm Yêu Thái Nguyên,Hồ Núi Cốc,Thái Nguyên đón khách,hôm qua
            """);
        try
        {
            await LoginPage.SignInAsync(page, "theodoi", AppServer.DemoPassword);
            await new MonitoringPages(page).OpenAsync("Nhập dữ liệu");
            await page.GetByLabel("Tệp dữ liệu", new() { Exact = true }).SetInputFilesAsync(file);
            await Expect(page.Locator("#import-progress")).ToBeHiddenAsync();
            // Pressed from the page's own script, which reports the state right after the submit handler ran: Playwright's
            // locators would wait for the navigation the submit starts, and see only the next page.
            var busy = await page.GetByRole(AriaRole.Button, new() { Name = "Nhập dữ liệu", Exact = true }).EvaluateAsync<string>(
                "b => { b.click(); return [!document.getElementById('import-progress').hidden, b.disabled, b.getAttribute('aria-busy')].join(); }");
            Assert.Equal("true,true,true", busy);
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await Expect(page.Locator("#import-result")).ToBeVisibleAsync();
            await Expect(page.Locator("#imported")).ToHaveTextAsync("1");
            await Expect(page.Locator("#rejected")).ToHaveTextAsync("1");
            await Expect(page.Locator("#rejections tbody tr")).ToContainTextAsync("hôm qua");
            await Expect(page.Locator("#rejections tbody tr td").First).ToHaveTextAsync("3");
        }
        finally
        {
            File.Delete(file);
        }
    });

    /// <summary>A small news site on 127.0.0.1: an RSS 2.0 feed of three items and no robots.txt (404: everything allowed).</summary>
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _feed = builder.Build();
        _feed.MapGet("/rss.xml", (HttpContext c) => Results.Text(Rss(_feedBase), "application/rss+xml; charset=utf-8"));
        _feed.MapGet("/robots.txt", () => Results.NotFound());
        await _feed.StartAsync();
        _feedBase = _feed.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_feed is not null) await _feed.DisposeAsync();
    }

    private static string Rss(string site)
    {
        var now = DateTimeOffset.UtcNow;
        string Item(int n, string title, string text, int hoursAgo) => $"""
            <item>
              <title>{WebUtility.HtmlEncode(title)}</title>
              <link>{site}/tin/{n}.html</link>
              <guid>{site}/tin/{n}.html</guid>
              <description>{WebUtility.HtmlEncode(text)}</description>
              <pubDate>{now.AddHours(-hoursAgo).ToString("R", CultureInfo.InvariantCulture)}</pubDate>
            </item>
            """;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>{FeedName}</title>
                <link>{site}/</link>
                <description>Tin thử nghiệm</description>
                <language>vi</language>
                {Item(1, DienBienTitle, "Hơn 200 du khách từ tỉnh Thái Nguyên đã lên thành phố Điện Biên Phủ, tỉnh Điện Biên, dự lễ hội hoa ban và thăm di tích chiến thắng.", 2)}
                {Item(2, "Thái Nguyên mở rộng vùng chè đặc sản Tân Cương", "Tỉnh Thái Nguyên tiếp tục mở rộng diện tích chè đặc sản ở xã Tân Cương, nâng cao thu nhập cho người trồng chè.", 5)}
                {Item(3, "Sinh viên quốc tế học tiếng Việt tại Đại học Thái Nguyên", "Hơn 100 sinh viên Lào và Hàn Quốc đang học tiếng Việt tại Đại học Thái Nguyên trong năm học mới.", 9)}
              </channel>
            </rss>
            """;
    }
}
