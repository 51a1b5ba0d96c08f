using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Reports;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Accounts.AccountsKit;
using static Ttdn.Tests.Reports.ReportsKit;

namespace Ttdn.Tests.Reports;

/// <summary>Sending the consolidated report up freezes the period's agency reports until the lead department reopens the consolidation with a reason.</summary>
public sealed class PeriodLockTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Sending_the_consolidation_locks_every_agency_report_of_the_period_until_it_is_reopened_with_a_reason(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var admin = await app.SignedInAsync("admin");
        var plan = await CurrentPlanAsync(app);
        var baseUrl = $"/api/plans/{plan}/reports/ttdn-annual/2026";

        // Báo Thái Nguyên submits and is accepted; Sở Ngoại vụ's report is written by an administrator and left awaiting review.
        var own = (await JsonAsync(await OpenAsync(canbo, plan, "2026"))).GetProperty("id").GetInt32();
        var save = new { narratives = new Dictionary<string, string> { ["results"] = "Đăng 300 tin, bài." } };
        await JsonAsync(await canbo.PutAsJsonAsync($"/api/reports/{own}", save));
        await JsonAsync(await canbo.PostAsJsonAsync($"/api/reports/{own}/submit", new { }));
        await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{own}/accept", new { }));
        var foreignAffairs = await OrganisationAsync(app, "Sở Ngoại vụ");
        var other = (await JsonAsync(await OpenAsync(chuyenvien, plan, "2026", foreignAffairs))).GetProperty("id").GetInt32();
        await JsonAsync(await admin.PutAsJsonAsync($"/api/reports/{other}", save));
        await JsonAsync(await admin.PostAsJsonAsync($"/api/reports/{other}/submit", new { }));

        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"{baseUrl}/consolidation/send", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await chuyenvien.PostAsJsonAsync($"{baseUrl}/consolidation/send", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chuyenvien.PostAsJsonAsync($"{baseUrl}/consolidation/send", new { })).StatusCode);
        var c = await JsonAsync(await chuyenvien.GetAsync($"{baseUrl}/consolidation"));
        Assert.Equal("2026-11-23", c.GetProperty("sentOn").GetString());

        // Nothing of the period changes now: the accepted one cannot be reopened, the awaiting one neither returned nor rewritten.
        var reopen = await chuyenvien.PostAsJsonAsync($"/api/reports/{own}/reopen", new { comment = "Sửa số liệu." });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Contains("mở lại báo cáo tổng hợp", await reopen.Content.ReadAsStringAsync());
        var returned = await chuyenvien.PostAsJsonAsync($"/api/reports/{other}/return", new { comment = "Bổ sung." });
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        var edited = await admin.PutAsJsonAsync($"/api/reports/{other}", save);
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Contains("Kỳ báo cáo đã khóa", await edited.Content.ReadAsStringAsync());
        var view = await JsonAsync(await canbo.GetAsync($"/api/reports/{own}"));
        Assert.Equal("2026-11-23", view.GetProperty("lockedSince").GetString());
        Assert.Equal("Locked", view.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());

        // On the page: the agency sees why, and a stale form is refused with the same words.
        var url = $"/Reports/Agency/{other}";
        var page = await admin.GetStringAsync(url);
        Assert.Contains("Kỳ báo cáo đã khóa: báo cáo tổng hợp đã gửi lên cấp trên ngày 23/11/2026.", page);
        Assert.DoesNotContain("handler=Submit", page);
        var stale = await TestApp.PostFormAsync(admin, $"{url}?handler=Save", [new("Narratives[results]", "Sửa sau khi gửi.")], url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Kỳ báo cáo đã khóa", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Đăng 300 tin, bài.", await app.WithDbAsync(async db =>
            (await db.AgencyReports.AsNoTracking().SingleAsync(r => r.Id == other)).Narratives.Single(n => n.Key == "results").Text));

        // Reopening the consolidation needs the lead department and a reason; then the period unlocks.
        var consolidation = $"/Reports/Consolidation?plan={plan}&template=ttdn-annual&period=2026";
        Assert.Contains("Mở lại báo cáo tổng hợp", await chuyenvien.GetStringAsync(consolidation));
        var noReason = await TestApp.PostFormAsync(chuyenvien, consolidation + "&handler=Reopen", [new("Reason", " ")], consolidation);
        Assert.Contains("Hãy ghi lý do mở lại báo cáo tổng hợp", await noReason.Content.ReadAsStringAsync());
        Assert.True(IsAccessDeniedRedirect(await TestApp.PostFormAsync(canbo, consolidation + "&handler=Reopen", [new("Reason", "x")], "/Reports")));
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"{baseUrl}/consolidation/reopen", new { comment = "x" })).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ConsolidatedReports.Where(r => r.PlanId == plan && r.PeriodLabel == "2026").Select(r => r.SentOn).SingleAsync()));
        var reopened = await TestApp.PostFormAsync(chuyenvien, consolidation + "&handler=Reopen", [new("Reason", "Bộ đề nghị bổ sung số liệu kinh phí.")], consolidation);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        var history = (await JsonAsync(await canbo.GetAsync($"/api/reports/{own}"))).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(("Unlocked", "Bộ đề nghị bổ sung số liệu kinh phí."), (history[^1].GetProperty("action").GetString(), history[^1].GetProperty("comment").GetString()));
        await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{own}/reopen", new { comment = "Sửa số liệu kinh phí." }));
        await JsonAsync(await chuyenvien.PostAsJsonAsync($"/api/reports/{other}/return", new { comment = "Bổ sung kinh phí." }));
        await JsonAsync(await canbo.PutAsJsonAsync($"/api/reports/{own}", save));

        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ConsolidatedReport) && a.UserName == "chuyenvien").Select(a => a.Changes).ToListAsync());
        Assert.Contains(trail, t => t.Contains("\"SentOn\":{\"from\":\"2026-11-23\",\"to\":null}", StringComparison.Ordinal));
        var reasons = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(ReportEvent)).Select(a => a.Changes).ToListAsync());
        Assert.Contains(reasons, t => t.Contains("Bộ đề nghị bổ sung số liệu kinh phí.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_demo_2022_period_is_locked_because_Thai_Nguyen_sent_its_report(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chuyenvien = await app.SignedInAsync("chuyenvien");
        var awaiting = await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Organisation!.Name == DemoReports.AwaitingAgency && r.PeriodLabel == "2022").Select(r => r.Id).SingleAsync());

        var response = await chuyenvien.PostAsJsonAsync($"/api/reports/{awaiting}/return", new { comment = "Bổ sung." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("28/12/2022", await response.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.Submitted, await app.WithDbAsync(db => db.AgencyReports.Where(r => r.Id == awaiting).Select(r => r.Status).SingleAsync()));
    }
}
