using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Plans;

/// <summary>Follow-up through the API on the demo 2026 plan: progress, scoping, extensions, explanations.</summary>
public sealed class FollowUpApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_agency_officer_sees_and_updates_only_their_own_organisations_tasks(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var mine = await canbo.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.NotEqual(0, mine.GetArrayLength());
        Assert.All(mine.EnumerateArray(), r => Assert.True(r.GetProperty("leadAgency").GetString() == "Báo Thái Nguyên"
            || r.GetProperty("coordinators").EnumerateArray().Any(c => c.GetString() == "Báo Thái Nguyên")));

        var (ownTask, otherTask) = await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.CopiedFromId != null);
            var own = await db.PlanTasks.Where(t => t.PlanId == plan.Id && t.LeadAgency!.Name == "Báo Thái Nguyên").Select(t => t.Id).FirstAsync();
            var other = await db.PlanTasks.Where(t => t.PlanId == plan.Id && t.LeadAgency!.Name == "Sở Ngoại vụ").Select(t => t.Id).FirstAsync();
            return (own, other);
        });
        var updatesBefore = await app.WithDbAsync(db => db.ProgressUpdates.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.GetAsync($"/api/tasks/{otherTask}")).StatusCode);
        var refused = await canbo.PostAsJsonAsync($"/api/tasks/{otherTask}/progress", new { percent = 50, narrative = "thử" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(updatesBefore, await app.WithDbAsync(db => db.ProgressUpdates.CountAsync()));

        var done = await canbo.PostAsJsonAsync($"/api/tasks/{ownTask}/progress", new
        {
            narrative = "Đã đăng 24 tin, bài tiếng Anh", links = new[] { "https://baothainguyen.vn/thong-tin-doi-ngoai" }, completed = true,
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var badLink = await canbo.PostAsJsonAsync($"/api/tasks/{ownTask}/progress", new { narrative = "x", links = new[] { "javascript:alert(1)" } });
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_extension_is_asked_by_the_agency_and_decided_by_the_lead_department(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var officer = await app.SignedInAsync("chuyenvien");
        var (taskId, occurrenceId, due) = await OpenOccurrenceOfAsync(app, "Báo Thái Nguyên");
        var newDue = due.AddDays(20);

        var asked = await canbo.PostAsJsonAsync($"/api/tasks/{taskId}/extension-requests", new { newDue = newDue.ToString("yyyy-MM-dd"), reason = "Chờ bản dịch tiếng Trung", occurrenceId });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await canbo.PostAsJsonAsync($"/api/tasks/{taskId}/extension-requests", new { newDue = newDue.AddDays(1).ToString("yyyy-MM-dd"), reason = "lần nữa", occurrenceId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"/api/tasks/extension-requests/{requestId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/tasks/extension-requests/{requestId}/decision", new { approve = true, note = "Đồng ý" })).StatusCode);

        Assert.Equal(newDue, await app.WithDbAsync(db => db.TaskOccurrences.Where(o => o.Id == occurrenceId).Select(o => o.ExtendedTo).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/tasks/extension-requests/{requestId}/decision", new { approve = false, note = "đổi ý" })).StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_lead_department_asks_for_an_explanation_and_the_agency_answers(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var officer = await app.SignedInAsync("chuyenvien");
        var (taskId, _, _) = await OpenOccurrenceOfAsync(app, "Báo Thái Nguyên");

        Assert.Equal(HttpStatusCode.Forbidden, (await canbo.PostAsJsonAsync($"/api/tasks/{taskId}/explanation-requests", new { question = "?" })).StatusCode);
        var asked = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/explanation-requests", new { question = "Vì sao chưa đăng bài tiếng Trung?", answerBy = "2026-11-30" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await canbo.PostAsJsonAsync($"/api/tasks/explanation-requests/{id}/answer", new { answer = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await canbo.PostAsJsonAsync($"/api/tasks/explanation-requests/{id}/answer", new { answer = "Chưa có biên dịch viên; đã thuê ngoài." })).StatusCode);
        var history = await canbo.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/history");
        Assert.Equal("Chưa có biên dịch viên; đã thuê ngoài.", history.GetProperty("explanations")[0].GetProperty("answer").GetString());
    }

    internal static Task<(int TaskId, int OccurrenceId, DateOnly Due)> OpenOccurrenceOfAsync(TestApp app, string agency) =>
        app.WithDbAsync(async db =>
        {
            var o = await db.TaskOccurrences.Where(o => o.Task!.Plan!.CopiedFromId != null && o.Task.LeadAgency!.Name == agency && o.CompletedOn == null)
                .OrderBy(o => o.Due).Select(o => new { o.PlanTaskId, o.Id, o.Due }).FirstAsync();
            return (o.PlanTaskId, o.Id, o.Due);
        });
}
