using Ttdn.Plans;
using Ttdn.Shared;
using TaskStatus = Ttdn.Plans.TaskStatus;

namespace Ttdn.Tasks;

/// <summary>
/// One period in which a duty must be done: the whole plan for a one-off duty, a month for "hằng tháng". Progress,
/// completion and extensions live here, so a monthly duty has a status per month. Status is computed from the due
/// date and the injected clock, never stored.
/// </summary>
public sealed class TaskOccurrence
{
    public int Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public int Index { get; private set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public DateOnly Due { get; private set; }
    /// <summary>The new due date when an extension was granted.</summary>
    public DateOnly? ExtendedTo { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public int Percent { get; private set; }
    public decimal? QuantityAchieved { get; private set; }
    public int Version { get; private set; }

    public PlanTask? Task { get; private set; }

    private TaskOccurrence() { }

    public TaskOccurrence(int index, DateOnly start, DateOnly end, DateOnly due) => (Index, Start, End, Due, Version) = (index, start, end, due, 1);

    public DateOnly EffectiveDue => ExtendedTo ?? Due;
    public bool HasProgress => StartedOn is not null || CompletedOn is not null || Percent > 0 || QuantityAchieved is not null;

    public TaskStatus StatusOn(DateOnly asOf) => StatusOf(EffectiveDue, StartedOn, CompletedOn, asOf);

    /// <summary>
    /// The status as it stood on <paramref name="asOf"/>: work reported later does not count yet, so a dashboard
    /// "as of 30/06" shows June's picture even when the year is over.
    /// </summary>
    public static TaskStatus StatusOf(DateOnly effectiveDue, DateOnly? startedOn, DateOnly? completedOn, DateOnly asOf)
    {
        var done = completedOn <= asOf ? completedOn : null;
        var started = startedOn <= asOf || done is not null;
        return TaskStatusRules.Compute(effectiveDue, started, done, asOf);
    }

    internal void Reschedule(int index, DateOnly end, DateOnly due) => (Index, End, Due) = (index, end, due);

    /// <summary>Records progress reported on <paramref name="on"/>; completing sets 100 % and the completion day.</summary>
    public void RecordProgress(int? percent, decimal? quantity, bool completed, DateOnly on)
    {
        if (percent is < 0 or > 100) throw new DomainException("Tỷ lệ hoàn thành phải từ 0 đến 100 (%). (Percent must be 0–100.)");
        if (quantity is < 0) throw new DomainException("Số lượng đã thực hiện không được âm. (Quantity cannot be negative.)");
        if (CompletedOn is not null && !completed && percent is < 100)
            throw new DomainException("Nhiệm vụ đã hoàn thành; muốn cập nhật lại hãy mở lại nhiệm vụ trước. (Already done: reopen it first.)", 409);
        StartedOn ??= on;
        if (percent is { } p) Percent = p;
        if (quantity is { } q) QuantityAchieved = q;
        if (completed)
        {
            Percent = 100;
            CompletedOn ??= on;
        }
        Version++;
    }

    public void Reopen()
    {
        if (CompletedOn is null) throw new DomainException("Nhiệm vụ chưa hoàn thành nên không cần mở lại. (Not completed.)", 409);
        CompletedOn = null;
        Percent = Math.Min(Percent, 99);
        Version++;
    }

    public void Extend(DateOnly newDue)
    {
        if (newDue <= EffectiveDue)
            throw new DomainException($"Hạn mới phải sau hạn hiện tại {EffectiveDue:dd/MM/yyyy}. (The new deadline must be later.)");
        ExtendedTo = newDue;
        Version++;
    }
}
