using System.Diagnostics;
using Ttdn.Vietnamese.Calendar;
using Xunit.Abstractions;

namespace Ttdn.Vietnamese.Tests.Calendar;

public class LunarCalendarRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_day_from_1900_to_2100_converts_to_lunar_and_back()
    {
        LunarCalendar.Tet(2000); // build the table outside the timing
        var first = new DateOnly(1900, 1, 31);
        var last = new DateOnly(2100, 12, 31);
        var watch = Stopwatch.StartNew();

        var previous = LunarCalendar.FromSolar(first.AddDays(-1));
        int days = 0;
        for (var date = first; date <= last; date = date.AddDays(1), days++)
        {
            var lunar = LunarCalendar.FromSolar(date);
            Assert.Equal(date, LunarCalendar.ToSolar(lunar));

            // Consecutive days: either the next day of the same month, or day 1 of the next month.
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                Assert.Equal(LunarCalendar.DaysInMonth(previous.Year, previous.Month, previous.IsLeapMonth), previous.Day);
                bool sameNumber = lunar.IsLeapMonth && lunar.Month == previous.Month && lunar.Year == previous.Year;
                bool nextNumber = !lunar.IsLeapMonth && lunar.Month == previous.Month % 12 + 1
                                  && lunar.Year == previous.Year + (lunar.Month == 1 ? 1 : 0);
                Assert.True(sameNumber || nextNumber, $"{previous} is followed by {lunar} on {date:dd/MM/yyyy}");
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }

        watch.Stop();
        output.WriteLine($"{days} days solar → lunar → solar in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(last.DayNumber - first.DayNumber + 1, days); // 73,384 days
    }

    [Fact]
    public void Every_lunar_day_of_2000_to_2030_converts_to_solar_and_back()
    {
        LunarCalendar.Tet(2000);
        var watch = Stopwatch.StartNew();
        int days = 0, leapMonths = 0;
        DateOnly? previousSolar = null;
        for (int year = 2000; year <= 2030; year++)
        {
            int? leap = LunarCalendar.LeapMonth(year);
            for (int month = 1; month <= 12; month++)
            {
                foreach (bool isLeap in month == leap ? new[] { false, true } : new[] { false })
                {
                    leapMonths += isLeap ? 1 : 0;
                    int length = LunarCalendar.DaysInMonth(year, month, isLeap);
                    for (int day = 1; day <= length; day++, days++)
                    {
                        var lunar = new LunarDate(year, month, day, isLeap);
                        var solar = LunarCalendar.ToSolar(lunar);
                        Assert.Equal(lunar, LunarCalendar.FromSolar(solar));
                        if (previousSolar is DateOnly p)
                        {
                            Assert.Equal(p.AddDays(1), solar); // lunar days are contiguous, in order, without gaps
                        }

                        previousSolar = solar;
                    }

                    Assert.ThrowsAny<ArgumentException>(() => LunarCalendar.ToSolar(year, month, length + 1, isLeap));
                }
            }
        }

        watch.Stop();
        output.WriteLine($"{days} lunar days (with {leapMonths} leap months) lunar → solar → lunar in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(LunarCalendar.Tet(2031).DayNumber - LunarCalendar.Tet(2000).DayNumber, days);
        Assert.Equal(11, leapMonths); // 2001, 2004, 2006, 2009, 2012, 2014, 2017, 2020, 2023, 2025, 2028
    }

    [Fact]
    public void Conversions_are_thread_safe()
    {
        var expected = Enumerable.Range(0, 2000).Select(i => new DateOnly(2000, 1, 1).AddDays(i * 17)).ToArray();
        var results = new LunarDate[expected.Length];
        Parallel.For(0, expected.Length, i => results[i] = LunarCalendar.FromSolar(expected[i]));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], LunarCalendar.ToSolar(results[i]));
        }
    }
}
