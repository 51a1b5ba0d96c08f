using Ttdn.Plans;

namespace Ttdn.Tests.Plans;

/// <summary>The periods a duty must be done in, from its deadline and the plan period.</summary>
public sealed class OccurrencesTests
{
    private static readonly DateOnly Y2022Start = new(2022, 1, 1);
    private static readonly DateOnly Y2022End = new(2022, 12, 31);

    private static IReadOnlyList<Occurrence> Of(string phrase, DateOnly start, DateOnly end)
        => Occurrences.For(DeadlinePhrase.Parse(phrase, start, end), start, end);

    [Fact]
    public void Monthly_gives_twelve_occurrences_in_2022_each_due_at_month_end()
    {
        var list = Of("hằng tháng", Y2022Start, Y2022End);
        Assert.Equal(12, list.Count);
        for (int m = 1; m <= 12; m++)
        {
            var o = list[m - 1];
            Assert.Equal(m - 1, o.Index);
            Assert.Equal(new DateOnly(2022, m, 1), o.Start);
            Assert.Equal(new DateOnly(2022, m, DateTime.DaysInMonth(2022, m)), o.End);
            Assert.Equal(o.End, o.Due);
        }
    }

    [Fact]
    public void Quarterly_gives_four_occurrences_due_at_quarter_ends()
    {
        var list = Of("hằng quý", Y2022Start, Y2022End);
        Assert.Equal(
            [new DateOnly(2022, 3, 31), new DateOnly(2022, 6, 30), new DateOnly(2022, 9, 30), new DateOnly(2022, 12, 31)],
            list.Select(o => o.Due).ToArray());
        Assert.Equal(
            [new DateOnly(2022, 1, 1), new DateOnly(2022, 4, 1), new DateOnly(2022, 7, 1), new DateOnly(2022, 10, 1)],
            list.Select(o => o.Start).ToArray());
    }

    [Fact]
    public void Periodic_without_a_frequency_is_laid_out_quarterly()
    {
        var list = Of("định kỳ", Y2022Start, Y2022End);
        Assert.Equal(4, list.Count);
        Assert.Equal(new DateOnly(2022, 3, 31), list[0].Due);
    }

