using System.Globalization;
using System.Text;
using Ttdn.Plans;

namespace Ttdn.Tests.Plans;

/// <summary>Deadline phrases as officials write them, in every spelling they arrive in.</summary>
public sealed class DeadlinePhraseTests
{
    private static readonly DateOnly Y2022Start = new(2022, 1, 1);
    private static readonly DateOnly Y2022End = new(2022, 12, 31);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Dn(string? iso) => iso is null ? null : D(iso);

    /// <summary>The phrase as written, in NFD, without any diacritics (đ → d), and in capitals.</summary>
    private static IEnumerable<string> Spellings(string phrase)
    {
        yield return phrase;
        yield return phrase.Normalize(NormalizationForm.FormD);
        yield return WithoutDiacritics(phrase);
        yield return phrase.ToUpper(new CultureInfo("vi-VN"));
    }

    private static string WithoutDiacritics(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return sb.ToString();
    }

    public static TheoryData<string, int, DeadlineKind, string?, string?, Recurrence, int?> Phrases => new()
    {
        // phrase, plan year, kind, from, to, recurrence, due day
        { "trước ngày 31/12/2022", 2022, DeadlineKind.Before, "2022-01-01", "2022-12-31", Recurrence.None, null },
        { "Trước 30/6", 2022, DeadlineKind.Before, "2022-01-01", "2022-06-30", Recurrence.None, null },
        { "ngày 15/3/2022", 2022, DeadlineKind.Exact, "2022-03-15", "2022-03-15", Recurrence.None, null },
        { "Quý II/2023", 2023, DeadlineKind.Range, "2023-04-01", "2023-06-30", Recurrence.None, null },
        { "quý 2 năm 2023", 2023, DeadlineKind.Range, "2023-04-01", "2023-06-30", Recurrence.None, null },
        { "Quý III", 2023, DeadlineKind.Range, "2023-07-01", "2023-09-30", Recurrence.None, null },
        { "Quý I/2024", 2024, DeadlineKind.Range, "2024-01-01", "2024-03-31", Recurrence.None, null },
        { "Quý IV/2024", 2024, DeadlineKind.Range, "2024-10-01", "2024-12-31", Recurrence.None, null },
        { "Tháng 6/2023", 2023, DeadlineKind.Range, "2023-06-01", "2023-06-30", Recurrence.None, null },
        { "tháng 6", 2022, DeadlineKind.Range, "2022-06-01", "2022-06-30", Recurrence.None, null },
        { "6 tháng đầu năm", 2022, DeadlineKind.Range, "2022-01-01", "2022-06-30", Recurrence.None, null },
        { "6 tháng cuối năm", 2022, DeadlineKind.Range, "2022-07-01", "2022-12-31", Recurrence.None, null },
        { "năm 2022", 2022, DeadlineKind.Range, "2022-01-01", "2022-12-31", Recurrence.None, null },
        { "hằng tháng", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Monthly, null },
        { "hàng tháng", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Monthly, null },
        { "ngày 25 hằng tháng", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Monthly, 25 },
        { "hằng quý", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Quarterly, null },
        { "6 tháng một lần", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.HalfYearly, null },
        { "hằng năm", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Yearly, null },
        { "định kỳ", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Periodic, null },
        { "định kỳ hằng tháng", 2022, DeadlineKind.Recurring, "2022-01-01", "2022-12-31", Recurrence.Monthly, null },
        { "thường xuyên", 2022, DeadlineKind.Continuous, "2022-01-01", "2022-12-31", Recurrence.None, null },
        { "cả năm", 2022, DeadlineKind.Continuous, "2022-01-01", "2022-12-31", Recurrence.None, null },
        { "trong năm", 2022, DeadlineKind.Continuous, "2022-01-01", "2022-12-31", Recurrence.None, null },
        { "đột xuất", 2022, DeadlineKind.None, null, null, Recurrence.None, null },
        { "từ tháng 3 đến tháng 5/2023", 2023, DeadlineKind.Range, "2023-03-01", "2023-05-31", Recurrence.None, null },
        { "cuối tháng 2/2024", 2024, DeadlineKind.Before, "2024-01-01", "2024-02-29", Recurrence.None, null },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Parses_each_phrase_in_nfc_nfd_without_diacritics_and_in_capitals(
        string phrase, int year, DeadlineKind kind, string? from, string? to, Recurrence recurrence, int? dueDay)
    {
        foreach (var spelling in Spellings(phrase))
        {
            var d = DeadlinePhrase.Parse(spelling, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            Assert.True(kind == d.Kind, $"'{spelling}': expected {kind}, got {d.Kind}");
            Assert.Equal(spelling, d.Text);
            Assert.Equal(Dn(from), d.From);
            Assert.Equal(Dn(to), d.To);
            Assert.Equal(recurrence, d.Recurrence);
            Assert.Equal(dueDay, d.DueDay);
        }
    }

    [Fact]
    public void Keeps_the_text_verbatim_but_trimmed()
    {
        var d = DeadlinePhrase.Parse("  Quý II/2023 \n", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        Assert.Equal("Quý II/2023", d.Text);
    }

    [Fact]
    public void Old_tone_placement_and_the_qui_spelling_read_the_same_as_quy()
    {
        var period = (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        foreach (var s in new[] { "Qúy II/2023", "Quí II/2023", "quý  II / 2023", "Quý II-2023" })
        {
            var d = DeadlinePhrase.Parse(s, period.Item1, period.Item2);
            Assert.Equal((new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30)), (d.From!.Value, d.To!.Value));
        }
    }

    [Fact]
    public void Before_a_yearly_date_is_a_yearly_recurrence_with_due_day_and_due_month()
    {
        foreach (var s in Spellings("trước ngày 15/7 hằng năm"))
        {
            var d = DeadlinePhrase.Parse(s, Y2022Start, Y2022End);
            Assert.Equal(DeadlineKind.Recurring, d.Kind);
            Assert.Equal(Recurrence.Yearly, d.Recurrence);
            Assert.Equal(15, d.DueDay);
            Assert.Equal(7, d.DueMonth);
            Assert.Equal((Y2022Start, Y2022End), (d.From!.Value, d.To!.Value));
        }
    }

    [Theory]
    [InlineData("hằng quý, trước ngày 20 của tháng cuối quý", Recurrence.Quarterly, 20, null)]
    [InlineData("hằng tháng, trước ngày 25", Recurrence.Monthly, 25, null)]
    [InlineData("trước ngày 5 hằng tháng", Recurrence.Monthly, 5, null)]
    [InlineData("ngày 15 tháng 12 hằng năm", Recurrence.Yearly, 15, 12)]
    [InlineData("hằng năm, chậm nhất ngày 15/12", Recurrence.Yearly, 15, 12)]
    [InlineData("mỗi tháng", Recurrence.Monthly, null, null)]
    [InlineData("hằng tuần", Recurrence.Monthly, null, null)]
    [InlineData("3 tháng một lần", Recurrence.Quarterly, null, null)]
    [InlineData("6 tháng/lần", Recurrence.HalfYearly, null, null)]
    [InlineData("định kỳ 6 tháng", Recurrence.HalfYearly, null, null)]
    [InlineData("định kỳ hằng quý", Recurrence.Quarterly, null, null)]
    [InlineData("định kỳ và đột xuất", Recurrence.Periodic, null, null)]
    [InlineData("năm một lần", Recurrence.Yearly, null, null)]
    public void Reads_other_recurrence_wordings(string phrase, Recurrence recurrence, int? dueDay, int? dueMonth)
    {
        var d = DeadlinePhrase.Parse(phrase, Y2022Start, Y2022End);
        Assert.Equal(DeadlineKind.Recurring, d.Kind);
        Assert.Equal(recurrence, d.Recurrence);
        Assert.Equal(dueDay, d.DueDay);
        Assert.Equal(dueMonth, d.DueMonth);
        Assert.True(d.IsRecurring);
    }

    [Theory]
    [InlineData("hằng ngày")]
    [InlineData("liên tục")]
    [InlineData("quanh năm")]
    public void Daily_and_ongoing_wordings_are_continuous_over_the_period(string phrase)
    {
        var d = DeadlinePhrase.Parse(phrase, Y2022Start, Y2022End);
        Assert.Equal(DeadlineKind.Continuous, d.Kind);
        Assert.Equal((Y2022Start, Y2022End), (d.From!.Value, d.To!.Value));
        Assert.False(d.IsRecurring);
    }

    [Theory]
    [InlineData("ngày 15 tháng 3 năm 2022", DeadlineKind.Exact, "2022-03-15", "2022-03-15")]
    [InlineData("15-3-2022", DeadlineKind.Exact, "2022-03-15", "2022-03-15")]
    [InlineData("trước 30 tháng 6", DeadlineKind.Before, "2022-01-01", "2022-06-30")]
    [InlineData("chậm nhất là ngày 15/11/2022", DeadlineKind.Before, "2022-01-01", "2022-11-15")]
    [InlineData("đến hết ngày 31/12/2022", DeadlineKind.Before, "2022-01-01", "2022-12-31")]
    [InlineData("trước tháng 6/2022", DeadlineKind.Before, "2022-01-01", "2022-05-31")]
    [InlineData("trước Quý III", DeadlineKind.Before, "2022-01-01", "2022-06-30")]
    [InlineData("cuối quý II", DeadlineKind.Before, "2022-01-01", "2022-06-30")]
    [InlineData("cuối năm", DeadlineKind.Before, "2022-01-01", "2022-12-31")]
    [InlineData("trong tháng 9", DeadlineKind.Range, "2022-09-01", "2022-09-30")]
    [InlineData("06/2022", DeadlineKind.Range, "2022-06-01", "2022-06-30")]
    [InlineData("tháng 6 năm 2022", DeadlineKind.Range, "2022-06-01", "2022-06-30")]
    [InlineData("sáu tháng cuối năm 2022", DeadlineKind.Range, "2022-07-01", "2022-12-31")]
    [InlineData("từ tháng 3 đến hết tháng 5/2022", DeadlineKind.Range, "2022-03-01", "2022-05-31")]
    [InlineData("từ ngày 01/3 đến ngày 15/5/2022", DeadlineKind.Range, "2022-03-01", "2022-05-15")]
    [InlineData("Quý II - Quý III/2022", DeadlineKind.Range, "2022-04-01", "2022-09-30")]
    [InlineData("Tháng 11, 12/2022", DeadlineKind.Range, "2022-11-01", "2022-12-31")]
    [InlineData("tháng 3 và 4", DeadlineKind.Range, "2022-03-01", "2022-04-30")]
    [InlineData("Quý II, III", DeadlineKind.Range, "2022-04-01", "2022-09-30")]
    [InlineData("Quý II và Quý III/2022", DeadlineKind.Range, "2022-04-01", "2022-09-30")]
    [InlineData("Hàng năm (trước ngày 15/11)", DeadlineKind.Recurring, "2022-01-01", "2022-12-31")]
    [InlineData("Định kỳ 03 tháng/lần", DeadlineKind.Recurring, "2022-01-01", "2022-12-31")]
    [InlineData("Từ nay đến cuối năm", DeadlineKind.Before, "2022-01-01", "2022-12-31")]
    [InlineData("giai đoạn 2021 - 2025", DeadlineKind.Range, "2021-01-01", "2025-12-31")]
    [InlineData("trong năm 2022", DeadlineKind.Continuous, "2022-01-01", "2022-12-31")]
    public void Reads_other_date_wordings(string phrase, DeadlineKind kind, string from, string to)
    {
        var d = DeadlinePhrase.Parse(phrase, Y2022Start, Y2022End);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(D(from), d.From);
        Assert.Equal(D(to), d.To);
        Assert.Equal(phrase, d.Text);
    }

    [Fact]
    public void A_range_whose_year_is_written_at_its_end_crosses_new_year_when_it_must()
    {
        var d = DeadlinePhrase.Parse("từ tháng 11 đến tháng 2/2023", Y2022Start, new DateOnly(2023, 12, 31));
        Assert.Equal((new DateOnly(2022, 11, 1), new DateOnly(2023, 2, 28)), (d.From!.Value, d.To!.Value));
    }

    [Theory]
    [InlineData("khi có yêu cầu")]
    [InlineData("tháng 13/2022")]
    [InlineData("ngày 31/4/2022")]
    [InlineData("29/2/2023")]
    [InlineData("Quý V")]
    [InlineData("theo tiến độ của dự án")]
    [InlineData("theo quy định")]
    [InlineData("trước ngày 10 của tháng đầu quý sau")]
    public void Unrecognised_text_is_kind_none_with_the_text_kept(string phrase)
    {
        var d = DeadlinePhrase.Parse(phrase, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        Assert.Equal(DeadlineKind.None, d.Kind);
        Assert.Equal(phrase, d.Text);
        Assert.Null(d.From);
        Assert.Null(d.To);
        Assert.False(d.IsRecurring);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_is_deadline_none(string? text)
    {
        Assert.Equal(Deadline.None, DeadlinePhrase.Parse(text, Y2022Start, Y2022End));
        Assert.Equal(Deadline.None, DeadlinePhrase.FindIn(text, Y2022Start, Y2022End));
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        foreach (var s in new[] { "\uD800 quý", "ngày 99999999999/12/2022", "////----", "trước", "quý", "hằng", "từ tháng 3 đến", "\u0301\u0300 tháng 6" })
        {
            _ = DeadlinePhrase.Parse(s, Y2022Start, Y2022End);
            _ = DeadlinePhrase.FindIn(s, Y2022Start, Y2022End);
        }
    }

    [Fact]
    public void A_reversed_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlinePhrase.Parse("Quý II", Y2022End, Y2022Start));
    }

    [Fact]
    public void Deadline_on_is_an_exact_day_without_text()
    {
        var d = Deadline.On(new DateOnly(2022, 5, 19));
        Assert.Equal(new Deadline(null, DeadlineKind.Exact, new DateOnly(2022, 5, 19), new DateOnly(2022, 5, 19), Recurrence.None), d);
        Assert.False(d.IsRecurring);
        Assert.Null(Deadline.None.Text);
        Assert.Equal(DeadlineKind.None, Deadline.None.Kind);
    }

    // ---- Years inferred from the period ----

    [Fact]
    public void A_date_without_year_takes_the_plan_year()
    {
        var d = DeadlinePhrase.Parse("Trước 30/6", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        Assert.Equal(new DateOnly(2023, 6, 30), d.To);
        Assert.Equal(new DateOnly(2023, 1, 1), d.From);
    }

    [Fact]
    public void In_a_mid_year_award_period_a_yearless_date_takes_the_year_that_keeps_it_inside_the_period()
    {
        var start = new DateOnly(2022, 7, 1);
        var end = new DateOnly(2023, 6, 30);
        Assert.Equal(new DateOnly(2023, 6, 30), DeadlinePhrase.Parse("Trước 30/6", start, end).To);
        Assert.Equal(new DateOnly(2022, 9, 30), DeadlinePhrase.Parse("tháng 9", start, end).To);
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31)), Span(DeadlinePhrase.Parse("Quý I", start, end)));
        Assert.Equal((new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 30)), Span(DeadlinePhrase.Parse("Quý III", start, end)));
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)), Span(DeadlinePhrase.Parse("6 tháng đầu năm", start, end)));
        Assert.Equal(new DateOnly(2022, 12, 31), DeadlinePhrase.Parse("cuối năm", start, end).To);
    }

    [Fact]
    public void In_a_multi_year_programme_quy_ii_is_the_first_second_quarter_of_the_programme()
    {
        var start = new DateOnly(2021, 1, 1);
        var end = new DateOnly(2025, 12, 31);
        foreach (var s in Spellings("Quý II"))
        {
            Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 30)), Span(DeadlinePhrase.Parse(s, start, end)));
        }

        Assert.Equal(new DateOnly(2021, 6, 30), DeadlinePhrase.Parse("tháng 6", start, end).To);
    }

    [Fact]
    public void A_yearless_quarter_that_began_before_the_period_moves_to_the_next_year()
    {
        // Programme 01/05/2021–31/12/2025: Q2 2021 began before the programme, so "Quý II" is Q2 2022.
        var d = DeadlinePhrase.Parse("Quý II", new DateOnly(2021, 5, 1), new DateOnly(2025, 12, 31));
        Assert.Equal((new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30)), Span(d));
    }

    [Fact]
    public void Leap_day_and_month_ends()
    {
        var y2024 = (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal(new DateOnly(2024, 2, 29), DeadlinePhrase.Parse("cuối tháng 2/2024", y2024.Item1, y2024.Item2).To);
        Assert.Equal(new DateOnly(2024, 2, 29), DeadlinePhrase.Parse("tháng 2", y2024.Item1, y2024.Item2).To);
        Assert.Equal(new DateOnly(2023, 2, 28), DeadlinePhrase.Parse("tháng 2", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)).To);
        Assert.Equal(new DateOnly(2024, 2, 29), DeadlinePhrase.Parse("trước 29/2", y2024.Item1, y2024.Item2).To);
        Assert.Equal(new DateOnly(2024, 3, 31), DeadlinePhrase.Parse("Quý I/2024", y2024.Item1, y2024.Item2).To);
    }

    // ---- Inside sentences of the Thái Nguyên 2022 plan (241/KH-UBND) ----

    [Fact]
    public void Finds_the_report_deadline_of_the_department_of_information_and_communications()
    {
        const string sentence = "Tham mưu UBND tỉnh thực hiện hiệu quả công tác quản lý nhà nước về thông tin đối ngoại trên địa bàn tỉnh; hướng dẫn, đôn đốc, kiểm tra việc triển khai thực hiện Kế hoạch này, theo dõi, tổng hợp báo cáo UBND tỉnh trước ngày 31/12/2022.";
        foreach (var s in Spellings(sentence))
        {
            var d = DeadlinePhrase.FindIn(s, Y2022Start, Y2022End);
            Assert.Equal(DeadlineKind.Before, d.Kind);
            Assert.Equal(Y2022Start, d.From);
            Assert.Equal(Y2022End, d.To);
            Assert.True(s.Contains(d.Text!, StringComparison.Ordinal), "the text is a verbatim slice of the sentence");
            Assert.True(Ttdn.Vietnamese.Text.VietnameseText.EqualsFolded("trước ngày 31/12/2022", d.Text));
        }

        Assert.Equal("trước ngày 31/12/2022", DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End).Text);
    }

    [Fact]
    public void Finds_the_monthly_press_briefing()
    {
        const string sentence = "Phối hợp Ban Tuyên giáo Tỉnh ủy, Hội Nhà báo tỉnh duy trì các Hội nghị giao ban báo chí định kỳ hằng tháng nhằm quản lý, định hướng hoạt động thông tin đối ngoại.";
        foreach (var s in Spellings(sentence))
        {
            var d = DeadlinePhrase.FindIn(s, Y2022Start, Y2022End);
            Assert.Equal(DeadlineKind.Recurring, d.Kind);
            Assert.Equal(Recurrence.Monthly, d.Recurrence);
            Assert.Null(d.DueDay);
            Assert.Equal((Y2022Start, Y2022End), Span(d));
        }

        Assert.Equal("định kỳ hằng tháng", DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End).Text);
    }

    [Theory]
    [InlineData("Xuất bản 700 cuốn Thái Nguyên Hội nhập và Phát triển bằng song ngữ Việt Anh.")]
    [InlineData("Chủ trì, phối hợp với các đơn vị liên quan thực hiện các dự án, nhiệm vụ thuộc Đề án phát triển thông tin đối ngoại tỉnh Thái Nguyên giai đoạn 2021-2025 theo quy định.")]
    [InlineData("Tiếp tục phối hợp triển khai thực hiện hiệu quả Đề án phát triển thông tin đối ngoại tỉnh Thái Nguyên giai đoạn 2021 - 2025 (theo Quyết định số 1347/QĐ-UBND ngày 29/4/2021 của UBND tỉnh) và các văn bản có liên quan.")]
    [InlineData("Phối hợp tuyên truyền trên các ấn phẩm song ngữ đặc biệt của Bộ Ngoại giao nhân dịp Tết Nguyên đán 2022; Hội nghị Thượng đỉnh APEC; Kỷ niệm 30 năm Quan hệ Việt Nam - Hàn Quốc; Kỷ niệm 60 năm Quan hệ Việt Nam - Lào.")]
    [InlineData("Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022); kỷ niệm 132 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)")]
    [InlineData("Thực hiện Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại; Thông tư số 22/2016/TT-BTTTT ngày 19/10/2016 của Bộ trưởng Bộ Thông tin và Truyền thông; xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 141/TTr-STTTT ngày 03/12/2021, UBND tỉnh ban hành Kế hoạch công tác thông tin đối ngoại tỉnh Thái Nguyên năm 2022, như sau:")]
    [InlineData("Chỉ đạo kiểm tra việc đăng, phát nội dung thông tin đối ngoại trên báo chí địa phương theo quy định tại Điều 11 Thông tư số 03/2019/TT-BTTTT.")]
    public void Sentences_without_a_deadline_give_none_even_with_document_dates_programme_years_and_anniversaries(string sentence)
    {
        Assert.Equal(Deadline.None, DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End));
    }

    [Fact]
    public void A_cited_document_dated_inside_the_plan_year_is_not_a_deadline()
    {
        const string sentence = "Triển khai Kế hoạch số 35/KH-BTTTT ngày 15/3/2022 của Bộ Thông tin và Truyền thông.";
        Assert.Equal(Deadline.None, DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End));
    }

    [Theory]
    [InlineData("Triển khai, hướng dẫn, tham gia Giải thưởng toàn quốc về thông tin đối ngoại hằng năm do Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương phát động.", DeadlineKind.Recurring, Recurrence.Yearly, "hằng năm")]
    [InlineData("Tham mưu UBND tỉnh tổ chức các cuộc họp báo định kỳ, tổ chức Trung tâm báo chí phục vụ các sự kiện lớn của tỉnh và cung cấp thông tin cho báo chí trong các trường hợp đột xuất, bất thường.", DeadlineKind.Recurring, Recurrence.Periodic, "định kỳ")]
    [InlineData("Thường xuyên theo dõi, tổng hợp thông tin báo chí trong và ngoài nước, thông tin trên mạng xã hội viết về địa phương, đơn vị để kịp thời kiểm tra, xử lý và phản bác đối với những thông tin sai sự thật.", DeadlineKind.Continuous, Recurrence.None, "Thường xuyên")]
    [InlineData("Tiếp tục duy trì, tổ chức sản xuất, phát sóng thông tin trên bản tin Thông tin đối ngoại bằng tiếng nước ngoài (tiếng Anh, tiếng Trung); Tọa đàm định kỳ cung cấp thông tin trên bản tin đối ngoại; Chương trình học tiếng Anh qua truyền hình năm 2022; Bản quyền truyền hình (tin tức từ hãng thông tấn Thompson Reuters - Anh Quốc).", DeadlineKind.Recurring, Recurrence.Periodic, "định kỳ")]
    [InlineData("Cung cấp thông tin cho báo chí trong các trường hợp đột xuất.", DeadlineKind.None, Recurrence.None, "đột xuất")]
    [InlineData("Tổ chức hội nghị sơ kết 6 tháng đầu năm.", DeadlineKind.Range, Recurrence.None, "6 tháng đầu năm")]
    [InlineData("Báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 25 hằng tháng để tổng hợp.", DeadlineKind.Recurring, Recurrence.Monthly, "trước ngày 25 hằng tháng")]
    [InlineData("Tổ chức Hội nghị xúc tiến đầu tư vào ngày 15/3/2022 tại thành phố Thái Nguyên.", DeadlineKind.Exact, Recurrence.None, "vào ngày 15/3/2022")]
    [InlineData("Tổ chức tuyên truyền từ tháng 3 đến tháng 5/2022 nhân dịp Năm Du lịch quốc gia.", DeadlineKind.Range, Recurrence.None, "từ tháng 3 đến tháng 5/2022")]
    public void Finds_phrases_in_plan_sentences(string sentence, DeadlineKind kind, Recurrence recurrence, string text)
    {
        var d = DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(recurrence, d.Recurrence);
        Assert.Equal(text, d.Text);
    }

    [Fact]
    public void Prefers_the_most_specific_phrase_in_a_sentence()
    {
        const string sentence = "Thường xuyên theo dõi, định kỳ hằng quý tổng hợp và báo cáo kết quả về UBND tỉnh trước ngày 15/12/2022.";
        var d = DeadlinePhrase.FindIn(sentence, Y2022Start, Y2022End);
        Assert.Equal(DeadlineKind.Before, d.Kind);
        Assert.Equal(new DateOnly(2022, 12, 15), d.To);
        Assert.Equal("trước ngày 15/12/2022", d.Text);

        var recurringOverContinuous = DeadlinePhrase.FindIn("Thường xuyên cập nhật, báo cáo hằng quý.", Y2022Start, Y2022End);
        Assert.Equal(Recurrence.Quarterly, recurringOverContinuous.Recurrence);

        var monthOverQuarter = DeadlinePhrase.FindIn("Trong Quý II, tổ chức đoàn công tác vào tháng 5.", Y2022Start, Y2022End);
        Assert.Equal((new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 31)), Span(monthOverQuarter));
    }

    [Fact]
    public void A_deadline_before_the_plan_period_in_a_sentence_is_a_reference_not_a_deadline()
    {
        var d = DeadlinePhrase.FindIn("Tiếp tục thực hiện nhiệm vụ đã giao trước ngày 31/12/2021.", Y2022Start, Y2022End);
        Assert.Equal(Deadline.None, d);
    }

    private static (DateOnly, DateOnly) Span(Deadline d) => (d.From!.Value, d.To!.Value);
}
