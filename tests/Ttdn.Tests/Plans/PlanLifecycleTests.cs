using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;
using Ttdn.Tests.Organisations;

namespace Ttdn.Tests.Plans;

/// <summary>A plan's life through the API: drafted, assigned, submitted, approved, issued, amended, closed.</summary>
public sealed class PlanLifecycleTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_plan_goes_from_draft_to_closed_with_the_right_people_at_each_step(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("chuyenvien");
        var leader = await app.SignedInAsync("lanhdao");
        var agency = await app.SignedInAsync("canbo");
        var culture = await OrganisationsApiTests.IdOfAsync(officer, "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Thái Nguyên");
        var newspaper = await OrganisationsApiTests.IdOfAsync(officer, "Báo Thái Nguyên");

        var created = await officer.PostAsJsonAsync("/api/plans", new
        {
            kind = "AnnualPlan", title = "Công tác thông tin đối ngoại năm 2027", periodStart = "2027-01-01", periodEnd = "2027-12-31", leadOrganisationId = culture,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, (await Move(officer, planId, "Submit")).StatusCode); // no task yet
        var task = await officer.PostAsJsonAsync($"/api/plans/{planId}/tasks", new
        {
            text = "Xuất bản 500 cuốn sách ảnh song ngữ Việt - Anh giới thiệu tỉnh", leadAgencyId = newspaper, coordinatingAgencyIds = new[] { culture },
            deadline = "Quý III/2027", targets = new[] { new { quantity = 500, unit = "cuốn", languages = new[] { "vi", "en" } } },
        });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var taskJson = await task.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-09-30", taskJson.GetProperty("deadline").GetProperty("to").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await Move(agency, planId, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(officer, planId, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Move(officer, planId, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Move(officer, planId, "Issue", number: "1/KH-UBND")).StatusCode); // not approved yet
        Assert.Equal(HttpStatusCode.OK, (await Move(leader, planId, "Approve")).StatusCode);
        var noNumber = await Move(officer, planId, "Issue");
        Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
        Assert.Contains("số, ký hiệu", await noNumber.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Move(officer, planId, "Issue", number: "12/KH-UBND")).StatusCode);

        // Issued content is frozen until an amendment is opened; the amendment keeps the content as it stood.
        var frozen = await officer.PostAsJsonAsync($"/api/plans/{planId}/tasks", new { text = "Tổ chức họp báo", leadAgencyId = culture });
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move(officer, planId, "Amend")).StatusCode); // reason required
        Assert.Equal(HttpStatusCode.OK, (await Move(officer, planId, "Amend", reason: "Bổ sung nhiệm vụ họp báo quý")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/plans/{planId}/tasks", new { text = "Tổ chức họp báo hằng quý", leadAgencyId = culture })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Move(officer, planId, "Close")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var amendment = await db.Set<Ttdn.Plans.PlanAmendment>().SingleAsync(a => a.PlanId == planId);
            Assert.Equal(1, amendment.Revision);
            Assert.Contains("Xuất bản 500 cuốn", amendment.SnapshotJson);
            Assert.DoesNotContain("họp báo hằng quý", amendment.SnapshotJson);
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            Assert.Equal(Ttdn.Plans.PlanStatus.Closed, plan.Status);
            Assert.Equal(4, await db.TaskOccurrences.CountAsync(o => o.Task!.PlanId == planId && o.Task.Text.Contains("hằng quý")));
            return 0;
        });
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_deadline_phrase_that_is_not_understood_is_refused_with_examples(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("chuyenvien");
        var culture = await OrganisationsApiTests.IdOfAsync(officer, "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Thái Nguyên");
        var plan = await (await officer.PostAsJsonAsync("/api/plans", new { kind = "AnnualPlan", title = "KH 2027", periodStart = "2027-01-01", periodEnd = "2027-12-31", leadOrganisationId = culture }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var response = await officer.PostAsJsonAsync($"/api/plans/{plan.GetProperty("id").GetInt32()}/tasks", new { text = "Làm phim tài liệu", leadAgencyId = culture, deadline = "khi nào xong thì báo" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("Chưa hiểu thời hạn", detail);
        Assert.Contains("Quý II/2027", detail);
        Assert.Equal(0, await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.Text == "Làm phim tài liệu")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_officers_editing_the_same_task_never_silently_overwrite_each_other(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.SignedInAsync("chuyenvien");
        var admin = await app.SignedInAsync("admin");
        var culture = await OrganisationsApiTests.IdOfAsync(officer, "Sở Văn hóa, Thể thao và Du lịch", "UBND tỉnh Thái Nguyên");
        var plan = await (await officer.PostAsJsonAsync("/api/plans", new { kind = "AnnualPlan", title = "KH 2027", periodStart = "2027-01-01", periodEnd = "2027-12-31", leadOrganisationId = culture }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var task = await (await officer.PostAsJsonAsync($"/api/plans/{plan.GetProperty("id").GetInt32()}/tasks", new { text = "Tổ chức hội báo xuân", leadAgencyId = culture, deadline = "Quý I/2027" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = task.GetProperty("id").GetInt32();
        var version = task.GetProperty("version").GetInt32();

        var first = await officer.PutAsJsonAsync($"/api/plans/tasks/{id}", new { text = "Tổ chức hội báo xuân cấp tỉnh", leadAgencyId = culture, deadline = "Quý I/2027", version });
        var second = await admin.PutAsJsonAsync($"/api/plans/tasks/{id}", new { text = "Tổ chức hội báo xuân 2027", leadAgencyId = culture, deadline = "Quý I/2027", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("tải lại", await second.Content.ReadAsStringAsync());
        Assert.Equal("Tổ chức hội báo xuân cấp tỉnh", await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == id).Select(t => t.Text).SingleAsync()));
    }

    private static Task<HttpResponseMessage> Move(HttpClient client, int planId, string action, string? number = null, string? reason = null) =>
        client.PostAsJsonAsync($"/api/plans/{planId}/transitions", new { action, number, issuedOn = "2026-12-20", reason });
}
