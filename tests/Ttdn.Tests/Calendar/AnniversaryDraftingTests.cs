using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Calendar;

/// <summary>Tasks drafted from the year list into a plan, in one step, respecting the plan's lifecycle and the user's rights.</summary>
public sealed class AnniversaryDraftingTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Ticked_anniversaries_become_tasks_due_before_the_day_with_a_suggested_lead_agency(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("chuyenvien");
        var planId = await kit.DraftPlan2022Async(officer);
        var list = await CalendarKit.YearAsync(officer, 2022, kit.ThaiNguyen);
        var atk = CalendarKit.Find(list, "ATK Định Hóa").GetProperty("key").GetString();
        var laos = CalendarKit.Find(list, "Việt Nam - Lào").GetProperty("key").GetString();

        var response = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId, keys = new[] { atk, laos }, leadDays = 10 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").EnumerateArray().ToList();
        Assert.Equal(2, added.Count);

        var tasks = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal("Tuyên truyền kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa cùng Trung ương Đảng, Chính phủ lãnh đạo cuộc kháng chiến chống thực dân Pháp (20/05/1947 - 20/05/2022)", tasks[0].Text);
        Assert.Equal(new DateOnly(2022, 5, 10), tasks[0].DueTo);
        Assert.Equal(kit.Culture, tasks[0].LeadAgencyId);
        Assert.Equal("Tuyên truyền kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (05/09/1962 - 05/09/2022)", tasks[1].Text);
        Assert.Equal(new DateOnly(2022, 8, 26), tasks[1].DueTo);
        Assert.Equal(kit.ForeignAffairs, tasks[1].LeadAgencyId);
        Assert.Equal(1, await app.WithDbAsync(db => db.TaskOccurrences.CountAsync(o => o.PlanTaskId == tasks[0].Id)));

        // Drafting the same day again adds nothing: it is already in the plan.
        var again = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId, keys = new[] { atk }, leadAgencyId = kit.Newspaper });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var outcome = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(outcome.GetProperty("added").EnumerateArray());
        Assert.Single(outcome.GetProperty("alreadyInPlan").EnumerateArray());
        Assert.Equal(2, await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.PlanId == planId)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Closed_plans_plans_of_another_year_and_users_who_may_not_edit_plans_are_refused(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("chuyenvien");
        var agency = await app.SignedInAsync("canbo");
        var otherProvince = await CalendarKit.UserAsync(app, "canbohy", kit.HungYen, Roles.AgencyOfficer);
        var closed = await app.WithDbAsync(db => db.Plans.Where(p => p.Number == "241/KH-UBND").Select(p => p.Id).SingleAsync());
        var draft = await kit.DraftPlan2022Async(officer);
        var atk = CalendarKit.Find(await CalendarKit.YearAsync(officer, 2022, kit.ThaiNguyen), "ATK Định Hóa").GetProperty("key").GetString();
        var atk2023 = CalendarKit.Find(await CalendarKit.YearAsync(officer, 2023, kit.ThaiNguyen), "ATK Định Hóa").GetProperty("key").GetString();
        var before = await app.WithDbAsync(db => db.PlanTasks.CountAsync());

        var toClosed = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId = closed, keys = new[] { atk } });
        Assert.Equal(HttpStatusCode.Conflict, toClosed.StatusCode);
        var refusal = await toClosed.Content.ReadAsStringAsync();
        Assert.Contains("Đã kết thúc", refusal, StringComparison.Ordinal);
        Assert.Contains("không thêm được nhiệm vụ", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { atk } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherProvince.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { atk } })).StatusCode);
        Assert.DoesNotContain("name=\"Selected\"", await agency.GetStringAsync("/calendar/anniversaries?year=2022"), StringComparison.Ordinal);
        var byForm = await TestApp.PostFormAsync(agency, "/calendar/anniversaries?year=2022",
            new Dictionary<string, string> { ["Selected"] = atk!, ["PlanId"] = draft.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(CalendarKit.IsAccessDenied(byForm));

        var outside = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { atk2023 } });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("nằm ngoài kỳ của kế hoạch", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongDay = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { atk!.Split(':')[0] + ":2022-05-21" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongDay.StatusCode);
        var garbage = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { "ATK" } });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var badLead = await officer.PostAsJsonAsync("/api/calendar/drafts", new { planId = draft, keys = new[] { atk }, leadDays = -3 });
        Assert.Contains("từ 0 đến 365", await badLead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.PlanTasks.CountAsync()));
    }

    [Fact]
    public async Task The_year_page_explains_that_closed_plans_take_no_tasks_and_drafts_in_one_step()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var kit = await CalendarKit.OfAsync(app);
        var officer = await app.SignedInAsync("chuyenvien");
        var page = await officer.GetStringAsync("/calendar/anniversaries?year=2022");
        Assert.Contains("Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa", page, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch nào của năm 2022 đang là dự thảo", page, StringComparison.Ordinal);
        Assert.Contains("disabled", page, StringComparison.Ordinal); // the closed 241/KH-UBND is listed but cannot be chosen

        var planId = await kit.DraftPlan2022Async(officer);
        var atk = CalendarKit.Find(await CalendarKit.YearAsync(officer, 2022, kit.ThaiNguyen), "ATK Định Hóa").GetProperty("key").GetString()!;
        var id = planId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nothingTicked = await TestApp.PostFormAsync(officer, "/calendar/anniversaries?year=2022", new Dictionary<string, string> { ["PlanId"] = id, ["LeadDays"] = "10" });
        Assert.Contains("Hãy đánh dấu ít nhất một ngày kỷ niệm", await nothingTicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var response = await TestApp.PostFormAsync(officer, "/calendar/anniversaries?year=2022",
            new Dictionary<string, string> { ["Selected"] = atk, ["PlanId"] = id, ["LeadDays"] = "7", ["Year"] = "2022" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Plans/{planId}#tasks", response.Headers.Location!.OriginalString);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.PlanId == planId));
        Assert.Equal(new DateOnly(2022, 5, 13), task.DueTo);
        Assert.StartsWith("Tuyên truyền kỷ niệm 75 năm", task.Text, StringComparison.Ordinal);
    }
}
