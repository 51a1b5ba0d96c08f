using System.Net;
using Microsoft.EntityFrameworkCore;
using Ttdn.Tests.Infrastructure;
using static Ttdn.Tests.Tasks.TaskPagesKit;

namespace Ttdn.Tests.Tasks;

/// <summary>"Việc của tôi": the agency officer's own organisation's work, and nobody else's.</summary>
public sealed class MyTasksPageTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Agency_officer_sees_their_organisations_tasks_of_the_year_and_no_other_agencys(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var bao = await BaoThaiNguyenAsync(app);
        var plan2026 = await PlanOfYearAsync(app, 2026);
        // Demo data: Báo Thái Nguyên leads three duties in each plan, all due at the end of the plan's year.
        var own2026 = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == plan2026 && t.LeadAgencyId == bao).Select(t => t.Id).ToListAsync());
        var ownOrCoordinated = await app.WithDbAsync(db => db.PlanTasks
            .Where(t => t.LeadAgencyId == bao || t.Coordinators.Any(c => c.OrganisationId == bao)).Select(t => t.Id).ToListAsync());
        Assert.Equal(3, own2026.Count);

        var html = MainOf(await canbo.GetStringAsync("/Tasks/Mine?Period=year"));

        var linked = LinkedTaskIds(html);
        Assert.Superset(own2026.ToHashSet(), linked);
        Assert.Subset(ownOrCoordinated.ToHashSet(), linked);
        Assert.Contains("Chủ trì", html);
        Assert.Contains("Báo Thái Nguyên", html);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task This_month_lists_overdue_work_from_before_and_says_how_many_in_words(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var canbo = await app.SignedInAsync("canbo");
        var bao = await BaoThaiNguyenAsync(app);
        var plan2026 = await PlanOfYearAsync(app, 2026);
        var plan2022 = await PlanOfYearAsync(app, 2022);
        // Why this row: one of Báo Thái Nguyên's 2026 duties is made due in October and left unfinished, so it is overdue today.
        var overdue = await app.WithDbAsync(async db =>
        {
            var id = await db.TaskOccurrences.Where(o => o.Task!.PlanId == plan2026 && o.Task.LeadAgencyId == bao).OrderBy(o => o.Due).Select(o => o.Id).FirstAsync();
            await db.TaskOccurrences.Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Due, new DateOnly(2026, 10, 15))
                .SetProperty(o => o.CompletedOn, (DateOnly?)null).SetProperty(o => o.Percent, 50));
            return await db.TaskOccurrences.Where(o => o.Task!.PlanId == plan2026 && o.Task.LeadAgencyId == bao && o.CompletedOn == null && o.Due < new DateOnly(2026, 11, 1))
                .Select(o => o.PlanTaskId).ToListAsync();
        });
        // The closed 2022 plan's unfinished duties stay on record but are no longer anyone's to-do.
        var closed2022 = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == plan2022 && t.LeadAgencyId == bao).Select(t => t.Id).ToListAsync());
        var overdue2022 = overdue;

        var html = MainOf(await canbo.GetStringAsync("/Tasks/Mine"));

        Assert.Contains($"{overdue2022.Count} việc quá hạn", html);
        Assert.Contains("quá hạn từ kỳ trước", html);
        Assert.Superset(overdue2022.ToHashSet(), LinkedTaskIds(html));
        Assert.Contains("Cập nhật tiến độ", html);
        Assert.Contains("Tháng này (11/2026)", html);
        Assert.Empty(closed2022.Intersect(LinkedTaskIds(html)));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Organisation_with_no_work_gets_the_empty_state_and_province_wide_users_a_link_to_everything(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lanhdao = await app.SignedInAsync("lanhdao");
        var province = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "lanhdao").Select(u => u.OrganisationId).SingleAsync());
        // The leader sits in UBND tỉnh; whatever it leads, this month's page either lists it or says there is nothing.
        var html = MainOf(await lanhdao.GetStringAsync("/Tasks/Mine?Period=month"));

        Assert.Contains("href=\"/Tasks\"", html);
        Assert.Contains("Xem tất cả nhiệm vụ", html);
        var provinceTasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadAgencyId == province || t.Coordinators.Any(c => c.OrganisationId == province))
            .Select(t => t.Id).ToListAsync());
        Assert.Subset(provinceTasks.ToHashSet(), LinkedTaskIds(html));
        if (LinkedTaskIds(html).Count == 0) Assert.Contains("Không có việc nào đến hạn trong kỳ này", html);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        using var response = await app.Client().GetAsync("/Tasks/Mine");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Accounts/Login", response.Headers.Location!.OriginalString);
    }
}
