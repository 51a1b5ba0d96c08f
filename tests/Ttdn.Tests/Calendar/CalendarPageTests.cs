using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Calendar;

/// <summary>The month and list views, and registered events.</summary>
public sealed class CalendarPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task May_2022_shows_lunar_dates_anniversaries_deadlines_and_events(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("canbo");
        var saved = await TestApp.PostFormAsync(officer, "/calendar/events", new Dictionary<string, string>
        {
            ["Title"] = "Đón đoàn phóng viên Lào", ["StartDate"] = "18/05/2022", ["OrganisationId"] = kit.Newspaper.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Place"] = "Định Hóa",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var grid = await officer.GetStringAsync("/calendar?month=2022-05");
        Assert.Contains("Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa", grid, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2022-05-20\"", grid, StringComparison.Ordinal);
        // 20/05/2022 is 20/4 Nhâm Dần; 01/05/2022 is 1/4.
        var cell = grid[grid.IndexOf("data-date=\"2022-05-20\"", StringComparison.Ordinal)..];
        Assert.Contains("<span class=\"lunar\" title=\"âm lịch\">20/4</span>", cell[..400], StringComparison.Ordinal);
        Assert.Contains("Đón đoàn phóng viên Lào", grid, StringComparison.Ordinal);
        Assert.Contains("Nhâm Dần", grid, StringComparison.Ordinal);

        var list = await officer.GetStringAsync("/calendar?month=2022-05&view=list");
        Assert.Contains("20/05/2022 <span class=\"lunar\">âm lịch 20/4</span>", list, StringComparison.Ordinal);
        var due = await app.WithDbAsync(db => db.TaskOccurrences.Where(o => o.Due.Year == 2022 && o.Due.Month == 5 && o.Task!.LeadAgencyId == kit.Newspaper)
            .Select(o => o.Task!.Text).FirstOrDefaultAsync());
        if (due is not null) Assert.Contains("Hạn nhiệm vụ", list, StringComparison.Ordinal);

        var english = await officer.GetStringAsync("/calendar?month=2022-05&culture=en-GB&ui-culture=en-GB");
        Assert.Contains("Anniversaries, task deadlines and events", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_months_and_bad_events_get_clear_messages()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("canbo");
        var bad = await officer.GetAsync("/calendar?month=2022-13");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("không đúng dạng năm-tháng", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var before = await app.WithDbAsync(db => db.CalendarEvents.CountAsync());
        var org = kit.Newspaper.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var badDate = await TestApp.PostFormAsync(officer, "/calendar/events", new Dictionary<string, string> { ["Title"] = "Họp", ["StartDate"] = "31/02/2022", ["OrganisationId"] = org });
        Assert.Contains("Hãy nhập ngày bắt đầu dạng ngày/tháng/năm", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reversed = await TestApp.PostFormAsync(officer, "/calendar/events", new Dictionary<string, string>
            { ["Title"] = "Họp", ["StartDate"] = "20/05/2022", ["EndDate"] = "19/05/2022", ["OrganisationId"] = org });
        Assert.Contains("trước ngày bắt đầu", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherOrg = await officer.PostAsJsonAsync("/api/calendar/events", new { title = "Họp", startDate = "2022-05-20", organisationId = kit.Culture });
        Assert.Equal(HttpStatusCode.Forbidden, otherOrg.StatusCode);
        var viewer = await app.SignedInAsync("khach");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/calendar/events", new { title = "Họp", startDate = "2022-05-20", organisationId = kit.ThaiNguyen })).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.CalendarEvents.CountAsync()));
        var range = await officer.GetAsync("/api/calendar/entries?from=2022-05-01&to=2024-05-01");
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
    }
}
