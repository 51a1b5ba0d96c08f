using Ttdn.Organisations;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Plans;

/// <summary>A target of a duty: "700 cuốn, song ngữ Việt–Anh" = 700, "cuốn", [vi, en].</summary>
public sealed class Target
{
    public decimal Quantity { get; set; }
    public string Unit { get; set; } = "";
    public List<string> Languages { get; set; } = [];
}

/// <summary>
/// One duty (nhiệm vụ) of a plan: who leads, who co-ordinates, by when (exact or a fuzzy phrase kept verbatim
/// with its resolved range), how often, and how much. Follow-up happens per occurrence: one for a one-off duty,
/// one per month/quarter/… for a recurring one.
/// </summary>
public sealed class PlanTask
{
    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public int? AssignmentId { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; } = "";
    public int LeadAgencyId { get; private set; }
    public string? DeadlineText { get; private set; }
    public DeadlineKind DeadlineKind { get; private set; }
    public DateOnly? DueFrom { get; private set; }
    public DateOnly? DueTo { get; private set; }
    public Recurrence Recurrence { get; private set; }
    public int? DueDay { get; private set; }
    public int? DueMonth { get; private set; }
    public decimal? PlannedBudget { get; private set; }
    public FundingSource? FundingSource { get; private set; }
    public int Version { get; private set; }

    public Plan? Plan { get; private set; }
    public Organisation? LeadAgency { get; private set; }
    public List<Target> Targets { get; private set; } = [];
    public List<TaskCoordinator> Coordinators { get; private set; } = [];
    public List<TaskTheme> Themes { get; private set; } = [];
    public List<TaskChannel> Channels { get; private set; } = [];
    public List<TaskOccurrence> Occurrences { get; private set; } = [];

    private PlanTask() { }

    public PlanTask(int planId, int? assignmentId, int order, string text, int leadAgencyId)
    {
        (PlanId, AssignmentId, Order, LeadAgencyId) = (planId, assignmentId, order, leadAgencyId);
        SetText(text);
        Version = 1;
    }

    public Deadline Deadline => new(DeadlineText, DeadlineKind, DueFrom, DueTo, Recurrence, DueDay, DueMonth);

    public void SetText(string text)
    {
        text = Ttdn.Vietnamese.Text.VietnameseText.Normalize(text).Trim();
        if (text.Length == 0) throw new DomainException("Hãy nhập nội dung nhiệm vụ. (Enter what the duty is.)");
        if (text.Length > 4000) throw new DomainException("Nội dung nhiệm vụ dài quá 4.000 ký tự: hãy tách thành nhiều nhiệm vụ. (Split the duty.)");
        Text = text;
        Version++;
    }

    public void Assign(int leadAgencyId, IEnumerable<int> coordinatorIds)
    {
        var ids = coordinatorIds.Where(id => id != leadAgencyId).Distinct().ToList();
        LeadAgencyId = leadAgencyId;
        Coordinators.RemoveAll(c => !ids.Contains(c.OrganisationId));
        foreach (var id in ids.Where(id => Coordinators.All(c => c.OrganisationId != id)))
            Coordinators.Add(new TaskCoordinator { OrganisationId = id });
        Version++;
    }

    public void Classify(IEnumerable<int> themeIds, IEnumerable<int> channelIds)
    {
        var themes = themeIds.Distinct().ToList();
        var channels = channelIds.Distinct().ToList();
        Themes.RemoveAll(t => !themes.Contains(t.ThemeId));
        foreach (var id in themes.Where(id => Themes.All(t => t.ThemeId != id))) Themes.Add(new TaskTheme { ThemeId = id });
        Channels.RemoveAll(c => !channels.Contains(c.PlanChannelId));
        foreach (var id in channels.Where(id => Channels.All(c => c.PlanChannelId != id))) Channels.Add(new TaskChannel { PlanChannelId = id });
        Version++;
    }

    public void SetTargets(IEnumerable<Target> targets, decimal? plannedBudget, FundingSource? source)
    {
        var list = targets.ToList();
        if (list.Any(t => t.Quantity <= 0)) throw new DomainException("Số lượng chỉ tiêu phải lớn hơn 0. (Target quantities must be positive.)");
        if (list.Any(t => string.IsNullOrWhiteSpace(t.Unit))) throw new DomainException("Hãy ghi đơn vị tính của chỉ tiêu, ví dụ: cuốn, tin bài. (Give each target a unit.)");
        if (plannedBudget is < 0) throw new DomainException("Kinh phí dự kiến không được âm. (Budget cannot be negative.)");
        Targets = list;
        (PlannedBudget, FundingSource) = (plannedBudget, source);
        Version++;
    }

    /// <summary>
    /// Sets the deadline and lays out the occurrences of the plan period. Occurrences that already carry progress
    /// are kept (matched by their start date) so re-planning never loses reported work.
    /// </summary>
    public void SetDeadline(Deadline deadline, DateOnly periodStart, DateOnly periodEnd)
    {
        if (deadline.From is { } f && deadline.To is { } t && t < f)
            throw new DomainException($"Thời hạn kết thúc {t:dd/MM/yyyy} trước khi bắt đầu {f:dd/MM/yyyy}. (Deadline range reversed.)");
        (DeadlineText, DeadlineKind, DueFrom, DueTo, Recurrence, DueDay, DueMonth) =
            (deadline.Text, deadline.Kind, deadline.From, deadline.To, deadline.Recurrence, deadline.DueDay, deadline.DueMonth);
        var wanted = Plans.Occurrences.For(deadline, periodStart, periodEnd);
        var keep = Occurrences.Where(o => o.HasProgress || wanted.Any(w => w.Start == o.Start)).ToList();
        Occurrences.RemoveAll(o => !keep.Contains(o));
        foreach (var w in wanted)
        {
            var existing = Occurrences.FirstOrDefault(o => o.Start == w.Start);
            if (existing is null) Occurrences.Add(new TaskOccurrence(w.Index, w.Start, w.End, w.Due));
            else existing.Reschedule(w.Index, w.End, w.Due);
        }
        Version++;
    }

    public void Touch() => Version++;
}

public sealed class TaskCoordinator
{
    public int PlanTaskId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

public sealed class TaskTheme
{
    public int PlanTaskId { get; set; }
    public int ThemeId { get; set; }
}

public sealed class TaskChannel
{
    public int PlanTaskId { get; set; }
    public int PlanChannelId { get; set; }
}
