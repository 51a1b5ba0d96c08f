using Ttdn.Shared;

namespace Ttdn.Tasks;

/// <summary>A report of progress by the responsible agency, with its evidence.</summary>
public sealed class ProgressUpdate
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public int OccurrenceId { get; set; }
    public DateTime AtUtc { get; set; }
    public DateOnly OnDate { get; set; }
    public string UserName { get; set; } = "";
    public int OrganisationId { get; set; }
    public int? Percent { get; set; }
    public decimal? Quantity { get; set; }
    public string? Narrative { get; set; }
    public List<string> Links { get; set; } = [];
    public bool Completed { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>An uploaded evidence file, kept in the database so every node of a cluster serves it.</summary>
public sealed class Attachment
{
    public int Id { get; set; }
    public int ProgressUpdateId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public enum RequestStatus { Pending, Approved, Refused }

/// <summary>Xin gia hạn: the agency asks for a later deadline; the lead department approves or refuses.</summary>
public sealed class ExtensionRequest
{
    public int Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public int OccurrenceId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public DateOnly CurrentDue { get; private set; }
    public DateOnly RequestedDue { get; private set; }
    public string Reason { get; private set; } = "";
    public RequestStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    private ExtensionRequest() { }

    public ExtensionRequest(int taskId, TaskOccurrence occurrence, DateOnly requestedDue, string reason, string by, DateTime atUtc)
    {
        if (occurrence.CompletedOn is not null) throw new DomainException("Nhiệm vụ đã hoàn thành, không cần gia hạn. (Already done.)", 409);
        if (requestedDue <= occurrence.EffectiveDue)
            throw new DomainException($"Hạn xin gia hạn phải sau hạn hiện tại {occurrence.EffectiveDue:dd/MM/yyyy}. (Ask for a later date.)");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Hãy nêu lý do xin gia hạn. (Give a reason.)");
        (PlanTaskId, OccurrenceId, CurrentDue, RequestedDue, Reason, RequestedBy, RequestedAtUtc, Status) =
            (taskId, occurrence.Id, occurrence.EffectiveDue, requestedDue, reason.Trim(), by, atUtc, RequestStatus.Pending);
    }

    public void Approve(TaskOccurrence occurrence, string by, DateTime atUtc, string? note)
    {
        Decide(RequestStatus.Approved, by, atUtc, note);
        occurrence.Extend(RequestedDue);
    }

    public void Refuse(string by, DateTime atUtc, string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Hãy ghi lý do không đồng ý gia hạn để đơn vị biết. (Say why.)");
        Decide(RequestStatus.Refused, by, atUtc, note);
    }

    private void Decide(RequestStatus status, string by, DateTime atUtc, string? note)
    {
        if (Status != RequestStatus.Pending) throw new DomainException("Đề nghị gia hạn này đã được xử lý. (Already decided.)", 409);
        (Status, DecidedBy, DecidedAtUtc, DecisionNote) = (status, by, atUtc, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }
}

/// <summary>Yêu cầu giải trình: the lead department asks an agency to explain (usually a delay); the agency answers.</summary>
public sealed class ExplanationRequest
{
    public int Id { get; private set; }
    public int PlanTaskId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public string Question { get; private set; } = "";
    public DateOnly? AnswerDueOn { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }

    private ExplanationRequest() { }

    public ExplanationRequest(int taskId, string question, DateOnly? answerDueOn, string by, DateTime atUtc)
    {
        if (string.IsNullOrWhiteSpace(question)) throw new DomainException("Hãy nêu nội dung cần giải trình. (Say what needs explaining.)");
        (PlanTaskId, Question, AnswerDueOn, RequestedBy, RequestedAtUtc) = (taskId, question.Trim(), answerDueOn, by, atUtc);
    }

    public void AnswerWith(string answer, string by, DateTime atUtc)
    {
        if (Answer is not null) throw new DomainException("Yêu cầu này đã được giải trình. (Already answered.)", 409);
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainException("Hãy nhập nội dung giải trình. (Enter the explanation.)");
        (Answer, AnsweredBy, AnsweredAtUtc) = (answer.Trim(), by, atUtc);
    }
}

public sealed class TaskComment
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public int OrganisationId { get; set; }
    public string Text { get; set; } = "";
}

public enum ReminderKind { BeforeDeadline, Overdue, DailySummary }

/// <summary>What was sent, so a reminder goes once per day and recipient even with several nodes running.</summary>
public sealed class ReminderLog
{
    public int Id { get; set; }
    public int? OccurrenceId { get; set; }
    public ReminderKind Kind { get; set; }
    public string Recipient { get; set; } = "";
    public DateOnly SentOn { get; set; }
}
