using System.Net;
using System.Text.RegularExpressions;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary>The dashboard's figures are counted by the database: days end at midnight in Vietnam, not in UTC.</summary>
public sealed class DashboardTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Counts_items_by_Vietnamese_day_source_language_and_foreign_share(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInAsync("khach");
        var before = await PageAsync(client);

        // 16:59 UTC is 23:59 on the 20th in Vietnam; 17:00 UTC is already the 21st.
        const string text = "Tỉnh Thái Nguyên đón đoàn khách quốc tế tham quan đồi chè Tân Cương và tìm hiểu văn hoá địa phương.";
        IncomingItem At(int hour, int minute, string path) =>
            new($"https://dashboard.example.com/{path}", $"Khách quốc tế thăm Thái Nguyên {path}", text + " " + path, new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc), "vi");
        await app.WithDbAsync(async db =>
        {
            var source = new MediaSource { Name = "Nguồn kiểm thử bảng điều khiển", Format = SourceFormat.Import, Country = "SG", Language = "en", CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.MediaSources.Add(source);
            await db.SaveChangesAsync();
            return (await new MediaIngest(app.Clock).IngestAsync(db, source, [At(16, 59, "a"), At(17, 0, "b"), At(17, 30, "c")])).Imported;
        });
        var after = await PageAsync(client);

        Assert.Equal(Day(before, "20/11/2026") + 1, Day(after, "20/11/2026"));
        Assert.Equal(Day(before, "21/11/2026") + 2, Day(after, "21/11/2026"));
        Assert.Equal(Total(before) + 3, Total(after));
        Assert.Equal(Foreign(before) + 3, Foreign(after));
        Assert.Matches("<td>Nguồn kiểm thử bảng điều khiển</td><td class=\"num\">3</td>", after);

        // The directory's 14-day activity counts by the day the items were collected (today, in Vietnam).
        using var sources = await client.GetAsync("/monitor/sources");
        Assert.Matches("Nguồn kiểm thử bảng điều khiển[\\s\\S]*?trong 14 ngày qua: (0, ){13}3\"", await sources.Content.ReadAsStringAsync());
    }

    private static int Day(string html, string day) => Number(html, $"<tr><td>{day}</td><td class=\"num\">(\\d+)</td></tr>");
    private static int Total(string html) => Number(html, "<p id=\"total\"><strong>(\\d+)</strong>");
    private static int Foreign(string html) => Number(html, "trong đó (\\d+) tin trên báo nước ngoài");

    private static int Number(string html, string pattern)
    {
        var m = Regex.Match(html, pattern);
        Assert.True(m.Success, $"not on the dashboard: {pattern}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/monitor?Days=7");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }
}
