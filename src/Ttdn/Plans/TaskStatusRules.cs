namespace Ttdn.Plans;

/// <summary>
/// The status of a duty (or of one occurrence of a recurring duty), in the government task-tracking vocabulary.
/// Note: under implicit usings this name collides with <c>System.Threading.Tasks.TaskStatus</c>; outside this namespace write
/// <c>using TaskStatus = Ttdn.Plans.TaskStatus;</c>.
/// </summary>
public enum TaskStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted,
    /// <summary>Đang thực hiện – trong hạn.</summary>
    InProgressOnTime,
    /// <summary>Đang thực hiện – quá hạn (also a duty never started once its due day has passed).</summary>
    InProgressOverdue,
    /// <summary>Hoàn thành đúng hạn.</summary>
    DoneOnTime,
    /// <summary>Hoàn thành quá hạn.</summary>
    DoneLate,
}

/// <summary>
/// Computes statuses from the due date and a date supplied by the caller (an injected clock); nothing is stored by hand.
/// <list type="bullet">
/// <item>The due day is inclusive: finishing on it is on time; a duty becomes overdue the day after.</item>
/// <item>A completion date decides alone: completed on or before due → <see cref="TaskStatus.DoneOnTime"/>, after →
/// <see cref="TaskStatus.DoneLate"/>, whatever <c>started</c> says (finishing implies starting).</item>
/// <item>Decision: a duty NOT started whose due day has passed is <see cref="TaskStatus.InProgressOverdue"/> ("quá hạn"), not
/// <see cref="TaskStatus.NotStarted"/>: government trackers have no "chưa thực hiện – quá hạn" and list every unfinished duty
/// past its deadline as quá hạn, which is what the lead department must chase. <see cref="TaskStatus.NotStarted"/> therefore
/// always means "not started and still within the deadline".</item>
/// </list>
/// </summary>
public static class TaskStatusRules
{
    public static TaskStatus Compute(DateOnly due, bool started, DateOnly? completedOn, DateOnly today)
    {
        if (completedOn is { } done)
        {
            return done <= due ? TaskStatus.DoneOnTime : TaskStatus.DoneLate;
        }

        if (today > due)
        {
            return TaskStatus.InProgressOverdue;
        }

        return started ? TaskStatus.InProgressOnTime : TaskStatus.NotStarted;
    }

    public static string Vietnamese(TaskStatus s) => s switch
    {
        TaskStatus.NotStarted => "Chưa thực hiện",
        TaskStatus.InProgressOnTime => "Đang thực hiện – trong hạn",
        TaskStatus.InProgressOverdue => "Đang thực hiện – quá hạn",
        TaskStatus.DoneOnTime => "Hoàn thành đúng hạn",
        TaskStatus.DoneLate => "Hoàn thành quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static string English(TaskStatus s) => s switch
    {
        TaskStatus.NotStarted => "Not started",
        TaskStatus.InProgressOnTime => "In progress – on time",
        TaskStatus.InProgressOverdue => "In progress – overdue",
        TaskStatus.DoneOnTime => "Done on time",
        TaskStatus.DoneLate => "Done late",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>Unfinished and past due (which, by the rule above, includes duties never started).</summary>
    public static bool IsOverdue(TaskStatus s) => s == TaskStatus.InProgressOverdue;

    public static bool IsDone(TaskStatus s) => s is TaskStatus.DoneOnTime or TaskStatus.DoneLate;
}
