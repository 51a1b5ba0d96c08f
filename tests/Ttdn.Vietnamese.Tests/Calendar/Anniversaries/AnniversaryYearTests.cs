using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Vietnamese.Tests.Calendar.Anniversaries;

public class AnniversaryYearTests
{
    private static IReadOnlyList<AnniversaryOccurrence> ThaiNguyen2022 =>
        AnniversaryYear.For(AnniversaryRegister.ForProvince("Thái Nguyên"), 2022, RoundYearRule.Default);

    private static AnniversaryOccurrence Find(IEnumerable<AnniversaryOccurrence> list, string nameContains) =>
        Assert.Single(list, o => o.Name.Contains(nameContains, StringComparison.Ordinal));

    [Theory]
    [InlineData("Ngày thành lập Đảng Cộng sản Việt Nam", 92, "2022-02-03")]
    [InlineData("Ngày giải phóng miền Nam", 47, "2022-04-30")]
    [InlineData("Ngày chiến thắng Điện Biên Phủ", 68, "2022-05-07")]
    [InlineData("Ngày sinh Chủ tịch Hồ Chí Minh", 132, "2022-05-19")]
    [InlineData("ATK Định Hóa", 75, "2022-05-20")]
    [InlineData("Bác Hồ ra đi tìm đường cứu nước", 111, "2022-06-05")]
    [InlineData("Ngày Thương binh - Liệt sĩ", 75, "2022-07-27")]
    [InlineData("Việt Nam - Hàn Quốc", 30, "2022-12-22")]
    [InlineData("Việt Nam - Lào", 60, "2022-09-05")]
    public void The_2022_list_reproduces_the_seed_plans_numbers(string name, int years, string date)
    {
        var o = Find(ThaiNguyen2022, name);
        Assert.Equal(years, o.Years);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), o.Date);
    }

    [Fact]
    public void Texts_follow_the_plans_own_form()
    {
        Assert.Equal("Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)",
            Find(ThaiNguyen2022, "Đảng Cộng sản").Text);
        Assert.Equal("Kỷ niệm 30 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc (22/12/1992 - 22/12/2022)",
            Find(ThaiNguyen2022, "Hàn Quốc").Text);
        Assert.Equal("Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa cùng Trung ương Đảng, Chính phủ lãnh đạo cuộc kháng chiến chống thực dân Pháp (20/05/1947 - 20/05/2022)",
            Find(ThaiNguyen2022, "ATK Định Hóa").Text);
    }

    [Fact]
    public void Every_register_entry_names_its_source_and_festivals_without_a_date_say_so()
    {
        Assert.All(AnniversaryRegister.All, a => Assert.False(string.IsNullOrWhiteSpace(a.SourceNote)));
        var longTong = Assert.Single(AnniversaryRegister.ThaiNguyenProvince, a => a.Name.StartsWith("Lễ hội Lồng Tồng", StringComparison.Ordinal));
        Assert.Null(longTong.BaseDate);
        Assert.Contains(Anniversary.DateAnnouncedLocally, longTong.SourceNote, StringComparison.Ordinal);
        Assert.DoesNotContain(ThaiNguyen2022, o => o.Name.StartsWith("Lễ hội", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_dated_entry_cites_a_source_stating_its_year_or_says_it_is_unchecked()
    {
        // A source note that quotes the checked source carries the original year; an unchecked one must say so.
        foreach (var a in AnniversaryRegister.All.Where(a => a.BaseDate?.OriginYear is not null))
        {
            var year = a.BaseDate!.OriginYear!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(a.SourceNote.Contains(year, StringComparison.Ordinal) || a.SourceNote.Contains("241/KH-UBND", StringComparison.Ordinal)
                || a.SourceNote.Contains("chưa đối chiếu nguồn", StringComparison.Ordinal), $"{a.Name}: {a.SourceNote}");
        }
        Assert.All(AnniversaryRegister.Diplomatic, a => Assert.Contains(a.BaseDate!.OriginYear!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), a.SourceNote, StringComparison.Ordinal));
    }

    [Fact]
    public void Province_days_come_only_with_their_province_matched_without_diacritics()
    {
        var national = AnniversaryRegister.ForProvince(null);
        Assert.All(national, a => Assert.Null(a.Scope));
        Assert.Equal(AnniversaryRegister.National.Count + AnniversaryRegister.Diplomatic.Count, national.Count);
        Assert.Contains(AnniversaryRegister.ForProvince("thai nguyen"), a => a.Scope == AnniversaryRegister.ThaiNguyen);
        Assert.Contains(AnniversaryRegister.ForProvince("Tỉnh THÁI NGUYÊN"), a => a.Scope == AnniversaryRegister.ThaiNguyen);
        Assert.DoesNotContain(AnniversaryRegister.ForProvince("Bắc Kạn"), a => a.Scope is not null);
    }

    [Fact]
    public void Round_years_with_the_default_rule_are_multiples_of_5_and_10()
    {
        Assert.True(Find(ThaiNguyen2022, "Hàn Quốc").IsRound);          // 30
        Assert.True(Find(ThaiNguyen2022, "Việt Nam - Lào").IsRound);    // 60
        Assert.True(Find(ThaiNguyen2022, "ATK Định Hóa").IsRound);      // 75
        Assert.True(Find(ThaiNguyen2022, "Thương binh").IsRound);       // 75
        Assert.False(Find(ThaiNguyen2022, "Đảng Cộng sản").IsRound);    // 92
        Assert.False(Find(ThaiNguyen2022, "Điện Biên Phủ").IsRound);    // 68
        Assert.False(Find(ThaiNguyen2022, "Bác Hồ ra đi").IsRound);     // 111
        Assert.Equal([5, 10], RoundYearRule.Default.Multiples);
    }

    [Fact]
    public void Round_years_follow_a_custom_rule()
    {
        var tens = AnniversaryYear.For(AnniversaryRegister.ForProvince("Thái Nguyên"), 2022, new RoundYearRule(10));
        Assert.True(Find(tens, "Hàn Quốc").IsRound);        // 30
        Assert.False(Find(tens, "ATK Định Hóa").IsRound);   // 75: not with tens only
        var quarters = new RoundYearRule(25, 10);
        Assert.True(quarters.IsRound(75));
        Assert.True(quarters.IsRound(30));
        Assert.False(quarters.IsRound(5));
        Assert.False(quarters.IsRound(0));
        Assert.Throws<ArgumentException>(() => new RoundYearRule());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundYearRule(0));
    }

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    public void A_lunar_festival_falls_on_its_solar_date_of_each_year(int year, string expected)
    {
        var list = AnniversaryYear.For(AnniversaryRegister.National, year);
        var gioTo = Find(list, "Giỗ Tổ Hùng Vương");
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), gioTo.Date);
        Assert.Null(gioTo.Years);
        Assert.False(gioTo.IsRound);
        Assert.Equal($"Giỗ Tổ Hùng Vương (ngày 10/03 âm lịch, tức {gioTo.Date:dd/MM/yyyy})", gioTo.Text);
    }

    [Fact]
    public void Tet_falls_on_the_vietnamese_new_year()
    {
        Assert.Equal(new DateOnly(2022, 2, 1), Find(AnniversaryYear.For(AnniversaryRegister.National, 2022), "Tết Nguyên Đán").Date);
        Assert.Equal(new DateOnly(2023, 1, 22), Find(AnniversaryYear.For(AnniversaryRegister.National, 2023), "Tết Nguyên Đán").Date);
    }

    [Fact]
    public void A_lunar_anniversary_with_a_known_origin_counts_years()
    {
        var festival = Anniversary.Lunar("Lễ hội Thử nghiệm", 3, 10, AnniversaryKind.Festival, "test", originYear: 2002);
        var o = Assert.Single(AnniversaryYear.For([festival], 2022));
        Assert.Equal(20, o.Years);
        Assert.True(o.IsRound);
        Assert.Equal(new DateOnly(2022, 4, 10), o.Date);
        Assert.Equal("Kỷ niệm 20 năm Lễ hội Thử nghiệm (ngày 10/03 âm lịch; 2002 - 2022, tức 10/04/2022)", o.Text);
    }

    [Fact]
    public void A_lunar_day_30_falls_on_day_29_in_a_short_month()
    {
        // Lunar month 2 of 2022 has 29 days.
        var day30 = Anniversary.Lunar("Ngày thử", 2, 30, AnniversaryKind.Festival, "test");
        var o = Assert.Single(AnniversaryYear.For([day30], 2022));
        Assert.Equal(Vietnamese.Calendar.LunarCalendar.ToSolar(2022, 2, 29), o.Date);
    }

    /// <summary>Chosen rule: a 29/02 origin is commemorated on 28/02 in a common year (it stays in February).</summary>
    [Fact]
    public void A_29_February_origin_falls_on_28_February_in_a_common_year()
    {
        var brunei = Find(AnniversaryYear.For(AnniversaryRegister.Diplomatic, 2023), "Brunei");
        Assert.Equal(new DateOnly(2023, 2, 28), brunei.Date);
        Assert.Equal(31, brunei.Years);
        Assert.Equal("Kỷ niệm 31 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Brunei (29/02/1992 - 28/02/2023)", brunei.Text);

        var leapYear = Find(AnniversaryYear.For(AnniversaryRegister.Diplomatic, 2024), "Brunei");
        Assert.Equal(new DateOnly(2024, 2, 29), leapYear.Date);
    }

    [Fact]
    public void Nothing_is_listed_before_or_in_the_year_of_origin()
    {
        Assert.DoesNotContain(AnniversaryYear.For(AnniversaryRegister.Diplomatic, 1992), o => o.Name.Contains("Hàn Quốc", StringComparison.Ordinal));
        Assert.DoesNotContain(AnniversaryYear.For(AnniversaryRegister.Diplomatic, 1990), o => o.Name.Contains("Hoa Kỳ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_is_in_date_order()
    {
        var dates = ThaiNguyen2022.Select(o => o.Date).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.All(ThaiNguyen2022, o => Assert.Equal(2022, o.Date.Year));
    }
}
