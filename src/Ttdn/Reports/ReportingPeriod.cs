using System.Globalization;
using System.Text.RegularExpressions;
using Ttdn.Shared;

namespace Ttdn.Reports;

/// <summary>
/// A kỳ báo cáo, written the way the command line and URLs take it: "2022" (year), "2022-H1" (six months), "2022-Q3",
/// "2022-05" (month), "2022-07..2023-06" (a custom twelve months such as the national award's 01/07–30/06).
/// </summary>
public sealed partial record ReportingPeriod(string Label, PeriodKind Kind, DateOnly Start, DateOnly End)
{
    public static ReportingPeriod Year(int year) => new($"{year}", PeriodKind.Year, new(year, 1, 1), new(year, 12, 31));
    public static ReportingPeriod Half(int year, int half) =>
        new($"{year}-H{half}", PeriodKind.HalfYear, new(year, half == 1 ? 1 : 7, 1), half == 1 ? new(year, 6, 30) : new(year, 12, 31));
    public static ReportingPeriod Quarter(int year, int q) =>
        new($"{year}-Q{q}", PeriodKind.Quarter, new(year, q * 3 - 2, 1), new DateOnly(year, q * 3 - 2, 1).AddMonths(3).AddDays(-1));
    public static ReportingPeriod Month(int year, int m) =>
        new($"{year}-{m:00}", PeriodKind.Month, new(year, m, 1), new DateOnly(year, m, 1).AddMonths(1).AddDays(-1));
    public static ReportingPeriod Custom(int year, int startMonth)
    {
        var start = new DateOnly(year, startMonth, 1);
        var end = start.AddYears(1).AddDays(-1);
        return new($"{start:yyyy-MM}..{end:yyyy-MM}", PeriodKind.Custom, start, end);
    }

    public static ReportingPeriod Parse(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        var m = Pattern().Match(t);
        if (!m.Success)
            throw new DomainException($"Kỳ báo cáo \"{text}\" không hợp lệ: hãy viết 2022 (năm), 2022-H1 (6 tháng), 2022-Q3 (quý), 2022-05 (tháng) " +
                "hoặc 2022-07..2023-06 (12 tháng từ tháng 7). (Invalid period.)");
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) throw new DomainException($"Năm {year} của kỳ báo cáo nằm ngoài 2000–2100. (Year out of range.)");
        int N(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        if (m.Groups["h"].Success) return N("h") is 1 or 2 ? Half(year, N("h")) : throw new DomainException("Nửa năm là H1 hoặc H2. (Half must be H1 or H2.)");
        if (m.Groups["q"].Success) return N("q") is >= 1 and <= 4 ? Quarter(year, N("q")) : throw new DomainException("Quý phải từ Q1 đến Q4. (Quarter must be Q1–Q4.)");
        if (m.Groups["ty"].Success)
        {
            var start = N("m");
            if (start is < 1 or > 12) throw new DomainException("Tháng phải từ 01 đến 12. (Month must be 01–12.)");
            var custom = Custom(year, start);
            if (custom.End.Year != N("ty") || custom.End.Month != N("tm"))
                throw new DomainException($"Kỳ tùy chọn dài 12 tháng: từ {custom.Start:MM/yyyy} thì kết thúc {custom.End:MM/yyyy}. (A custom period is twelve months.)");
            return custom;
        }
        if (m.Groups["m"].Success) return N("m") is >= 1 and <= 12 ? Month(year, N("m")) : throw new DomainException("Tháng phải từ 01 đến 12. (Month must be 01–12.)");
        return Year(year);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-H(?<h>\d)|-Q(?<q>\d)|-(?<m>\d{2})(?:\.\.(?<ty>\d{4})-(?<tm>\d{2}))?)?$")]
    private static partial Regex Pattern();

    /// <summary>The same period one year earlier (for "cùng kỳ năm trước").</summary>
    public ReportingPeriod PreviousYear() => Kind switch
    {
        PeriodKind.Year => Year(Start.Year - 1),
        PeriodKind.HalfYear => Half(Start.Year - 1, Start.Month == 1 ? 1 : 2),
        PeriodKind.Quarter => Quarter(Start.Year - 1, (Start.Month + 2) / 3),
        PeriodKind.Month => Month(Start.Year - 1, Start.Month),
        _ => Custom(Start.Year - 1, Start.Month),
    };

    /// <summary>Every period of this kind that ends inside the plan's range, in order.</summary>
    public static List<ReportingPeriod> Within(PeriodKind kind, int startMonth, DateOnly from, DateOnly to)
    {
        var all = new List<ReportingPeriod>();
        for (var y = from.Year - 1; y <= to.Year; y++)
            all.AddRange(kind switch
            {
                PeriodKind.Year => [Year(y)],
                PeriodKind.HalfYear => [Half(y, 1), Half(y, 2)],
                PeriodKind.Quarter => Enumerable.Range(1, 4).Select(q => Quarter(y, q)),
                PeriodKind.Month => Enumerable.Range(1, 12).Select(m => Month(y, m)),
                _ => [Custom(y, startMonth)],
            });
        return all.Where(p => p.End >= from && p.End <= to).ToList();
    }

    /// <summary>"năm 2022", "6 tháng đầu năm 2022", "quý III năm 2022", "tháng 5 năm 2022", "từ 01/07/2022 đến 30/06/2023".</summary>
    public string Vietnamese => Kind switch
    {
        PeriodKind.Year => $"năm {Start.Year}",
        PeriodKind.HalfYear => Start.Month == 1 ? $"6 tháng đầu năm {Start.Year}" : $"6 tháng cuối năm {Start.Year}",
        PeriodKind.Quarter => $"quý {new[] { "I", "II", "III", "IV" }[(Start.Month - 1) / 3]} năm {Start.Year}",
        PeriodKind.Month => $"tháng {Start.Month} năm {Start.Year}",
        _ => $"từ {Lang.Date(Start)} đến {Lang.Date(End)}",
    };
}
