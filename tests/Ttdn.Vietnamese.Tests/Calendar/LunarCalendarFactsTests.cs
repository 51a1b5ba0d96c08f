using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Vietnamese.Tests.Calendar;

/// <summary>Published facts of the Vietnamese calendar (Vietnamese almanacs, the Vietnam Space Center, Hồ Ngọc Đức's tables).</summary>
public class LunarCalendarFactsTests
{
    [Theory]
    [InlineData(1900, "1900-01-31")]
    [InlineData(1930, "1930-01-30")]
    [InlineData(1945, "1945-02-13")]
    [InlineData(1954, "1954-02-03")]
    [InlineData(1975, "1975-02-11")]
    [InlineData(1976, "1976-01-31")]
    [InlineData(1979, "1979-01-28")]
    [InlineData(1986, "1986-02-09")]
    [InlineData(1988, "1988-02-17")]
    [InlineData(1989, "1989-02-06")]
    [InlineData(1990, "1990-01-27")]
    [InlineData(1991, "1991-02-15")]
    [InlineData(1992, "1992-02-04")]
    [InlineData(1993, "1993-01-23")]
    [InlineData(1994, "1994-02-10")]
    [InlineData(1995, "1995-01-31")]
    [InlineData(1996, "1996-02-19")]
    [InlineData(1997, "1997-02-07")]
    [InlineData(1998, "1998-01-28")]
    [InlineData(1999, "1999-02-16")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2001, "2001-01-24")]
    [InlineData(2002, "2002-02-12")]
    [InlineData(2003, "2003-02-01")]
    [InlineData(2004, "2004-01-22")]
    [InlineData(2005, "2005-02-09")]
    [InlineData(2006, "2006-01-29")]
    [InlineData(2008, "2008-02-07")]
    [InlineData(2009, "2009-01-26")]
    [InlineData(2010, "2010-02-14")]
    [InlineData(2011, "2011-02-03")]
    [InlineData(2012, "2012-01-23")]
    [InlineData(2013, "2013-02-10")]
    [InlineData(2014, "2014-01-31")]
    [InlineData(2015, "2015-02-19")]
    [InlineData(2016, "2016-02-08")]
    [InlineData(2017, "2017-01-28")]
    [InlineData(2018, "2018-02-16")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2031, "2031-01-23")]
    public void Tet_falls_on_the_published_solar_date(int lunarYear, string solar)
    {
        var expected = DateOnly.Parse(solar);
        Assert.Equal(expected, LunarCalendar.Tet(lunarYear));
        Assert.Equal(new LunarDate(lunarYear, 1, 1, false), LunarCalendar.FromSolar(expected));
        Assert.Equal(new LunarDate(lunarYear - 1, 12, LunarCalendar.DaysInMonth(lunarYear - 1, 12, false), false),
            LunarCalendar.FromSolar(expected.AddDays(-1)));
    }

    /// <summary>
    /// The years where Vietnam's Tết (UTC+7) is not China's (UTC+8): the famous Tết Mậu Thân 1968, 1985 (a whole month
    /// earlier in Vietnam), 2007, and 2030 and 2053 (Vietnam one day earlier, the "23-year cycle").
    /// </summary>
    [Theory]
    [InlineData(1968, "1968-01-29", "1968-01-30")]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    [InlineData(2053, "2053-02-18", "2053-02-19")]
    public void Tet_in_Vietnam_differs_from_the_Chinese_new_year(int lunarYear, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam), LunarCalendar.Tet(lunarYear));
        Assert.NotEqual(DateOnly.Parse(china), LunarCalendar.Tet(lunarYear));
    }

    [Fact]
    public void In_1984_the_winter_solstice_falls_before_the_new_moon_of_22_December_in_Vietnam()
    {
        // Hồ Ngọc Đức: 1984 is not a leap year in Vietnam (China doubles month 10) because at UTC+7 the solstice of
        // 21/12/1984 (about 23:22) falls in the month starting 23/11/1984, which is therefore month 11.
        Assert.Null(LunarCalendar.LeapMonth(1984));
        Assert.Equal(new LunarDate(1984, 11, 1, false), LunarCalendar.FromSolar(new DateOnly(1984, 11, 23)));
        Assert.Equal(new LunarDate(1984, 12, 1, false), LunarCalendar.FromSolar(new DateOnly(1984, 12, 22)));
    }

    [Theory]
    [InlineData(1990, 5)]
    [InlineData(1993, 3)]
    [InlineData(1995, 8)]
    [InlineData(1998, 5)]
    [InlineData(2001, 4)]
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    public void Leap_month_is_the_published_one(int lunarYear, int leapMonth)
    {
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(lunarYear));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Common_years_have_no_leap_month(int lunarYear)
    {
        Assert.Null(LunarCalendar.LeapMonth(lunarYear));
    }

    [Theory]
    [InlineData(2017, 6, "2017-07-23")]
    [InlineData(2020, 4, "2020-05-23")]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    public void Leap_month_starts_on_the_published_day(int lunarYear, int month, string solar)
    {
        Assert.Equal(DateOnly.Parse(solar), LunarCalendar.ToSolar(lunarYear, month, 1, isLeapMonth: true));
        Assert.Equal(new LunarDate(lunarYear, month, 1, true), LunarCalendar.FromSolar(DateOnly.Parse(solar)));
        // The day before is the last day of the ordinary month with the same number.
        var before = LunarCalendar.FromSolar(DateOnly.Parse(solar).AddDays(-1));
        Assert.Equal((lunarYear, month, false), (before.Year, before.Month, before.IsLeapMonth));
    }

    [Theory]
    [InlineData(2022, 1, 15, "2022-02-15")] // Rằm tháng Giêng
    [InlineData(2022, 3, 10, "2022-04-10")] // Giỗ Tổ Hùng Vương
    [InlineData(2023, 3, 10, "2023-04-29")]
    [InlineData(2024, 3, 10, "2024-04-18")]
    [InlineData(2025, 3, 10, "2025-04-07")]
    [InlineData(2024, 5, 5, "2024-06-10")]   // Tết Đoan Ngọ
    [InlineData(2024, 7, 15, "2024-08-18")]  // Lễ Vu Lan
    [InlineData(2022, 8, 15, "2022-09-10")]  // Tết Trung thu
    [InlineData(2023, 8, 15, "2023-09-29")]
    [InlineData(2024, 8, 15, "2024-09-17")]
    [InlineData(2025, 8, 15, "2025-10-06")]
    [InlineData(2024, 12, 23, "2025-01-22")] // Ông Công Ông Táo, year Giáp Thìn
    public void Lunar_festivals_fall_on_the_published_solar_dates(int year, int month, int day, string solar)
    {
        var expected = DateOnly.Parse(solar);
        Assert.Equal(expected, LunarCalendar.ToSolar(year, month, day));
        Assert.Equal(new LunarDate(year, month, day, false), LunarCalendar.FromSolar(expected));
    }

    [Fact]
    public void Tet_eve_is_the_30th_in_2024_then_the_29th_until_2033()
    {
        // Vietnam Space Center (Phạm Vũ Lộc, 2024): after Tết Giáp Thìn, whose eve was 30 tháng Chạp, New Year's Eve falls
        // on the 29th from 2025 to 2032 and on the 30th again in 2033.
        Assert.Equal(30, LunarCalendar.DaysInMonth(2023, 12, false));
        for (int year = 2024; year <= 2031; year++)
        {
            Assert.Equal(29, LunarCalendar.DaysInMonth(year, 12, false));
        }

        Assert.Equal(30, LunarCalendar.DaysInMonth(2032, 12, false));
    }

    [Fact]
    public void Tet_always_falls_between_21_January_and_20_February()
    {
        for (int year = 1900; year <= 2100; year++)
        {
            var tet = LunarCalendar.Tet(year);
            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        }
    }

    [Fact]
    public void Every_year_has_12_or_13_months_of_29_or_30_days_and_the_winter_solstice_in_month_11()
    {
        for (int year = 1900; year <= 2100; year++)
        {
            int? leap = LunarCalendar.LeapMonth(year);
            int days = 0;
            for (int month = 1; month <= 12; month++)
            {
                days += LunarCalendar.DaysInMonth(year, month, false);
                Assert.InRange(LunarCalendar.DaysInMonth(year, month, false), 29, 30);
                if (leap == month)
                {
                    days += LunarCalendar.DaysInMonth(year, month, true);
                    Assert.InRange(LunarCalendar.DaysInMonth(year, month, true), 29, 30);
                }
            }

            Assert.Equal(LunarCalendar.Tet(year + 1).DayNumber - LunarCalendar.Tet(year).DayNumber, days);
            Assert.InRange(days, leap is null ? 353 : 383, leap is null ? 355 : 385);

            // The December solstice (20–23 December) is always in month 11, never in a leap month 11.
            var solsticeWindow = new[] { 20, 21, 22, 23 }.Select(d => LunarCalendar.FromSolar(new DateOnly(year, 12, d)));
            Assert.Contains(solsticeWindow, d => d.Month == 11 && !d.IsLeapMonth);
        }
    }
}
