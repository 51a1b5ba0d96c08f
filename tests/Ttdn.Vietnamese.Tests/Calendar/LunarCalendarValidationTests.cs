using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Vietnamese.Tests.Calendar;

public class LunarCalendarValidationTests
{
    [Fact]
    public void Day_30_of_a_29_day_month_does_not_exist()
    {
        Assert.Equal(29, LunarCalendar.DaysInMonth(2024, 12, false)); // Tết Ất Tỵ eve was the 29th
        var error = Assert.ThrowsAny<ArgumentException>(() => LunarCalendar.ToSolar(2024, 12, 30));
        Assert.Contains("29 ngày", error.Message);
        Assert.Contains("day 30 does not exist", error.Message);
        Assert.Equal(new DateOnly(2025, 1, 28), LunarCalendar.ToSolar(2024, 12, 29));
    }

    [Theory]
    [InlineData(2022, 1)]  // no leap month in 2022
    [InlineData(2023, 3)]  // 2023 doubles month 2, not 3
    [InlineData(2025, 5)]  // 2025 doubles month 6
    public void Leap_flag_on_a_month_that_is_not_doubled_is_rejected(int year, int month)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => LunarCalendar.ToSolar(year, month, 1, isLeapMonth: true));
        Assert.Contains("nhuận", error.Message);
        Assert.Throws<ArgumentException>(() => LunarCalendar.DaysInMonth(year, month, true));
    }

    [Fact]
    public void Leap_message_names_the_doubled_month()
    {
        var error = Assert.Throws<ArgumentException>(() => LunarCalendar.ToSolar(2023, 3, 1, isLeapMonth: true));
        Assert.Contains("chỉ có tháng 2 nhuận", error.Message);
    }

    [Theory]
    [InlineData(2022, 0, 1)]
    [InlineData(2022, 13, 1)]
    [InlineData(2022, -1, 1)]
    [InlineData(2022, 1, 0)]
    [InlineData(2022, 1, 31)]
    [InlineData(2022, 1, -5)]
    public void Month_and_day_out_of_range_are_rejected(int year, int month, int day)
    {
        Assert.ThrowsAny<ArgumentException>(() => LunarCalendar.ToSolar(year, month, day));
        Assert.ThrowsAny<ArgumentException>(() => LunarCalendar.ToSolar(new LunarDate(year, month, day, false)));
    }

    [Fact]
    public void Years_and_dates_outside_the_supported_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(LunarCalendar.MinYear - 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(LunarCalendar.MaxYear + 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.Tet(LunarCalendar.MaxYear + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.LeapMonth(LunarCalendar.MinYear - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(LunarCalendar.MinSolarDate.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(LunarCalendar.MaxSolarDate.AddDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(DateOnly.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(DateOnly.MaxValue));
    }

    [Fact]
    public void Supported_range_covers_1900_to_2100_with_margin()
    {
        Assert.Equal(LunarCalendar.Tet(LunarCalendar.MinYear), LunarCalendar.MinSolarDate);
        Assert.Equal(LunarCalendar.ToSolar(LunarCalendar.MaxYear, 12, LunarCalendar.DaysInMonth(LunarCalendar.MaxYear, 12, false)),
            LunarCalendar.MaxSolarDate);
        Assert.True(LunarCalendar.MinSolarDate < new DateOnly(1900, 1, 1));
        Assert.True(LunarCalendar.MaxSolarDate > new DateOnly(2101, 1, 1));
        Assert.Equal(new LunarDate(LunarCalendar.MinYear, 1, 1, false), LunarCalendar.FromSolar(LunarCalendar.MinSolarDate));
    }

    [Fact]
    public void Lunar_date_prints_in_Vietnamese_notation()
    {
        Assert.Equal("15/8/2022 âm lịch", new LunarDate(2022, 8, 15, false).ToString());
        Assert.Equal("1/2 nhuận/2023 âm lịch", new LunarDate(2023, 2, 1, true).ToString());
    }
}
