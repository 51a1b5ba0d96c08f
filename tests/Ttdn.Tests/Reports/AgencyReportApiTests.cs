using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Reports;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Reports.ReportsKit;

namespace Ttdn.Tests.Reports;

/// <summary>An agency's report through the API: pre-filled, submitted, returned, resubmitted, accepted, locked, reopened; and who may see what.</summary>
public sealed class AgencyReportApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_returned_report_is_resubmitted_accepted_locked_and_reopened_with_a_recorded_reason(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await CurrentPlanAsync(app);
        var year = TaskPagesKitToday.Year.ToString();

        var opened = await JsonAsync(await OpenAsync(canbo, plan, year));
        var id = opened.GetProperty("id").GetInt32();
        Assert.Equal(("Báo Thái Nguyên", "Draft", "2026-12-10"), (opened.GetProperty("organisation").GetString(), opened.GetProperty("status").GetString(), opened.GetProperty("deadline").GetString()));
        Assert.Contains("Báo Thái Nguyên chủ trì", opened.GetProperty("narratives").GetProperty("results").GetString());
        Assert.NotEqual(0, opened.GetProperty("tasks").GetArrayLength());
        Assert.All(opened.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("Báo Thái Nguyên", t.GetProperty("leadAgency").GetString()));
        Assert.Equal(id, (await JsonAsync(await OpenAsync(canbo, plan, year))).GetProperty("id").GetInt32()); // opening again finds the same report

        var articles = opened.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "articles-language").GetProperty("id").GetInt32();
        var save = new
        {
            narratives = new Dictionary<string, string> { ["results"] = "Đăng 500 tin, bài.", ["next"] = "Tiếp tục." },
            figures = new[] { new { indicatorId = articles, part = "Tiếng Việt", value = (decimal?)450 }, new { indicatorId = articles, part = "Tiếng Anh", value = (decimal?)50 } },
        };
        var saved = await JsonAsync(await canbo.PutAsJsonAsync($"/api/reports/{id}", save));
        Assert.Equal(2, saved.GetProperty("figures").GetArrayLength());
        var stale = saved.GetProperty("version").GetInt32() - 1;
        Assert.Equal(HttpStatusCode.Conflict, (await canbo.PutAsJsonAsync($"/api/reports/{id}", new { save.narratives, save.figures, version = stale })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await canbo.PutAsJsonAsync($"/api/reports/{id}",
            new { figures = new[] { new { indicatorId = articles, part = "Tiếng Pháp", value = 1 } } })).StatusCode);

        await JsonAsync(await canbo.PostAsJsonAsync($"/api/reports/{id}/submit", new { }));
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"/api/reports/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chuyenvien.PostAsJsonAsync($"/api/reports/{id}/return", new { comment = "" })).StatusCode);
        var returned = await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{id}/return", new { comment = "Bổ sung số tin, bài tiếng Trung." }));
        Assert.Equal(("Returned", "Bổ sung số tin, bài tiếng Trung."), (returned.GetProperty("status").GetString(), returned.GetProperty("returnComment").GetString()));

        var fixedFigures = save.figures.Append(new { indicatorId = articles, part = "Tiếng Trung", value = (decimal?)12 }).ToArray();
        await JsonAsync(await canbo.PutAsJsonAsync($"/api/reports/{id}", new { save.narratives, figures = fixedFigures }));
        await JsonAsync(await canbo.PostAsJsonAsync($"/api/reports/{id}/submit", new { }));
        var accepted = await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{id}/accept", new { }));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());

        var locked = await canbo.PutAsJsonAsync($"/api/reports/{id}", save);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("mở lại", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"/api/reports/{id}/reopen", new { comment = "sửa" })).StatusCode);
        var reopened = await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{id}/reopen", new { comment = "Điều chỉnh số liệu theo quyết toán." }));
        Assert.Equal(["Submitted", "Returned", "Submitted", "Accepted", "Reopened"],
            reopened.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("Điều chỉnh số liệu theo quyết toán.", reopened.GetProperty("history")[4].GetProperty("comment").GetString());
        await JsonAsync(await canbo.PutAsJsonAsync($"/api/reports/{id}", new { save.narratives, figures = fixedFigures }));

        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AgencyReport) && a.EntityId == id.ToString()).Select(a => a.UserName).ToListAsync());
        Assert.Contains("chuyenvien", audited);
        Assert.Contains("canbo", audited);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_agency_sees_only_its_own_report_and_the_lead_department_sees_them_all(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var khach = await app.SignedInAsync("khach");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await Plan2022Async(app);
        var otherId = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Organisation!.Name == "Sở Ngoại vụ").Select(r => r.Id).SingleAsync());
        var ownId = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Organisation!.Name == "Báo Thái Nguyên").Select(r => r.Id).SingleAsync());
        var foreignAffairs = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Id == otherId).Select(r => r.OrganisationId).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await canbo.GetAsync($"/api/reports/{ownId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.GetAsync($"/api/reports/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await khach.GetAsync($"/api/reports/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(canbo, plan, "2022", foreignAffairs)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PutAsJsonAsync($"/api/reports/{otherId}", new { })).StatusCode);
        var mine = await canbo.GetFromJsonAsync<JsonElement>("/api/reports/mine");
        Assert.Equal([ownId], mine.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await chuyenvien.GetAsync($"/api/reports/{otherId}")).StatusCode);
        var overview = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022"));
        var standings = overview.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("organisation").GetString()!, r => r.GetProperty("standing").GetString());
        Assert.Equal(("Overdue", "SubmittedLate", "Submitted", "Accepted"),
            (standings[DemoReports.MissingAgency], standings[DemoReports.LateAgency], standings[DemoReports.AwaitingAgency], standings["Sở Ngoại vụ"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022-H1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022-Q9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chuyenvien.GetAsync($"/api/plans/{plan}/reports/nope/2022")).StatusCode);

        // The national office's province: the lead officer of Thái Nguyên reviews nothing of Điện Biên.
        var dienBien = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Plan!.Number == "45/CTr-UBND").Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await chuyenvien.GetAsync($"/api/reports/{dienBien}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chuyenvien.PostAsJsonAsync($"/api/reports/{dienBien}/reopen", new { comment = "x" })).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_reminder_is_recorded_on_the_report_of_an_agency_that_never_opened_it(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var canbo = await app.SignedInAsync("canbo");
        var plan = await Plan2022Async(app);
        var journal = await OrganisationAsync(app, DemoReports.MissingAgency);
        var url = $"/api/plans/{plan}/reports/ttdn-annual/2022/remind/{journal}";

        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync(url, new { })).StatusCode);
        var result = await JsonAsync(await chuyenvien.PostAsJsonAsync(url, new { }));

        Assert.Equal([DemoReports.MissingAgency], result.GetProperty("unreachable").EnumerateArray().Select(x => x.GetString()));
        var events = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.OrganisationId == journal).SelectMany(r => r.Events).Select(e => e.Action).ToListAsync());
        Assert.Equal([ReportAction.Reminded], events);
        var late = await OrganisationAsync(app, DemoReports.LateAgency);
        Assert.Equal(HttpStatusCode.Conflict, (await chuyenvien.PostAsJsonAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/remind/{late}", new { })).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Renaming_an_indicator_leaves_filed_reports_with_their_figures_and_names(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInAsync("admin");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan = await Plan2022Async(app);
        var reporters = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "foreign-reporters").Select(i => i.Id).SingleAsync());
        var rename = new { group = "3. Hoạt động đối ngoại", name = "Phóng viên, nhà báo nước ngoài đến tác nghiệp", unit = "lượt người" };

        Assert.Equal(HttpStatusCode.Forbidden, (await chuyenvien.PutAsJsonAsync($"/api/indicators/{reporters}", rename)).StatusCode);
        await JsonAsync(await admin.PutAsJsonAsync($"/api/indicators/{reporters}", rename));

        var c = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan}/reports/ttdn-annual/2022/consolidation"));
        var filed = Indicator(c, "foreign-reporters");
        Assert.Equal(("Phóng viên nước ngoài được đón tiếp", "lượt", 6m), (filed.GetProperty("name").GetString(), filed.GetProperty("unit").GetString(), filed.GetProperty("total").GetDecimal()));
        var templates = await admin.GetFromJsonAsync<JsonElement>("/api/report-templates");
        Assert.Contains(templates[0].GetProperty("indicators").EnumerateArray(), i => i.GetProperty("name").GetString() == rename.name);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Next_years_consolidation_compares_with_the_same_period_last_year(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var plan2022 = await Plan2022Async(app);
        var plan2023 = await app.WithDbAsync(async db =>
        {
            var copy = await Ttdn.Plans.PlanCopier.CopyAsync(db, plan2022, 2023, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return copy.Id;
        });
        var foreignAffairs = await app.WithDbAsync(db => db.Assignments.Where(a => a.PlanId == plan2023 && a.Agency!.Name == "Sở Ngoại vụ").Select(a => a.AgencyId).SingleAsync());
        var opened = await JsonAsync(await OpenAsync(chuyenvien, plan2023, "2023", foreignAffairs));
        var id = opened.GetProperty("id").GetInt32();
        var copies = opened.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "publication-copies").GetProperty("id").GetInt32();
        // The lead department opens reports but only the agency's officers (or an administrator) write them.
        Assert.Equal(HttpStatusCode.Forbidden, (await chuyenvien.PutAsJsonAsync($"/api/reports/{id}", new { })).StatusCode);
        var admin = await app.SignedInAsync("admin");
        await JsonAsync(await admin.PutAsJsonAsync($"/api/reports/{id}", new { figures = new[] { new { indicatorId = copies, part = "Tiếng Anh", value = 1050 } } }));
        await JsonAsync(await admin.PostAsJsonAsync($"/api/reports/{id}/submit", new { }));

        var c = await JsonAsync(await chuyenvien.GetAsync($"/api/plans/{plan2023}/reports/ttdn-annual/2023/consolidation"));
        var row = Indicator(c, "publication-copies");
        Assert.Equal((1050m, 700m), (row.GetProperty("total").GetDecimal(), row.GetProperty("previousYear").GetDecimal()));
        var doc = ReportDocument.IndicatorTable(System.Text.Json.JsonSerializer.Deserialize<Consolidation.Result>(c.GetRawText(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
            { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })!);
        Assert.Contains(doc.Rows, r => r[1] == "Số bản ấn phẩm in, phát hành" && r[3] == "1.050" && r[4] == "700" && r[5] == "150");
    }
}

internal static class TaskPagesKitToday
{
    public static readonly DateOnly Value = new(2026, 11, 23);
    public static int Year => Value.Year;
}
