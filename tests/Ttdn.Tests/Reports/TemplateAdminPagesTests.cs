using System.Net;
using Microsoft.EntityFrameworkCore;
using Ttdn.Reports;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;
using static Ttdn.Tests.Reports.ReportsKit;

namespace Ttdn.Tests.Reports;

/// <summary>Administrators shape a template's outline and indicator set on pages; refusals explain and change nothing.</summary>
public sealed class TemplateAdminPagesTests
{
    private static Task<int> AnnualAsync(TestApp app) => app.WithDbAsync(db => db.ReportTemplates.Where(t => t.Code == DefaultTemplates.Annual).Select(t => t.Id).SingleAsync());

    private static Task<ReportTemplate> TemplateAsync(TestApp app, int id) =>
        app.WithDbAsync(db => db.ReportTemplates.AsNoTracking().Include(t => t.Indicators).ThenInclude(i => i.Indicator).SingleAsync(t => t.Id == id));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, params (string, string)[] fields) =>
        await TestApp.PostFormAsync(client, $"{url}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), url);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_administrator_adds_renames_reorders_and_removes_outline_sections(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var id = await AnnualAsync(app);
        var url = $"/Reports/Templates/{id}";
        Assert.Contains(url, await admin.GetStringAsync("/Reports/Templates"));

        var empty = await PostAsync(admin, url, "AddSection", ("NewNumber", "V"), ("NewTitle", "  "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = await empty.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", emptyPage);
        Assert.Contains("Hãy nhập tên mục đề cương", emptyPage);
        Assert.Equal(4, (await TemplateAsync(app, id)).Sections.Count);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "AddSection", ("NewNumber", ""), ("NewTitle", "Kinh nghiệm, bài học"))).StatusCode);
        var added = (await TemplateAsync(app, id)).Sections;
        Assert.Equal(("V", "Kinh nghiệm, bài học", "muc-kinh-nghiem-bai-hoc"), (added[^1].Number, added[^1].Title, added[^1].Key));
        var duplicate = await PostAsync(admin, url, "AddSection", ("NewTitle", "Kinh nghiem, bai hoc"));
        Assert.Contains("Đề cương đã có mục", await duplicate.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "Sections",
            ("Numbers[shortcomings]", "II"), ("Titles[shortcomings]", "Tồn tại, hạn chế, nguyên nhân"), ("Numbers[results]", "I"), ("Titles[results]", "Kết quả đạt được"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "MoveSection", ("key", "muc-kinh-nghiem-bai-hoc"), ("by", "-1"))).StatusCode);
        var refused = await PostAsync(admin, url, "RemoveSection", ("key", "results"));
        Assert.Contains("không xóa được", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "RemoveSection", ("key", "next"))).StatusCode);

        var sections = (await TemplateAsync(app, id)).Sections;
        Assert.Equal(["results", "shortcomings", "muc-kinh-nghiem-bai-hoc", "proposals"], sections.Select(s => s.Key));
        Assert.Equal(["Kết quả đạt được", "Tồn tại, hạn chế, nguyên nhân"], sections.Take(2).Select(s => s.Title));

        // The 2022 agency reports keep their texts under the renamed heading; the removed heading's text stays stored.
        var plan = await Plan2022Async(app);
        var c = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation"));
        var shortcomings = c.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "shortcomings");
        Assert.Equal("Tồn tại, hạn chế, nguyên nhân", shortcomings.GetProperty("title").GetString());
        Assert.Contains(shortcomings.GetProperty("narratives").EnumerateArray(), n => n.GetProperty("source").GetString() == "Sở Ngoại vụ");
        var stored = await app.WithDbAsync(db => db.AgencyReports.AsNoTracking().Where(r => r.Organisation!.Name == "Sở Ngoại vụ").Select(r => r.Narratives).SingleAsync());
        Assert.Contains(stored, n => n.Key == "next");

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ReportTemplate) && a.EntityId == id.ToString() && a.UserName == "admin").CountAsync());
        Assert.True(audited >= 4, $"{audited} audit entries for the outline changes");

        // Someone else is refused and nothing changes.
        var before = (await TemplateAsync(app, id)).Sections.Select(s => s.Key).ToList();
        Assert.True(IsAccessDeniedRedirect(await chuyenvien.GetAsync(url)));
        var forbidden = await TestApp.PostFormAsync(chuyenvien, $"{url}?handler=RemoveSection", [new("key", "proposals")], "/Reports");
        Assert.True(IsAccessDeniedRedirect(forbidden), Describe(forbidden));
        var forbiddenAdd = await TestApp.PostFormAsync(chuyenvien, $"{url}?handler=AddSection", [new("NewTitle", "Mục lạ")], "/Reports");
        Assert.True(IsAccessDeniedRedirect(forbiddenAdd), Describe(forbiddenAdd));
        Assert.Equal(before, (await TemplateAsync(app, id)).Sections.Select(s => s.Key));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_administrator_adds_renames_reorders_and_deactivates_indicators_and_filed_reports_keep_their_figures(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var canbo = await app.SignedInAsync("canbo");
        var id = await AnnualAsync(app);
        var url = $"/Reports/Templates/{id}";
        var reporters = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "foreign-reporters").Select(i => i.Id).SingleAsync());
        var count = (await TemplateAsync(app, id)).Indicators.Count;

        var bad = await PostAsync(admin, url, "NewIndicator", ("NewCode", "trainings"), ("NewName", ""), ("NewUnit", "cuộc"));
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Hãy nhập tên chỉ tiêu", badPage);
        Assert.Contains("Mã chỉ tiêu &quot;trainings&quot; đã có", badPage);
        Assert.Contains("href=\"#NewCode\"", badPage);
        var badCode = await PostAsync(admin, url, "NewIndicator", ("NewCode", "Họp báo"), ("NewName", "Họp báo"), ("NewUnit", "cuộc"));
        Assert.Contains("chỉ gồm chữ không dấu", await badCode.Content.ReadAsStringAsync());
        Assert.Equal(count, (await TemplateAsync(app, id)).Indicators.Count);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "NewIndicator",
            ("NewCode", "press-briefings"), ("NewGroup", "3. Hoạt động đối ngoại"), ("NewName", "Cung cấp thông tin cho báo chí"), ("NewUnit", "cuộc"), ("NewBreakdown", "Trực tiếp; Trực tuyến"))).StatusCode);
        var template = await TemplateAsync(app, id);
        var briefings = template.Indicators.OrderBy(i => i.Order).Last().Indicator!;
        Assert.Equal(("press-briefings", "Cung cấp thông tin cho báo chí", "cuộc"), (briefings.Code, briefings.Name, briefings.Unit));
        Assert.Equal(["Trực tiếp", "Trực tuyến"], briefings.Breakdown);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "MoveIndicator", ("indicatorId", $"{briefings.Id}"), ("by", "-1"))).StatusCode);
        var order = (await TemplateAsync(app, id)).Indicators.OrderBy(i => i.Order).Select(i => i.IndicatorId).ToList();
        Assert.Equal(briefings.Id, order[^2]);

        var emptyName = await PostAsync(admin, url, "Indicator", ("indicatorId", $"{reporters}"), ("group", "3. Hoạt động đối ngoại"), ("name", ""), ("unit", "lượt"));
        Assert.Contains("Hãy nhập tên chỉ tiêu", await emptyName.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "Indicator", ("indicatorId", $"{reporters}"), ("group", "3. Hoạt động đối ngoại"),
            ("name", "Phóng viên, nhà báo nước ngoài đến tác nghiệp"), ("unit", "lượt người"))).StatusCode);
        Assert.Contains("Phóng viên, nhà báo nước ngoài đến tác nghiệp", await admin.GetStringAsync(url));

        // The 2022 reports were filed under the old name and unit: the consolidation page still shows them so.
        var plan = await Plan2022Async(app);
        var consolidation = $"/Reports/Consolidation?plan={plan}&template=ttdn-annual&period=2022";
        var page = await chuyenvien.GetStringAsync(consolidation);
        Assert.Contains("Phóng viên nước ngoài được đón tiếp", page);
        Assert.DoesNotContain("nhà báo nước ngoài đến tác nghiệp", page);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, "DeactivateIndicator", ("indicatorId", $"{reporters}"))).StatusCode);
        Assert.DoesNotContain(reporters, (await TemplateAsync(app, id)).Indicators.Select(i => i.IndicatorId));
        Assert.Contains("data-code=\"foreign-reporters\"", await admin.GetStringAsync(url)); // listed under the unused ones, to use again
        var c = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation"));
        var filed = Indicator(c, "foreign-reporters");
        Assert.Equal(("Phóng viên nước ngoài được đón tiếp", 6m), (filed.GetProperty("name").GetString(), filed.GetProperty("total").GetDecimal()));
        var opened = await JsonAsync(await OpenAsync(canbo, await CurrentPlanAsync(app), "2026"));
        Assert.DoesNotContain(opened.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "foreign-reporters");
        Assert.Contains(opened.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "press-briefings");

        // A lead officer is refused and nothing changes.
        var forbidden = await TestApp.PostFormAsync(chuyenvien, $"{url}?handler=Indicator",
            [new("indicatorId", $"{briefings.Id}"), new("name", "Đổi tên"), new("unit", "cuộc")], "/Reports");
        Assert.True(IsAccessDeniedRedirect(forbidden), Describe(forbidden));
        var forbiddenNew = await TestApp.PostFormAsync(chuyenvien, $"{url}?handler=NewIndicator", [new("NewName", "Chỉ tiêu lạ"), new("NewUnit", "cái")], "/Reports");
        Assert.True(IsAccessDeniedRedirect(forbiddenNew), Describe(forbiddenNew));
        Assert.Equal("Cung cấp thông tin cho báo chí", await app.WithDbAsync(db => db.Indicators.Where(i => i.Id == briefings.Id).Select(i => i.Name).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Name == "Chỉ tiêu lạ")));

        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Indicator) && a.EntityId == reporters.ToString()).Select(a => a.Changes).ToListAsync());
        Assert.Contains(trail, t => t.Contains("Phóng viên, nhà báo nước ngoài đến tác nghiệp", StringComparison.Ordinal));
    }
}
