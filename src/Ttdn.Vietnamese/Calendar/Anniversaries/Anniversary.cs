namespace Ttdn.Vietnamese.Calendar.Anniversaries;

/// <summary>What kind of day an anniversary commemorates.</summary>
public enum AnniversaryKind
{
    National,
    Provincial,
    Diplomatic,
    Leader,
    Festival,
    OrganisationFounding,
}

/// <summary>
/// A day the plans commemorate. <paramref name="Name"/> is the event as the plans word it ("Ngày thành lập Đảng Cộng sản
/// Việt Nam"); <paramref name="BaseDate"/> is the original date, solar or lunar, or null for a festival whose date the
/// locality announces each year; <paramref name="Scope"/> is null for a national day, otherwise the province's name;
/// <paramref name="SourceNote"/> names where the date is confirmed.
/// </summary>
public sealed record Anniversary(
    string Name,
    AnniversaryDate? BaseDate,
    AnniversaryKind Kind,
    string? Scope,
    string SourceNote)
{
    /// <summary>The note for a festival with no fixed date.</summary>
    public const string DateAnnouncedLocally = "ngày tổ chức do địa phương công bố hằng năm";

    public static Anniversary Solar(string name, int year, int month, int day, AnniversaryKind kind, string sourceNote, string? scope = null) =>
        new(name, AnniversaryDate.Solar(new DateOnly(year, month, day)), kind, scope, sourceNote);

    public static Anniversary Lunar(string name, int month, int day, AnniversaryKind kind, string sourceNote, int? originYear = null, string? scope = null) =>
        new(name, AnniversaryDate.Lunar(month, day, originYear), kind, scope, sourceNote);

    public static Anniversary Undated(string name, AnniversaryKind kind, string sourceNote, string? scope = null) =>
        new(name, null, kind, scope, sourceNote);
}

/// <summary>
/// The original date of an anniversary: either a solar (Gregorian) date, or a lunar month and day (never a leap
/// month) with, when known, the year of origin (the lunar year, which is the solar year for months 1–11).
/// </summary>
public sealed record AnniversaryDate
{
    private AnniversaryDate(DateOnly? solarDate, int month, int day, int? originYear)
    {
        SolarDate = solarDate;
        Month = month;
        Day = day;
        OriginYear = originYear;
    }

    /// <summary>The solar date, or null for a lunar date.</summary>
    public DateOnly? SolarDate { get; }

    public bool IsLunar => SolarDate is null;

    /// <summary>Month (solar or lunar, 1–12).</summary>
    public int Month { get; }

    /// <summary>Day of the month (solar or lunar).</summary>
    public int Day { get; }

    /// <summary>Year of origin: the solar date's year, or the lunar one's when known.</summary>
    public int? OriginYear { get; }

    public static AnniversaryDate Solar(DateOnly date) => new(date, date.Month, date.Day, date.Year);

    /// <exception cref="ArgumentOutOfRangeException">Month outside 1–12 or day outside 1–30.</exception>
    public static AnniversaryDate Lunar(int month, int day, int? originYear = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 30);
        return new(null, month, day, originYear);
    }

    /// <summary>"03/02/1930"; "10/03 âm lịch" or "10/03 âm lịch năm 1947".</summary>
    public override string ToString() =>
        SolarDate is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : $"{Day:00}/{Month:00} âm lịch{(OriginYear is { } y ? $" năm {y}" : "")}";
}
