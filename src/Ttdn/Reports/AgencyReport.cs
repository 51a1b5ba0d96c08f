using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Reports;

/// <summary>draft → submitted → returned (with a comment) → submitted … → accepted (locked); reopening goes back to returned.</summary>
public enum ReportStatus { Draft, Submitted, Returned, Accepted }

/// <summary>
/// One organisation's report for one period (báo cáo định kỳ of an agency, or of a province to the national office):
/// narratives per outline section and figures per indicator. Once accepted it is locked; changing it needs reopening,
/// which is recorded with its reason.
/// </summary>
public sealed class AgencyReport
{
    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    public int PlanId { get; private set; }
    public int OrganisationId { get; private set; }
    public string PeriodLabel { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly Deadline { get; private set; }
    public ReportStatus Status { get; private set; }
    /// <summary>The day (Vietnam time) of the latest submission: late when after <see cref="Deadline"/>.</summary>
    public DateOnly? SubmittedOn { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? ReturnComment { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public string? AcceptedBy { get; private set; }
    public int Version { get; private set; }

    public ReportTemplate? Template { get; private set; }
    public Plan? Plan { get; private set; }
    public Organisation? Organisation { get; private set; }
    public List<SectionText> Narratives { get; private set; } = [];
    public List<ReportFigure> Figures { get; private set; } = [];
    public List<ReportEvent> Events { get; private set; } = [];

    private AgencyReport() { }

    public AgencyReport(ReportTemplate template, int planId, int organisationId, ReportingPeriod period)
    {
        if (template.PeriodKind != period.Kind)
            throw new DomainException($"Mẫu \"{template.Name}\" báo cáo theo kỳ khác với kỳ {period.Label}. (The period does not fit the template.)");
        (TemplateId, PlanId, OrganisationId) = (template.Id, planId, organisationId);
        (PeriodLabel, PeriodStart, PeriodEnd, Deadline) = (period.Label, period.Start, period.End, template.DeadlineOf(period));
        Status = ReportStatus.Draft;
        Version = 1;
    }

    public bool IsLocked => Status == ReportStatus.Accepted;
    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;
    /// <summary>Counted in the consolidation: submitted (awaiting review) or accepted.</summary>
    public bool IsIn => Status is ReportStatus.Submitted or ReportStatus.Accepted;
    public bool WasLate => SubmittedOn is { } on && on > Deadline;

    public sealed record FigureInput(int IndicatorId, string? Part, decimal? Value);

    /// <summary>Replaces narratives and figures. Figures are filed with the indicator's name and unit of today.</summary>
    public void Save(IEnumerable<SectionText> narratives, IEnumerable<FigureInput> figures, IReadOnlyDictionary<int, Indicator> indicators)
    {
        EnsureEditable();
        var texts = narratives.Select(n => new SectionText { Key = n.Key, Text = VietnameseText.Normalize(n.Text ?? "").Trim() }).Where(n => n.Text.Length > 0).ToList();
        if (texts.Any(t => t.Text.Length > 20000)) throw new DomainException("Mỗi mục báo cáo dài tối đa 20.000 ký tự. (A section is at most 20,000 characters.)");
        var wanted = new List<ReportFigure>();
        foreach (var f in figures.Where(f => f.Value is not null))
        {
            if (!indicators.TryGetValue(f.IndicatorId, out var indicator))
                throw new DomainException("Chỉ tiêu không thuộc mẫu báo cáo này. (The indicator is not in this template.)");
            var part = VietnameseText.Normalize(f.Part ?? "").Trim();
            if (part.Length > 0 && !indicator.Breakdown.Contains(part))
                throw new DomainException($"Chỉ tiêu \"{indicator.Name}\" không có phần \"{part}\". (Unknown breakdown part.)");
            if (f.Value < 0) throw new DomainException($"Số liệu \"{indicator.Name}{(part.Length > 0 ? " – " + part : "")}\" không được âm. (Figures cannot be negative.)");
            if (f.Value > 1_000_000_000_000m) throw new DomainException($"Số liệu \"{indicator.Name}\" quá lớn: hãy kiểm tra lại. (Figure too large.)");
            if (wanted.Any(w => w.IndicatorId == indicator.Id && w.Part == part))
                throw new DomainException($"Số liệu \"{indicator.Name} {part}\" được nhập hai lần. (Figure entered twice.)");
            wanted.Add(new ReportFigure { IndicatorId = indicator.Id, Part = part, Value = f.Value!.Value, NameAsFiled = indicator.Name, UnitAsFiled = indicator.Unit });
        }
        Narratives = texts;
        // Keep rows whose value did not change, so their filed names stay as they were filed.
        Figures.RemoveAll(old => !wanted.Any(w => w.IndicatorId == old.IndicatorId && w.Part == old.Part && w.Value == old.Value));
        Figures.AddRange(wanted.Where(w => !Figures.Any(old => old.IndicatorId == w.IndicatorId && old.Part == w.Part)));
        Version++;
    }

    public void Submit(string byUser, DateTime atUtc, DateOnly onDate)
    {
        EnsureEditable();
        if (Narratives.Count == 0 && Figures.Count == 0)
            throw new DomainException("Báo cáo còn trống: hãy nhập nội dung hoặc số liệu trước khi gửi. (Fill in the report before submitting.)");
        (Status, SubmittedOn, SubmittedBy) = (ReportStatus.Submitted, onDate, byUser);
        Record(ReportAction.Submitted, byUser, atUtc, null);
    }

    public void Return(string comment, string byUser, DateTime atUtc)
    {
        Expect(ReportStatus.Submitted, "trả lại");
        comment = VietnameseText.Normalize(comment ?? "").Trim();
        if (comment.Length == 0) throw new DomainException("Hãy ghi rõ lý do trả lại để đơn vị biết cần sửa gì. (Say why the report is returned.)");
        (Status, ReturnComment) = (ReportStatus.Returned, comment);
        Record(ReportAction.Returned, byUser, atUtc, comment);
    }

    public void Accept(string byUser, DateTime atUtc, DateOnly onDate)
    {
        Expect(ReportStatus.Submitted, "tiếp nhận");
        (Status, AcceptedOn, AcceptedBy, ReturnComment) = (ReportStatus.Accepted, onDate, byUser, null);
        Record(ReportAction.Accepted, byUser, atUtc, null);
    }

    /// <summary>Unlocks an accepted report for corrections; the reason is kept in the history and the audit trail.</summary>
    public void Reopen(string reason, string byUser, DateTime atUtc)
    {
        Expect(ReportStatus.Accepted, "mở lại");
        reason = VietnameseText.Normalize(reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException("Hãy ghi lý do mở lại báo cáo đã tiếp nhận. (Give the reason for reopening.)");
        (Status, ReturnComment, AcceptedOn, AcceptedBy) = (ReportStatus.Returned, reason, null, null);
        Record(ReportAction.Reopened, byUser, atUtc, reason);
    }

    /// <summary>The lead department reminded the agency (đôn đốc); kept in the history so lateness can be discussed with facts.</summary>
    public void Reminded(string byUser, DateTime atUtc) => Record(ReportAction.Reminded, byUser, atUtc, null);

    /// <summary>The consolidated report of the period was sent up: recorded so the agency sees why it can no longer change its report.</summary>
    public void Locked(string byUser, DateTime atUtc) => Record(ReportAction.Locked, byUser, atUtc, null);

    /// <summary>The consolidation was reopened for corrections; its reason shows in every report of the period.</summary>
    public void Unlocked(string reason, string byUser, DateTime atUtc) => Record(ReportAction.Unlocked, byUser, atUtc, reason);

    /// <summary>Once the consolidation is sent up, the period's reports are frozen until the lead department reopens it.</summary>
    public static void EnsureNotSentUp(DateOnly? consolidationSentOn)
    {
        if (consolidationSentOn is { } on)
            throw DomainException.Conflict($"Kỳ báo cáo đã khóa: báo cáo tổng hợp kỳ này đã gửi lên cấp trên ngày {Lang.Date(on)}, nên không sửa, gửi, trả lại hay mở lại được báo cáo của đơn vị. " +
                "Muốn điều chỉnh, Sở đầu mối phải mở lại báo cáo tổng hợp (có ghi lý do) trước. " +
                $"(Locked: the consolidated report was sent up on {on:dd/MM/yyyy}; the lead department must reopen the consolidation first.)");
    }

    public void EnsureEditable()
    {
        if (IsLocked)
            throw DomainException.Conflict("Báo cáo đã được tiếp nhận và khóa: muốn sửa, Sở đầu mối phải mở lại báo cáo (có ghi lý do). (Accepted and locked: reopen it first.)");
        if (!IsEditable)
            throw DomainException.Conflict("Báo cáo đã gửi, đang chờ Sở đầu mối xem xét: chỉ sửa được khi bị trả lại. (Submitted: wait for it to be returned.)");
    }

    private void Expect(ReportStatus from, string verb)
    {
        if (Status != from)
            throw DomainException.Conflict($"Không thể {verb} báo cáo đang ở trạng thái \"{ReportLabels.Of(Status)}\". (Cannot {verb} a {Status} report.)");
    }

    private void Record(ReportAction action, string byUser, DateTime atUtc, string? comment)
    {
        Events.Add(new ReportEvent { Action = action, UserName = byUser, AtUtc = atUtc, Comment = comment });
        Version++;
    }
}

public sealed class SectionText
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>One figure as filed: the indicator by id, plus its name and unit at filing time so a later rename leaves it readable.</summary>
public sealed class ReportFigure
{
    public int Id { get; set; }
    public int AgencyReportId { get; set; }
    public int IndicatorId { get; set; }
    /// <summary>The breakdown part ("Tiếng Anh"), empty for the indicator's single total.</summary>
    public string Part { get; set; } = "";
    public decimal Value { get; set; }
    public string NameAsFiled { get; set; } = "";
    public string UnitAsFiled { get; set; } = "";
}

public enum ReportAction { Submitted, Returned, Accepted, Reopened, Reminded, Locked, Unlocked }

/// <summary>The report's history as the agency and the lead department see it (the audit trail keeps every field change too).</summary>
public sealed class ReportEvent
{
    public int Id { get; set; }
    public int AgencyReportId { get; set; }
    public ReportAction Action { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}

public static class ReportLabels
{
    public static string Of(ReportStatus s) => s switch
    {
        ReportStatus.Draft => Lang.T("Đang soạn", "Draft"),
        ReportStatus.Submitted => Lang.T("Đã gửi", "Submitted"),
        ReportStatus.Returned => Lang.T("Bị trả lại", "Returned"),
        _ => Lang.T("Đã tiếp nhận", "Accepted"),
    };

    public static string Of(ReportAction a) => a switch
    {
        ReportAction.Submitted => Lang.T("Gửi báo cáo", "Submitted"),
        ReportAction.Returned => Lang.T("Trả lại", "Returned"),
        ReportAction.Accepted => Lang.T("Tiếp nhận", "Accepted"),
        ReportAction.Reopened => Lang.T("Mở lại", "Reopened"),
        ReportAction.Locked => Lang.T("Khóa kỳ báo cáo do đã gửi báo cáo tổng hợp", "Locked: the consolidated report was sent up"),
        ReportAction.Unlocked => Lang.T("Mở lại báo cáo tổng hợp, mở khóa kỳ báo cáo", "Consolidation reopened, period unlocked"),
        _ => Lang.T("Đôn đốc", "Reminded"),
    };
}
