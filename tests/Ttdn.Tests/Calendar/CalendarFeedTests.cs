using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Calendar;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Calendar;

/// <summary>The iCalendar feed: RFC 5545 form, checked by an independent parser (ical.js under node), and its secret.</summary>
public sealed class CalendarFeedTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_feed_parses_in_ical_js_with_the_anniversaries_deadlines_and_events_of_the_organisation(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("canbo"); // Báo Thái Nguyên
        var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(officer, "/api/calendar/events", new
        {
            title = "Họp báo, phối hợp; \"Tuần văn hóa\" Việt Nam – Hàn Quốc", startDate = "2027-05-24", endDate = "2027-05-26", organisationId = kit.Newspaper, place = "Hà Nội",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await officer.GetStringAsync("/calendar?month=2022-05");
        var url = System.Text.RegularExpressions.Regex.Match(page, "value=\"(http://localhost/calendar/\\d+\\.ics\\?token=[^\"]+)\"");
        Assert.True(url.Success, "The calendar page shows the subscription address");
        var anonymous = app.Client();
        var response = await anonymous.GetAsync(url.Groups[1].Value.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));

        var parsed = await IcalJsAsync(ics);
        Assert.Equal("2.0", parsed.GetProperty("version").GetString());
        Assert.Equal(ICalendarWriter.ProductId, parsed.GetProperty("prodid").GetString());
        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        // A year back and eighteen months ahead of 23/11/2026: the 79th, 80th and 81st anniversaries.
        var atks = events.Where(e => e.GetProperty("summary").GetString()!.Contains("ATK Định Hóa", StringComparison.Ordinal)).ToList();
        Assert.Equal(["2026-05-20", "2027-05-20", "2028-05-20"], atks.Select(e => e.GetProperty("start").GetString()!).Order().ToArray());
        var atk = atks.Single(e => e.GetProperty("start").GetString() == "2027-05-20");
        Assert.Equal("Kỷ niệm 80 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa cùng Trung ương Đảng, Chính phủ lãnh đạo cuộc kháng chiến chống thực dân Pháp (20/05/1947 - 20/05/2027)",
            atk.GetProperty("summary").GetString());
        Assert.Equal("2027-05-20", atk.GetProperty("start").GetString());
        Assert.Equal("2027-05-21", atk.GetProperty("end").GetString());
        Assert.True(atk.GetProperty("allDay").GetBoolean());
        Assert.Equal("2026-11-23T02:00:00Z", atk.GetProperty("stamp").GetString());
        var meeting = Assert.Single(events, e => e.GetProperty("summary").GetString() == "Họp báo, phối hợp; \"Tuần văn hóa\" Việt Nam – Hàn Quốc");
        Assert.Equal(("2027-05-24", "2027-05-27"), (meeting.GetProperty("start").GetString(), meeting.GetProperty("end").GetString()));
        Assert.Contains(events, e => e.GetProperty("uid").GetString()!.StartsWith("deadline-", StringComparison.Ordinal)); // the newspaper's duties in this year's plan
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("uid").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Without_the_right_token_there_is_no_feed()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var kit = await CalendarKit.OfAsync(app);
        await (await app.SignedInAsync("canbo")).GetStringAsync("/calendar");
        var token = await app.WithDbAsync(db => db.CalendarFeeds.Where(f => f.OrganisationId == kit.Newspaper).Select(f => f.Token).SingleAsync());
        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{kit.Newspaper}.ics?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{kit.Newspaper}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{kit.Newspaper}.ics?token=x{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{kit.Culture}.ics?token={token}")).StatusCode);
        // The secret stays out of the audit trail, which administrators read.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("CalendarFeed"))));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(token))));
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character_and_text_is_escaped()
    {
        var entry = new CalendarEntry(EntryKind.Event, new DateOnly(2022, 5, 20), new DateOnly(2022, 5, 20),
            string.Concat(Enumerable.Repeat("Định Hóa, Thái Nguyên; ", 8)) + "a\\b\nc", null, null, false, "event-1");
        var ics = ICalendarWriter.Write("Lịch", [entry], new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        var summary = string.Concat(lines.SkipWhile(l => !l.StartsWith("SUMMARY:", StringComparison.Ordinal))
            .TakeWhile((l, i) => i == 0 || l.StartsWith(' ')).Select((l, i) => i == 0 ? l : l[1..]));
        Assert.Equal("SUMMARY:" + string.Concat(Enumerable.Repeat("Định Hóa\\, Thái Nguyên\\; ", 8)) + "a\\\\b\\nc", summary);
        Assert.Contains("DTSTAMP:20261123T020000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20220521\r\n", ics, StringComparison.Ordinal);
    }

    /// <summary>Runs tests/js/parse-ics.mjs (ical.js, installed by scripts/install-test-deps.sh) on the document.</summary>
    internal static async Task<JsonElement> IcalJsAsync(string ics)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ttdn.sln"))) dir = dir.Parent;
        var js = Path.Combine(dir!.FullName, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "ical.js")), "ical.js is missing: run scripts/install-test-deps.sh");
        var start = new ProcessStartInfo("node", "parse-ics.mjs")
        {
            WorkingDirectory = js, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(ics);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "ical.js rejected the feed: " + await error);
        return JsonDocument.Parse(await output).RootElement;
    }
}
