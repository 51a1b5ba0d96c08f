using System.Globalization;

namespace Ttdn.Vietnamese.Calendar.Anniversaries;

/// <summary>One anniversary as it falls in a given solar year.</summary>
/// <param name="Date">The solar date in that year (lunar dates converted with <see cref="LunarCalendar"/>).</param>
/// <param name="Years">Years since the origin; null for a lunar festival whose year of origin is unknown.</param>
/// <param name="Text">The sentence as the plans write it: "Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)".</param>
public sealed record AnniversaryOccurrence(
    Anniversary Anniversary,
    DateOnly Date,
    int? Years,
    bool IsRound,
    string Text)
{
    public string Name => Anniversary.Name;

    public AnniversaryDate BaseDate => Anniversary.BaseDate!;
}

/// <summary>Lists the anniversaries of a solar year.</summary>
public static class AnniversaryYear
{
    /// <summary>
    /// The occurrences in solar <paramref name="year"/>, ordered by date then name. Left out: anniversaries with no
    /// fixed date, and those whose origin is not before <paramref name="year"/> (no years to count).
    /// <para>A solar 29/02 falls on 28/02 in a common year (it stays in February, before the day itself would be).</para>
    /// <para>A lunar date is kept in the ordinary (not leap) month; day 30 of a 29-day month falls on day 29. A lunar
    /// date late in the year can fall in the solar year twice or not at all; every occurrence in the year is listed.</para>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the lunar calendar's range.</exception>
    public static IReadOnlyList<AnniversaryOccurrence> For(IEnumerable<Anniversary> anniversaries, int year, RoundYearRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(anniversaries);
        if (year <= LunarCalendar.MinYear || year >= LunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Chỉ tính được cho các năm {LunarCalendar.MinYear + 1}–{LunarCalendar.MaxYear - 1}. (Year outside the supported range.)");
        }

        rule ??= RoundYearRule.Default;
        var result = new List<AnniversaryOccurrence>();
        foreach (var a in anniversaries)
        {
            if (a.BaseDate is not { } b)
                continue;
            if (b.SolarDate is { } origin)
            {
                if (origin.Year >= year)
                    continue;
                int day = Math.Min(origin.Day, DateTime.DaysInMonth(year, origin.Month));
                var date = new DateOnly(year, origin.Month, day);
                int years = year - origin.Year;
                result.Add(new(a, date, years, rule.IsRound(years),
                    $"Kỷ niệm {years} năm {a.Name} ({Dmy(origin)} - {Dmy(date)})"));
                continue;
            }

            // Lunar: the occurrence of lunar year year-1 (month 11–12 may fall in January) and of lunar year year.
            for (int lunarYear = year - 1; lunarYear <= year; lunarYear++)
            {
                int day = Math.Min(b.Day, LunarCalendar.DaysInMonth(lunarYear, b.Month, isLeapMonth: false));
                var date = LunarCalendar.ToSolar(lunarYear, b.Month, day);
                if (date.Year != year)
                    continue;
                string lunarText = $"ngày {day:00}/{b.Month:00} âm lịch";
                if (b.OriginYear is { } originYear)
                {
                    int years = lunarYear - originYear;
                    if (years <= 0)
                        continue;
                    result.Add(new(a, date, years, rule.IsRound(years),
                        $"Kỷ niệm {years} năm {a.Name} ({lunarText}; {originYear} - {lunarYear}, tức {Dmy(date)})"));
                }
                else
                {
                    result.Add(new(a, date, null, false, $"{a.Name} ({lunarText}, tức {Dmy(date)})"));
                }
            }
        }

        return [.. result.OrderBy(o => o.Date).ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    private static string Dmy(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
