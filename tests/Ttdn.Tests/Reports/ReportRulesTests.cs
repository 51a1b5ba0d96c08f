using Ttdn.Reports;
using Ttdn.Shared;

namespace Ttdn.Tests.Reports;

/// <summary>The rules on the report entities: periods, deadlines, the status workflow, locking and filed names.</summary>
public sealed class ReportRulesTests
{
    private static readonly DateTime At = new(2022, 12, 5, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2022", "01/01/2022", "31/12/2022", PeriodKind.Year)]
    [InlineData("2022-H1", "01/01/2022", "30/06/2022", PeriodKind.HalfYear)]
    [InlineData("2022-h2", "01/07/2022", "31/12/2022", PeriodKind.HalfYear)]
    [InlineData("2022-Q3", "01/07/2022", "30/09/2022", PeriodKind.Quarter)]
    [InlineData("2022-02", "01/02/2022", "28/02/2022", PeriodKind.Month)]
    [InlineData("2022-07..2023-06", "01/07/2022", "30/06/2023", PeriodKind.Custom)]
    public void Periods_are_read_as_the_command_line_writes_them(string text, string start, string end, PeriodKind kind)
    {
        var p = ReportingPeriod.Parse(text);
        Assert.Equal((start, end, kind), (Lang.Date(p.Start), Lang.Date(p.End), p.Kind));
        Assert.Equal(p, ReportingPeriod.Parse(p.Label));
    }

    [Theory]
    [InlineData("2022-H3")]
    [InlineData("2022-Q5")]
    [InlineData("2022-13")]
    [InlineData("22")]
    [InlineData("2022-07..2023-05")]
    [InlineData("")]
    public void A_wrong_period_says_how_to_write_it(string text) =>
        Assert.Throws<DomainException>(() => ReportingPeriod.Parse(text));

    [Fact]
    public void The_same_period_last_year_and_the_deadline_follow_the_template()
    {
        Assert.Equal("2021-Q3", ReportingPeriod.Parse("2022-Q3").PreviousYear().Label);
        var annual = new ReportTemplate("a", "Năm", PeriodKind.Year, -21);
        Assert.Equal(new DateOnly(2022, 12, 10), annual.DeadlineOf(ReportingPeriod.Year(2022)));
        Assert.Equal(["2022-H1", "2022-H2"], ReportingPeriod.Within(PeriodKind.HalfYear, 1, new(2022, 1, 1), new(2022, 12, 31)).Select(p => p.Label));
        Assert.Throws<DomainException>(() => new AgencyReport(annual, 1, 1, ReportingPeriod.Half(2022, 1)));
    }

    [Fact]
    public void A_report_goes_from_draft_to_submitted_returned_resubmitted_and_accepted_then_locks()
    {
        var (report, indicators) = NewReport();
        Assert.Throws<DomainException>(() => report.Submit("canbo", At, new(2022, 12, 5))); // empty
        report.Save([new SectionText { Key = "results", Text = "Đăng 120 tin, bài." }], [new(1, "Tiếng Anh", 40), new(1, "Tiếng Việt", 80)], indicators);
        report.Submit("canbo", At, new(2022, 12, 5));
        Assert.False(report.WasLate);
        var editWhileSubmitted = Assert.Throws<DomainException>(() => report.Save([], [], indicators));
        Assert.Equal(409, editWhileSubmitted.StatusCode);
        Assert.Throws<DomainException>(() => report.Return(" ", "chuyenvien", At));
        report.Return("Thiếu số liệu tiếng Trung.", "chuyenvien", At);
        Assert.Equal((ReportStatus.Returned, "Thiếu số liệu tiếng Trung."), (report.Status, report.ReturnComment));
        report.Save([new SectionText { Key = "results", Text = "Đăng 130 tin, bài." }], [new(1, "Tiếng Anh", 40), new(1, "Tiếng Việt", 80), new(1, "Tiếng Trung", 10)], indicators);
        report.Submit("canbo", At, new(2022, 12, 12));
        Assert.True(report.WasLate);
        report.Accept("chuyenvien", At, new(2022, 12, 13));
        Assert.True(report.IsLocked);
        Assert.Equal(409, Assert.Throws<DomainException>(() => report.Save([], [], indicators)).StatusCode);
        Assert.Throws<DomainException>(() => report.Return("muộn", "chuyenvien", At));
        Assert.Throws<DomainException>(() => report.Reopen("", "chuyenvien", At));
        report.Reopen("Sửa số liệu kinh phí theo quyết toán.", "chuyenvien", At);
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal([ReportAction.Submitted, ReportAction.Returned, ReportAction.Submitted, ReportAction.Accepted, ReportAction.Reopened],
            report.Events.Select(e => e.Action));
    }

    [Fact]
    public void Figures_are_checked_and_keep_the_name_they_were_filed_under()
    {
        var (report, indicators) = NewReport();
        Assert.Throws<DomainException>(() => report.Save([], [new(1, "Tiếng Pháp", 3)], indicators));
        Assert.Throws<DomainException>(() => report.Save([], [new(1, "Tiếng Anh", -1)], indicators));
        Assert.Throws<DomainException>(() => report.Save([], [new(99, null, 1)], indicators));
        Assert.Throws<DomainException>(() => report.Save([], [new(2, null, 1), new(2, null, 2)], indicators));
        report.Save([], [new(1, "Tiếng Anh", 5), new(2, null, 3), new(2, "", null)], indicators);
        indicators[2].Update("3. Hoạt động đối ngoại", "Phóng viên, nhà báo nước ngoài đến tác nghiệp", "lượt người", [], null);
        report.Save([], [new(1, "Tiếng Anh", 5), new(2, null, 3)], indicators);
        var reporters = report.Figures.Single(f => f.IndicatorId == 2);
        Assert.Equal(("Phóng viên nước ngoài được đón tiếp", "lượt"), (reporters.NameAsFiled, reporters.UnitAsFiled));
        report.Save([], [new(1, "Tiếng Anh", 5), new(2, null, 4)], indicators);
        Assert.Equal("Phóng viên, nhà báo nước ngoài đến tác nghiệp", report.Figures.Single(f => f.IndicatorId == 2).NameAsFiled);
    }

    [Fact]
    public void Templates_and_indicators_refuse_what_cannot_work()
    {
        Assert.Throws<DomainException>(() => new ReportTemplate("x", " ", PeriodKind.Year, 0));
        Assert.Throws<DomainException>(() => new ReportTemplate("x", "Năm", PeriodKind.Year, 400));
        Assert.Throws<DomainException>(() => new Indicator("x", "g", "Tin bài", " "));
        Assert.Throws<DomainException>(() => new Indicator("x", "g", "Tin bài", "tin", ["Tiếng Anh", "tieng anh"]));
        var t = new ReportTemplate("x", "Năm", PeriodKind.Year, 0);
        Assert.Throws<DomainException>(() => t.SetSections([]));
        t.Update("Năm", PeriodKind.Year, 1, 0, ReportLevel.Province, null, ["- Như trên;", "", "Lưu: VT."], true);
        Assert.Equal(["Như trên", "Lưu: VT"], t.Receivers);
    }

    private static (AgencyReport, Dictionary<int, Indicator>) NewReport()
    {
        var template = new ReportTemplate("a", "Năm", PeriodKind.Year, -21);
        var articles = new Indicator("articles", "1", "Tin, bài", "tin, bài", DefaultTemplates.Languages);
        var reporters = new Indicator("reporters", "3", "Phóng viên nước ngoài được đón tiếp", "lượt");
        SetId(articles, 1);
        SetId(reporters, 2);
        return (new AgencyReport(template, 1, 1, ReportingPeriod.Year(2022)), new() { [1] = articles, [2] = reporters });
    }

    private static void SetId(Indicator i, int id) => typeof(Indicator).GetProperty(nameof(Indicator.Id))!.SetValue(i, id);
}
