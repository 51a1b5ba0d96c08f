using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ttdn.Shared;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Dashboard;

/// <summary>
/// The dashboard is served from a read-model cache (docs/decisions/0015): a change made in the app shows at the next
/// request; a change made behind the app's back shows once the cached copy is older than its maximum age.
/// </summary>
public sealed class DashboardFreshnessTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Progress_reported_in_the_app_shows_on_the_next_dashboard_request(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInAsync("chuyenvien");
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Number == "241/KH-UBND").Select(p => p.Id).SingleAsync());
        var url = $"/api/plans/{planId}/dashboard";

        var before = await lead.GetFromJsonAsync<JsonElement>(url);
        var overdue = before.GetProperty("overdue")[0];
        var overdueCount = before.GetProperty("overall").GetProperty("overdue").GetInt32();
        Assert.Equal(before.GetRawText(), (await lead.GetFromJsonAsync<JsonElement>(url)).GetRawText()); // served again, unchanged

        var done = await lead.PostAsJsonAsync($"/api/tasks/{overdue.GetProperty("taskId").GetInt32()}/progress",
            new { occurrenceId = overdue.GetProperty("occurrenceId").GetInt32(), completed = true, narrative = "Đã hoàn thành" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var after = await lead.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(overdueCount - 1, after.GetProperty("overall").GetProperty("overdue").GetInt32());
        Assert.DoesNotContain(after.GetProperty("overdue").EnumerateArray(),
            o => o.GetProperty("occurrenceId").GetInt32() == overdue.GetProperty("occurrenceId").GetInt32());
    }

    [Fact]
    public async Task A_change_made_outside_the_app_shows_once_the_cached_copy_reaches_its_maximum_age()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var lead = await app.SignedInAsync("chuyenvien");
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Number == "241/KH-UBND").Select(p => p.Id).SingleAsync());
        var url = $"/api/plans/{planId}/dashboard";
        var before = (await lead.GetFromJsonAsync<JsonElement>(url)).GetProperty("overall").GetProperty("overdue").GetInt32();

        // Raw SQL does not pass through AppDb.SaveChanges: like another process writing to the same database.
        var today = new DateOnly(2026, 11, 23);
        var changed = await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE TaskOccurrences SET CompletedOn = {today}, Percent = 100 WHERE PlanTaskId IN (SELECT Id FROM PlanTasks WHERE PlanId = {planId}) AND CompletedOn IS NULL"));
        Assert.True(changed > 0);

        Assert.Equal(before, (await lead.GetFromJsonAsync<JsonElement>(url)).GetProperty("overall").GetProperty("overdue").GetInt32());
        app.Clock.Advance(ReadModelCache.MaxAge);
        Assert.Equal(0, (await lead.GetFromJsonAsync<JsonElement>(url)).GetProperty("overall").GetProperty("overdue").GetInt32());
    }
}
