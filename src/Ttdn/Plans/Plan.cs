using Ttdn.Organisations;
using Ttdn.Shared;

namespace Ttdn.Plans;

public enum PlanKind { AnnualPlan, Programme, ActionProgramme, ThematicPlan }

/// <summary>draft → submitted → approved → issued → amended (history kept) → closed.</summary>
public enum PlanStatus { Draft, Submitted, Approved, Issued, Amended, Closed }

/// <summary>
/// A plan (Kế hoạch), programme (Đề án, Chương trình) or thematic plan: its legal bases, purposes, themes, channels,
/// funding and, in "Tổ chức thực hiện", the assignments whose duties become tasks.
/// </summary>
public sealed class Plan
{
    public int Id { get; private set; }
    public PlanKind Kind { get; private set; }
    /// <summary>Number and symbol as issued, e.g. "241/KH-UBND"; empty while a draft.</summary>
    public string? Number { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly? IssuedOn { get; private set; }
    public string? IssuePlace { get; private set; }
    public int? IssuerId { get; private set; }
    /// <summary>The lead department that follows the plan up (đầu mối): configuration, never hard-coded.</summary>
    public int LeadOrganisationId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    /// <summary>The programme this annual plan sits under.</summary>
    public int? ParentId { get; private set; }
    public int? CopiedFromId { get; private set; }
    public PlanStatus Status { get; private set; }
    public string? Introduction { get; private set; }
    public string? SignerName { get; private set; }
    public string? SignerAuthority { get; private set; }
    public string? SignerTitle { get; private set; }
    public int Revision { get; private set; }
    public int Version { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public Organisation? Issuer { get; private set; }
    public Organisation? LeadOrganisation { get; private set; }
    public List<LegalBasis> LegalBases { get; private set; } = [];
    public List<PlanStatement> Statements { get; private set; } = [];
    public List<Theme> Themes { get; private set; } = [];
    public List<PlanChannel> Channels { get; private set; } = [];
    public List<FundingItem> Funding { get; private set; } = [];
    public List<Recipient> Recipients { get; private set; } = [];
    public List<Assignment> Assignments { get; private set; } = [];
    public List<PlanTask> Tasks { get; private set; } = [];
    public List<PlanAmendment> Amendments { get; private set; } = [];

    private Plan() { }

    public Plan(PlanKind kind, string title, DateOnly periodStart, DateOnly periodEnd, int leadOrganisationId, DateTime createdAtUtc)
    {
        Kind = kind;
        LeadOrganisationId = leadOrganisationId;
        CreatedAtUtc = createdAtUtc;
        Status = PlanStatus.Draft;
        SetHeader(kind, title, periodStart, periodEnd, null, null, null, null, null);
        Version = 1;
    }

    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Amended;

    public void SetHeader(PlanKind kind, string title, DateOnly periodStart, DateOnly periodEnd, string? number, DateOnly? issuedOn,
        string? issuePlace, int? issuerId, int? parentId)
    {
        EnsureEditable();
        title = Ttdn.Vietnamese.Text.VietnameseText.Normalize(title).Trim();
        if (title.Length == 0) throw new DomainException("Hãy nhập tên (trích yếu) của kế hoạch. (Enter the plan's title.)");
        if (periodEnd < periodStart)
            throw new DomainException($"Kỳ kế hoạch kết thúc ({periodEnd:dd/MM/yyyy}) trước khi bắt đầu ({periodStart:dd/MM/yyyy}). (Period ends before it starts.)");
        if (periodEnd.DayNumber - periodStart.DayNumber > 366 * 10)
            throw new DomainException("Kỳ kế hoạch dài quá 10 năm: hãy kiểm tra năm bắt đầu và kết thúc. (Period longer than 10 years.)");
        if (parentId is { } p && p == Id && Id != 0) throw new DomainException("Kế hoạch không thể thuộc chính nó. (A plan cannot contain itself.)");
        (Kind, Title, PeriodStart, PeriodEnd) = (kind, title, periodStart, periodEnd);
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        IssuedOn = issuedOn;
        IssuePlace = string.IsNullOrWhiteSpace(issuePlace) ? null : issuePlace.Trim();
        IssuerId = issuerId;
        ParentId = parentId;
        Version++;
    }

    public void SetSigner(string? name, string? authority, string? title)
    {
        EnsureEditable();
        (SignerName, SignerAuthority, SignerTitle) = (Clean(name), Clean(authority), Clean(title));
        Version++;
    }

    public void SetIntroduction(string? text)
    {
        EnsureEditable();
        Introduction = Clean(text);
        Version++;
    }

    public void SetLeadOrganisation(int organisationId)
    {
        LeadOrganisationId = organisationId;
        Version++;
    }

    public void CopiedFrom(int planId) => CopiedFromId = planId;

    public void Submit() => Move(PlanStatus.Submitted, PlanStatus.Draft);

    /// <summary>The leader sends a submitted plan back to draft for changes.</summary>
    public void ReturnToDraft() => Move(PlanStatus.Draft, PlanStatus.Submitted);

    public void Approve() => Move(PlanStatus.Approved, PlanStatus.Submitted);

    public void IssueAs(string number, DateOnly issuedOn, string? place)
    {
        if (Status != PlanStatus.Approved)
            throw new DomainException($"Chỉ ban hành được kế hoạch đã phê duyệt; kế hoạch đang ở trạng thái \"{PlanLabels.Of(Status)}\". (Only an approved plan can be issued.)", 409);
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainException("Hãy nhập số, ký hiệu văn bản, ví dụ 241/KH-UBND. (Enter the document number.)");
        Number = number.Trim();
        IssuedOn = issuedOn;
        IssuePlace = Clean(place) ?? IssuePlace;
        Status = PlanStatus.Issued;
        Version++;
    }

    /// <summary>Opens an issued plan for amendment, keeping the content as it stood in the amendment record.</summary>
    public PlanAmendment Amend(string reason, string? documentNumber, DateOnly on, string snapshotJson, string byUser)
    {
        if (Status is not (PlanStatus.Issued or PlanStatus.Amended))
            throw new DomainException("Chỉ sửa đổi, bổ sung được kế hoạch đã ban hành. (Only an issued plan can be amended.)", 409);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Hãy ghi lý do sửa đổi, bổ sung. (Give the reason for the amendment.)");
        Revision++;
        var amendment = new PlanAmendment(Revision, reason.Trim(), Clean(documentNumber), on, snapshotJson, byUser);
        Amendments.Add(amendment);
        Status = PlanStatus.Amended;
        Version++;
        return amendment;
    }

    public void Close()
    {
        if (Status is not (PlanStatus.Issued or PlanStatus.Amended))
            throw new DomainException("Chỉ kết thúc được kế hoạch đã ban hành. (Only an issued plan can be closed.)", 409);
        Status = PlanStatus.Closed;
        Version++;
    }

    /// <summary>Content can change only while drafting or under an amendment; progress on tasks is separate.</summary>
    public void EnsureEditable()
    {
        if (Id != 0 && !IsEditable)
            throw new DomainException(
                $"Kế hoạch đang ở trạng thái \"{PlanLabels.Of(Status)}\": chỉ sửa được khi là dự thảo hoặc khi đang sửa đổi, bổ sung. (Only drafts and amendments can be edited.)", 409);
    }

    public void Touch() => Version++;

    private void Move(PlanStatus to, PlanStatus from)
    {
        if (Status != from)
            throw new DomainException(
                $"Không thể chuyển kế hoạch từ \"{PlanLabels.Of(Status)}\" sang \"{PlanLabels.Of(to)}\". (Cannot move from {Status} to {to}.)", 409);
        Status = to;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : Ttdn.Vietnamese.Text.VietnameseText.Normalize(s).Trim();
}

public sealed class PlanAmendment
{
    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public int Revision { get; private set; }
    public string Reason { get; private set; } = "";
    public string? DocumentNumber { get; private set; }
    public DateOnly AmendedOn { get; private set; }
    public string ByUser { get; private set; } = "";
    /// <summary>The plan's content (JSON) as it stood before this amendment.</summary>
    public string SnapshotJson { get; private set; } = "{}";

    private PlanAmendment() { }

    internal PlanAmendment(int revision, string reason, string? documentNumber, DateOnly on, string snapshotJson, string byUser) =>
        (Revision, Reason, DocumentNumber, AmendedOn, SnapshotJson, ByUser) = (revision, reason, documentNumber, on, snapshotJson, byUser);
}
