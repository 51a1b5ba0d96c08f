using Microsoft.EntityFrameworkCore;
using Ttdn.Plans;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Plans;

/// <summary>The demo database holds the real Thái Nguyên 2022 plan and this year's copy of it.</summary>
public sealed class DemoPlanTests
{
    [Fact]
    public void The_fixture_has_the_structure_of_the_seed_plan()
    {
        var doc = DemoPlans.ThaiNguyen2022();
        Assert.Equal("241/KH-UBND", doc.Number);
        Assert.Equal(new DateOnly(2021, 12, 28), doc.IssuedOn);
        Assert.Equal(["72/2015/NĐ-CP", "22/2016/TT-BTTTT", "1347/QĐ-UBND", "141/TTr-STTTT"], doc.LegalBases.Select(b => b.Number));
        Assert.True(doc.LegalBases.Single(b => b.Number == "141/TTr-STTTT").IsProposal);
        Assert.Equal((2, 2, 7, 6, 2), (doc.Purposes.Count, doc.Requirements.Count, doc.Themes.Count, doc.Channels.Count, doc.Funding.Count));
        Assert.Equal([2, 1, 8, 4, 2, 4, 3, 3, 1, 3, 2, 2, 1, 7], doc.Assignments.Select(a => a.Tasks.Count));
        Assert.Equal(11, doc.Recipients.Count);
        Assert.Equal(new PlanDocument.SignerInfo("Lê Quang Tiến", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), doc.Signer);
        var book = doc.Assignments.SelectMany(a => a.Tasks).Single(t => t.Text.StartsWith("Xuất bản 700 cuốn", StringComparison.Ordinal));
        Assert.Equal(700, book.Targets!.Single().Quantity);
        Assert.Equal(["vi", "en"], book.Targets!.Single().Languages);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_demo_2022_plan_is_on_record_with_43_duties_assigned_to_their_agencies(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(async db =>
        {
            var plan = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.LeadAgency).SingleAsync(p => p.Number == "241/KH-UBND");
            Assert.Equal(PlanStatus.Closed, plan.Status);
            Assert.Equal(43, plan.Tasks.Count);
            Assert.Equal(14, await db.Assignments.CountAsync(a => a.PlanId == plan.Id));
            Assert.Equal(8, plan.Tasks.Count(t => t.LeadAgency!.Name == "Sở Thông tin và Truyền thông"));
            var ict = plan.Tasks.Single(t => t.DeadlineText == "trước ngày 31/12/2022");
            Assert.Equal(new DateOnly(2022, 12, 31), ict.DueTo);
            var briefings = plan.Tasks.Single(t => t.Text.Contains("giao ban báo chí định kỳ hằng tháng", StringComparison.Ordinal));
            Assert.Equal(Recurrence.Monthly, briefings.Recurrence);
            Assert.Equal(12, await db.TaskOccurrences.CountAsync(o => o.PlanTaskId == briefings.Id));
            Assert.True(await db.ProgressUpdates.CountAsync(u => u.PlanTaskId == briefings.Id) >= 6, "the demo shows a living plan");
            return 0;
        });
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task This_years_copy_gives_the_duties_to_the_bodies_that_carry_them_now(Db provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(async db =>
        {
            var current = await db.Plans.Include(p => p.Tasks).ThenInclude(t => t.LeadAgency).SingleAsync(p => p.CopiedFromId != null);
            Assert.Equal(new DateOnly(2026, 1, 1), current.PeriodStart);
            Assert.Equal(43, current.Tasks.Count);
            Assert.DoesNotContain(current.Tasks, t => t.LeadAgency!.Name == "Sở Thông tin và Truyền thông");
            Assert.Equal(8 + 4, current.Tasks.Count(t => t.LeadAgency!.Name == "Sở Văn hóa, Thể thao và Du lịch"));
            Assert.Contains(current.Tasks, t => t.DeadlineText == "trước ngày 31/12/2026");
            Assert.Contains("2026", current.Title);
            var lead = await db.Organisations.SingleAsync(o => o.Id == current.LeadOrganisationId);
            Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", lead.Name);
            return 0;
        });
    }
}
