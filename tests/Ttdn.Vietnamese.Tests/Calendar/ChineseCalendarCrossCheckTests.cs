using System.Globalization;
using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Vietnamese.Tests.Calendar;

/// <summary>
/// The astronomical engine, run for China's UTC+8, must reproduce .NET's <see cref="ChineseLunisolarCalendar"/> (tabulated
/// from the official Chinese calendar) day for day over 1901–2100, except four months whose new moon falls within
/// minutes of midnight in Beijing. Run for UTC+7 it must differ from it: that is the whole point of a Vietnamese calendar.
/// </summary>
public class ChineseCalendarCrossCheckTests
{
    private static readonly ChineseLunisolarCalendar Chinese = new();

    [Fact]
    public void At_UTC_plus_8_the_engine_reproduces_the_Chinese_calendar()
    {
        var table = new LunisolarTable(8.0, 1901, 2100);
        var mismatchedMonths = new SortedSet<string>();
        for (var date = new DateOnly(1901, 2, 19); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var ours = table.FromJdn(LunarCalendar.ToJdn(date));
            var theirs = FromChinese(date);
            if (ours != theirs)
            {
                var firstOfMonth = ours.Day == 1 ? ours : theirs;
                mismatchedMonths.Add($"{firstOfMonth.Year}/{firstOfMonth.Month}");
            }
        }

        // New moons at 00:01–00:05 Beijing time in 1914, 1915 (month 12, Tết 1916) and 1920: historical Chinese tables,
        // computed before China adopted UTC+8 in 1929, start those months a day earlier. 2057-09-28: new moon
        // within seconds of midnight, beyond the precision of any published almanac formula.
        Assert.Equal(["1914/10", "1916/1", "1920/10", "2057/9"], mismatchedMonths);
    }

    [Fact]
    public void At_UTC_plus_7_Tet_differs_from_the_Chinese_new_year_only_in_these_years()
    {
        var differing = new List<int>();
        for (int year = 1902; year <= 2100; year++)
        {
            var chinese = DateOnly.FromDateTime(Chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            if (chinese != LunarCalendar.Tet(year))
            {
                differing.Add(year);
            }
        }

        Assert.Equal([1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053], differing);
    }

    private static LunarDate FromChinese(DateOnly date)
    {
        var time = date.ToDateTime(TimeOnly.MinValue);
        int year = Chinese.GetYear(time);
        int month = Chinese.GetMonth(time); // 1–13, counting the leap month in place
        int leap = Chinese.GetLeapMonth(year); // the position of the leap month, 0 if none
        bool isLeap = leap > 0 && month == leap;
        return new LunarDate(year, leap > 0 && month >= leap ? month - 1 : month, Chinese.GetDayOfMonth(time), isLeap);
    }
}
