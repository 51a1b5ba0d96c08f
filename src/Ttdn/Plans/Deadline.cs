namespace Ttdn.Plans;

/// <summary>How a duty's deadline (thời hạn) is expressed.</summary>
public enum DeadlineKind
{
    /// <summary>No deadline, or a phrase that gives no date ("đột xuất", unrecognised text: <see cref="Deadline.Text"/> keeps it).</summary>
    None,
    /// <summary>One day ("ngày 15/3/2022"): From = To = that day.</summary>
    Exact,
    /// <summary>By a day ("trước ngày 31/12/2022", "cuối tháng 2/2024"): From = period start, To = the due day (inclusive).</summary>
    Before,
    /// <summary>Within a span ("Quý II/2023", "tháng 6", "6 tháng đầu năm", "năm 2022", "từ tháng 3 đến tháng 5/2023"): due at To.</summary>
    Range,
    /// <summary>Repeats ("hằng tháng", "hằng quý", "định kỳ", ...): From/To = the plan period; see <see cref="Recurrence"/>.</summary>
    Recurring,
    /// <summary>All along ("thường xuyên", "cả năm", "trong năm"): From/To = the plan period, one occurrence due at its end.</summary>
    Continuous,
}

/// <summary>How often a recurring duty repeats. Occurrences follow calendar months, quarters, half-years and years.</summary>
public enum Recurrence
{
    None,
    /// <summary>"hằng tháng", "hàng tháng", "mỗi tháng", "ngày 25 hằng tháng"; also "hằng tuần" (tracked per month).</summary>
    Monthly,
    /// <summary>"hằng quý", "3 tháng một lần".</summary>
    Quarterly,
    /// <summary>"6 tháng một lần", "định kỳ 6 tháng".</summary>
    HalfYearly,
    /// <summary>"hằng năm", "trước ngày 15/7 hằng năm".</summary>
    Yearly,
    /// <summary>"định kỳ" with no frequency given: tracked quarterly (the usual reporting rhythm) by <see cref="Occurrences.For"/>.</summary>
    Periodic,
}

/// <summary>
/// A duty's deadline: the phrase as written plus what it resolves to.
/// <para><see cref="Text"/>: the phrase verbatim (null when none). <see cref="From"/>/<see cref="To"/>: the resolved date range,
/// inclusive, with From ≤ To whenever both are set; for <see cref="DeadlineKind.Before"/> From is the period start (or To itself when
/// the due day lies before the period); for <see cref="DeadlineKind.Recurring"/> and <see cref="DeadlineKind.Continuous"/> they are
/// the plan period.</para>
/// <para><see cref="DueDay"/>: for recurring duties due on a fixed day ("ngày 25 hằng tháng" → 25), the day of the month the due date
/// falls on, clamped to the month's length; null = the last day of each occurrence. For Quarterly and HalfYearly it is a day of the
/// occurrence's last month ("hằng quý, trước ngày 20 của tháng cuối quý").</para>
/// <para><see cref="DueMonth"/> (addition to the agreed API): for <see cref="Recurrence.Yearly"/> duties due on a fixed date
/// ("trước ngày 15/7 hằng năm" → DueDay 15, DueMonth 7), the month of that date; null means the occurrence's last month. It is
/// ignored for other recurrences.</para>
/// </summary>
public sealed record Deadline(
    string? Text,
    DeadlineKind Kind,
    DateOnly? From,
    DateOnly? To,
    Recurrence Recurrence,
    int? DueDay = null,
    int? DueMonth = null)
{
    /// <summary>No deadline and no text.</summary>
    public static Deadline None { get; } = new(null, DeadlineKind.None, null, null, Recurrence.None);

    /// <summary>An exact day set without a phrase (Text null).</summary>
    public static Deadline On(DateOnly date) => new(null, DeadlineKind.Exact, date, date, Recurrence.None);

    public bool IsRecurring => Recurrence != Recurrence.None;
}
