using Ttdn.Vietnamese.Calendar;

namespace Ttdn.Vietnamese.Tests.Calendar;

public class CanChiTests
{
    [Theory]
    [InlineData(1900, "Canh Tý")]
    [InlineData(1930, "Canh Ngọ")]
    [InlineData(1945, "Ất Dậu")]
    [InlineData(1954, "Giáp Ngọ")]
    [InlineData(1968, "Mậu Thân")]
    [InlineData(1975, "Ất Mão")]
    [InlineData(1984, "Giáp Tý")]
    [InlineData(2000, "Canh Thìn")]
    [InlineData(2007, "Đinh Hợi")]
    [InlineData(2011, "Tân Mão")]
    [InlineData(2020, "Canh Tý")]
    [InlineData(2021, "Tân Sửu")]
    [InlineData(2022, "Nhâm Dần")]
    [InlineData(2023, "Quý Mão")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(2043, "Quý Hợi")]
    [InlineData(2100, "Canh Thân")]
    public void Year_names(int lunarYear, string expected)
    {
        Assert.Equal(expected, CanChi.OfYear(lunarYear));
    }

    [Fact]
    public void Years_repeat_every_60_and_never_within_60()
    {
        var names = Enumerable.Range(1984, 60).Select(CanChi.OfYear).ToList();
        Assert.Equal(60, names.Distinct().Count());
        for (int year = 1800; year < 2200; year++)
        {
            Assert.Equal(CanChi.OfYear(year), CanChi.OfYear(year + 60));
        }
    }

    [Theory]
    [InlineData(2022, 1, "Nhâm Dần")]  // years Đinh/Nhâm start with Nhâm Dần
    [InlineData(2022, 12, "Quý Sửu")]
    [InlineData(2024, 1, "Bính Dần")]  // years Giáp/Kỷ start with Bính Dần
    [InlineData(2023, 1, "Giáp Dần")]  // years Mậu/Quý start with Giáp Dần
    [InlineData(2023, 11, "Giáp Tý")]
    [InlineData(2025, 1, "Mậu Dần")]   // years Ất/Canh start with Mậu Dần
    [InlineData(2026, 1, "Canh Dần")]  // years Bính/Tân start with Canh Dần
    [InlineData(2025, 6, "Quý Mùi")]
    public void Month_names(int year, int month, string expected)
    {
        Assert.Equal(expected, CanChi.OfMonth(new LunarDate(year, month, 1, false)));
    }

    [Fact]
    public void Leap_month_has_the_name_of_the_month_it_repeats()
    {
        Assert.Equal(CanChi.OfMonth(new LunarDate(2025, 6, 10, false)), CanChi.OfMonth(new LunarDate(2025, 6, 10, true)));
        Assert.Equal("Ất Mão", CanChi.OfMonth(new LunarDate(2023, 2, 1, true)));
    }

    [Fact]
    public void Month_names_run_on_without_a_break_across_years()
    {
        // Twelve consecutive ordinary months advance the stem by 12 (≡ 2 mod 10) and the branch by 12 (≡ 0 mod 12):
        // tháng Chạp of one year is followed by tháng Giêng of the next with the next pair of the cycle.
        for (int year = 1990; year <= 2030; year++)
        {
            string december = CanChi.OfMonth(new LunarDate(year, 12, 1, false));
            string january = CanChi.OfMonth(new LunarDate(year + 1, 1, 1, false));
            int stem = CanChi.Stems.ToList().IndexOf(december.Split(' ')[0]);
            Assert.StartsWith(CanChi.Stems[(stem + 1) % 10] + " Dần", january);
            Assert.EndsWith("Sửu", december);
        }
    }

    [Theory]
    [InlineData("1949-10-01", "Giáp Tý")]   // founding of the People's Republic of China: a Giáp Tý (甲子) day
    [InlineData("2000-01-01", "Mậu Ngọ")]
    [InlineData("2022-02-01", "Ất Dậu")]    // Tết Nhâm Dần
    [InlineData("2022-02-02", "Bính Tuất")]
    public void Day_names(string solar, string expected)
    {
        Assert.Equal(expected, CanChi.OfDay(DateOnly.Parse(solar)));
    }

    [Fact]
    public void Day_names_follow_the_sixty_day_cycle_without_a_break()
    {
        var start = new DateOnly(1949, 10, 1); // Giáp Tý
        for (int i = -30_000; i <= 60_000; i += 7)
        {
            var day = start.AddDays(i);
            int position = ((i % 60) + 60) % 60;
            Assert.Equal($"{CanChi.Stems[position % 10]} {CanChi.Branches[position % 12]}", CanChi.OfDay(day));
        }

        Assert.Equal("Giáp Tý", CanChi.OfDay(start.AddDays(60 * 1000)));
        Assert.Equal("Quý Hợi", CanChi.OfDay(start.AddDays(-1)));
    }

    [Fact]
    public void Vietnamese_uses_Mao_the_cat()
    {
        Assert.Equal("Mão", CanChi.Branches[3]);
        Assert.DoesNotContain("Mẹo", CanChi.Branches);
        Assert.Equal(["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"], CanChi.Stems);
        Assert.Equal(["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"], CanChi.Branches);
    }

    [Fact]
    public void Month_out_of_range_is_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => CanChi.OfMonth(new LunarDate(2022, 13, 1, false)));
        Assert.ThrowsAny<ArgumentException>(() => CanChi.OfMonth(new LunarDate(2022, 0, 1, false)));
    }
}
