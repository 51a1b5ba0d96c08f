using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Reports;

/// <summary>
/// The consolidator's own report for a period (báo cáo tổng hợp): what the officer changed in the gathered text, the
/// document number once issued, and whether it was sent up to the national office. The figures are never stored here:
/// they are summed from the agencies' reports each time, so a reopened and corrected agency report is reflected.
/// </summary>
public sealed class ConsolidatedReport
{
    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    /// <summary>The plan consolidated (province level); null for the national office's report.</summary>
    public int? PlanId { get; private set; }
    public int OrganisationId { get; private set; }
    public string PeriodLabel { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public string? Number { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    /// <summary>Final text per outline section key (and "intro"), as edited; a section without one uses the gathered narratives.</summary>
    public List<SectionText> Texts { get; private set; } = [];
    /// <summary>Sent to the national office: from then on it counts in the national consolidation.</summary>
    public DateOnly? SentOn { get; private set; }
    public int Version { get; private set; }

    private ConsolidatedReport() { }

    public ConsolidatedReport(int templateId, int? planId, int organisationId, ReportingPeriod period)
    {
        (TemplateId, PlanId, OrganisationId, PeriodLabel, PeriodStart, PeriodEnd) = (templateId, planId, organisationId, period.Label, period.Start, period.End);
        Version = 1;
    }

    public void Edit(IEnumerable<SectionText> texts, string? number, DateOnly? issuedOn)
    {
        Texts = texts.Select(t => new SectionText { Key = t.Key, Text = VietnameseText.Normalize(t.Text ?? "").Trim() }).Where(t => t.Text.Length > 0).ToList();
        number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (number is not null && !number.Contains("/BC-", StringComparison.Ordinal))
            throw new DomainException($"Số báo cáo \"{number}\" phải có dạng số/BC-ký hiệu, ví dụ 350/BC-UBND. (A report number looks like 350/BC-UBND.)");
        (Number, IssuedOn) = (number, issuedOn);
        Version++;
    }

    public void Send(DateOnly on)
    {
        if (PlanId is null) throw DomainException.Conflict("Báo cáo của cơ quan trung ương không gửi lên cấp nào nữa. (The national report is not sent further.)");
        if (SentOn is { } sent) throw DomainException.Conflict($"Báo cáo tổng hợp đã gửi ngày {Lang.Date(sent)}. (Already sent.)");
        SentOn = on;
        Version++;
    }

    /// <summary>Takes the sent report back for corrections (it stops counting at the national level until sent again).</summary>
    public string Reopen(string reason)
    {
        if (SentOn is null) throw DomainException.Conflict("Báo cáo tổng hợp chưa gửi nên không cần mở lại. (Not sent: nothing to reopen.)");
        reason = VietnameseText.Normalize(reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException("Hãy ghi lý do mở lại báo cáo tổng hợp đã gửi. (Give the reason for reopening.)");
        if (reason.Length > 4000) throw new DomainException("Lý do mở lại dài tối đa 4.000 ký tự. (At most 4,000 characters.)");
        SentOn = null;
        Version++;
        return reason;
    }

    public string? TextOf(string key) => Texts.FirstOrDefault(t => t.Key == key)?.Text;
}