    [Fact]
    public void Half_yearly_and_yearly()
    {
        var halves = Of("6 tháng một lần", Y2022Start, Y2022End);
        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2022, 12, 31)], halves.Select(o => o.Due).ToArray());
        Assert.Equal(new DateOnly(2022, 7, 1), halves[1].Start);

        var years = Of("hằng năm", new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Equal(5, years.Count);
        Assert.Equal(new DateOnly(2025, 12, 31), years[^1].Due);
        Assert.Equal(new DateOnly(2025, 1, 1), years[^1].Start);
    }

    [Fact]
    public void Monthly_in_a_leap_year_ends_february_on_the_29th()
    {
        var list = Of("hằng tháng", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal(new DateOnly(2024, 2, 29), list[1].End);
        Assert.Equal(new DateOnly(2024, 2, 29), list[1].Due);
    }

    [Fact]
    public void A_due_day_each_month_falls_on_that_day_and_is_clamped_to_short_months()
    {
        var y2024 = (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var on25 = Of("ngày 25 hằng tháng", y2024.Item1, y2024.Item2);
        Assert.Equal(new DateOnly(2024, 2, 25), on25[1].Due);
        Assert.Equal(new DateOnly(2024, 2, 29), on25[1].End);
        Assert.All(on25, o => Assert.Equal(25, o.Due.Day));

        var on31 = Of("ngày 31 hằng tháng", y2024.Item1, y2024.Item2);
        Assert.Equal(new DateOnly(2024, 2, 29), on31[1].Due);
        Assert.Equal(new DateOnly(2024, 4, 30), on31[3].Due);
        Assert.Equal(new DateOnly(2023, 2, 28), Of("ngày 31 hằng tháng", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31))[1].Due);
    }

    [Fact]
    public void A_quarterly_due_day_falls_in_the_quarters_last_month()
    {
        var list = Of("hằng quý, trước ngày 20 của tháng cuối quý", Y2022Start, Y2022End);
        Assert.Equal(
            [new DateOnly(2022, 3, 20), new DateOnly(2022, 6, 20), new DateOnly(2022, 9, 20), new DateOnly(2022, 12, 20)],
            list.Select(o => o.Due).ToArray());
    }

    [Fact]
    public void A_period_starting_mid_year_clips_occurrences_to_the_award_year()
    {
        var start = new DateOnly(2022, 7, 1);
        var end = new DateOnly(2023, 6, 30);
        var monthly = Of("hằng tháng", start, end);
        Assert.Equal(12, monthly.Count);
        Assert.Equal((new DateOnly(2022, 7, 1), new DateOnly(2022, 7, 31)), (monthly[0].Start, monthly[0].Due));
        Assert.Equal((new DateOnly(2022, 12, 1), new DateOnly(2022, 12, 31)), (monthly[5].Start, monthly[5].Due));
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31)), (monthly[6].Start, monthly[6].Due));
        Assert.Equal(new DateOnly(2023, 2, 28), monthly[7].Due);
        Assert.Equal((new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)), (monthly[11].Start, monthly[11].End));

        var quarterly = Of("hằng quý", start, end);
        Assert.Equal(
            [new DateOnly(2022, 9, 30), new DateOnly(2022, 12, 31), new DateOnly(2023, 3, 31), new DateOnly(2023, 6, 30)],
            quarterly.Select(o => o.Due).ToArray());

        var yearly = Of("hằng năm", start, end);
        Assert.Equal(2, yearly.Count);
        Assert.Equal((start, new DateOnly(2022, 12, 31)), (yearly[0].Start, yearly[0].End));
        Assert.Equal((new DateOnly(2023, 1, 1), end), (yearly[1].Start, yearly[1].End));
    }

    [Fact]
    public void A_period_starting_mid_month_clips_the_first_and_last_months()
    {
        var start = new DateOnly(2022, 3, 15);
        var end = new DateOnly(2022, 6, 14);
        var list = Of("hằng tháng", start, end);
        Assert.Equal(4, list.Count);
        Assert.Equal((start, new DateOnly(2022, 3, 31)), (list[0].Start, list[0].End));
        Assert.Equal((new DateOnly(2022, 6, 1), end, end), (list[3].Start, list[3].End, list[3].Due));

        // A due day outside a clipped occurrence is pulled into it: 05/03 → 15/03 (first day), 20/06 → 14/06 (last day).
        var due5 = Of("ngày 5 hằng tháng", start, end);
        Assert.Equal(start, due5[0].Due);
        Assert.Equal(new DateOnly(2022, 4, 5), due5[1].Due);
        Assert.Equal(end, Of("ngày 20 hằng tháng", start, end)[3].Due);
    }

    [Fact]
    public void A_yearly_fixed_date_falls_on_that_date_each_year()
    {
        var list = Of("trước ngày 15/7 hằng năm", new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        Assert.Equal(5, list.Count);
        Assert.All(list, o => Assert.Equal((7, 15), (o.Due.Month, o.Due.Day)));

        // In the award year the second (clipped) year ends 30/06/2023, before 15/07: due on its last day.
        var award = Of("trước ngày 15/7 hằng năm", new DateOnly(2022, 7, 1), new DateOnly(2023, 6, 30));
        Assert.Equal([new DateOnly(2022, 7, 15), new DateOnly(2023, 6, 30)], award.Select(o => o.Due).ToArray());
    }

    [Fact]
    public void A_yearly_due_day_without_month_falls_in_december()
    {
        var d = new Deadline("hằng năm", DeadlineKind.Recurring, Y2022Start, Y2022End, Recurrence.Yearly, DueDay: 15);
        Assert.Equal(new DateOnly(2022, 12, 15), Occurrences.For(d, Y2022Start, Y2022End).Single().Due);
    }

    [Theory]
    [InlineData("trước ngày 31/12/2022", "2022-01-01", "2022-12-31")]
    [InlineData("Trước 30/6", "2022-01-01", "2022-06-30")]
    [InlineData("Quý II", "2022-04-01", "2022-06-30")]
    [InlineData("ngày 15/3/2022", "2022-03-15", "2022-03-15")]
    [InlineData("thường xuyên", "2022-01-01", "2022-12-31")]
    [InlineData("cả năm", "2022-01-01", "2022-12-31")]
    [InlineData("đột xuất", "2022-01-01", "2022-12-31")]
    [InlineData("khi có yêu cầu", "2022-01-01", "2022-12-31")]
    public void A_non_recurring_deadline_has_one_occurrence_due_at_its_end(string phrase, string start, string due)
    {
        var o = Assert.Single(Of(phrase, Y2022Start, Y2022End));
        Assert.Equal(0, o.Index);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), o.Start);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), o.End);
        Assert.Equal(o.End, o.Due);
    }

    [Fact]
    public void No_deadline_is_one_occurrence_over_the_period()
    {
        var o = Assert.Single(Occurrences.For(Deadline.None, Y2022Start, Y2022End));
        Assert.Equal(new Occurrence(0, Y2022Start, Y2022End, Y2022End), o);
    }

    [Fact]
    public void Current_at_quarter_boundaries()
    {
        var list = Of("hằng quý", Y2022Start, Y2022End);
        Assert.Equal(0, Occurrences.Current(list, new DateOnly(2022, 3, 31)).Index);
        Assert.Equal(1, Occurrences.Current(list, new DateOnly(2022, 4, 1)).Index);
        Assert.Equal(3, Occurrences.Current(list, new DateOnly(2022, 12, 31)).Index);
    }

    [Fact]
    public void Current_before_the_period_is_the_first_and_after_it_the_last()
    {
        var list = Of("hằng quý", Y2022Start, Y2022End);
        Assert.Equal(0, Occurrences.Current(list, new DateOnly(2021, 12, 31)).Index);
        Assert.Equal(3, Occurrences.Current(list, new DateOnly(2023, 1, 1)).Index);
    }

    [Fact]
    public void Current_in_a_gap_is_the_next_occurrence()
    {
        Occurrence[] list =
        [
            new(0, new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 31), new DateOnly(2022, 1, 31)),
            new(1, new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), new DateOnly(2022, 3, 31)),
        ];
        Assert.Equal(1, Occurrences.Current(list, new DateOnly(2022, 2, 14)).Index);
    }

    [Fact]
    public void Current_of_nothing_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Occurrences.Current([], new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public void A_reversed_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Occurrences.For(Deadline.None, Y2022End, Y2022Start));
    }
}
