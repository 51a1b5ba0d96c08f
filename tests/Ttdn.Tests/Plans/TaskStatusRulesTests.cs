using Ttdn.Plans;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tests.Plans;

/// <summary>Statuses in the officials' vocabulary, computed from the due day and a given date.</summary>
public sealed class TaskStatusRulesTests
{
    private static readonly DateOnly Due = new(2022, 12, 31);

    [Fact]
    public void On_the_due_day_an_unfinished_duty_is_still_on_time()
    {
        Assert.Equal(TaskStatus.InProgressOnTime, TaskStatusRules.Compute(Due, started: true, completedOn: null, today: Due));
        Assert.Equal(TaskStatus.NotStarted, TaskStatusRules.Compute(Due, started: false, completedOn: null, today: Due));
    }

    [Fact]
    public void The_day_after_the_due_day_an_unfinished_duty_is_overdue()
    {
        var dayAfter = Due.AddDays(1);
        Assert.Equal(TaskStatus.InProgressOverdue, TaskStatusRules.Compute(Due, started: true, completedOn: null, today: dayAfter));
    }

    [Fact]
    public void A_duty_never_started_is_overdue_once_its_due_day_has_passed()
    {
        // Decision: trackers list every unfinished duty past its deadline as "quá hạn".
        var status = TaskStatusRules.Compute(Due, started: false, completedOn: null, today: Due.AddDays(1));
        Assert.Equal(TaskStatus.InProgressOverdue, status);
        Assert.True(TaskStatusRules.IsOverdue(status));
    }

    [Fact]
    public void Not_started_before_the_due_day_is_not_started()
    {
        Assert.Equal(TaskStatus.NotStarted, TaskStatusRules.Compute(Due, started: false, completedOn: null, today: new DateOnly(2022, 6, 1)));
    }

    [Fact]
    public void Done_on_or_before_the_due_day_is_on_time()
    {
        Assert.Equal(TaskStatus.DoneOnTime, TaskStatusRules.Compute(Due, started: true, completedOn: Due, today: new DateOnly(2023, 3, 1)));
        Assert.Equal(TaskStatus.DoneOnTime, TaskStatusRules.Compute(Due, started: true, completedOn: new DateOnly(2022, 10, 5), today: new DateOnly(2022, 10, 5)));
    }

    [Fact]
    public void Done_after_the_due_day_is_late_and_stays_late()
    {
        Assert.Equal(TaskStatus.DoneLate, TaskStatusRules.Compute(Due, started: true, completedOn: Due.AddDays(1), today: Due.AddDays(1)));
        Assert.Equal(TaskStatus.DoneLate, TaskStatusRules.Compute(Due, started: true, completedOn: Due.AddDays(1), today: new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void A_completion_date_decides_even_if_start_was_never_recorded()
    {
        Assert.Equal(TaskStatus.DoneOnTime, TaskStatusRules.Compute(Due, started: false, completedOn: new DateOnly(2022, 11, 1), today: new DateOnly(2022, 11, 2)));
    }

    [Theory]
    [InlineData(TaskStatus.NotStarted, "Chưa thực hiện", "Not started", false, false)]
    [InlineData(TaskStatus.InProgressOnTime, "Đang thực hiện – trong hạn", "In progress – on time", false, false)]
    [InlineData(TaskStatus.InProgressOverdue, "Đang thực hiện – quá hạn", "In progress – overdue", true, false)]
    [InlineData(TaskStatus.DoneOnTime, "Hoàn thành đúng hạn", "Done on time", false, true)]
    [InlineData(TaskStatus.DoneLate, "Hoàn thành quá hạn", "Done late", false, true)]
    public void Labels_and_groupings(TaskStatus status, string vietnamese, string english, bool overdue, bool done)
    {
        Assert.Equal(vietnamese, TaskStatusRules.Vietnamese(status));
        Assert.Equal(english, TaskStatusRules.English(status));
        Assert.Equal(overdue, TaskStatusRules.IsOverdue(status));
        Assert.Equal(done, TaskStatusRules.IsDone(status));
    }

    [Fact]
    public void Each_occurrence_of_a_monthly_duty_has_its_own_status()
    {
        var start = new DateOnly(2022, 1, 1);
        var end = new DateOnly(2022, 12, 31);
        var list = Occurrences.For(DeadlinePhrase.Parse("ngày 25 hằng tháng", start, end), start, end);
        var today = new DateOnly(2022, 3, 26);
        Assert.Equal(TaskStatus.DoneOnTime, TaskStatusRules.Compute(list[0].Due, true, new DateOnly(2022, 1, 20), today));
        Assert.Equal(TaskStatus.InProgressOverdue, TaskStatusRules.Compute(list[2].Due, true, null, today));
        Assert.Equal(TaskStatus.NotStarted, TaskStatusRules.Compute(list[3].Due, false, null, today));
    }
}
