using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Plans;

namespace Ttdn.Reports;

/// <summary>
/// Demo reporting for 2022: the agencies of 241/KH-UBND report the year (most accepted, one returned then accepted, one
/// still awaiting review, one late, one never), so the consolidated annual report can be produced at once; and a small
/// second province (Điện Biên, a 2021–2025 programme) whose 2022 report was sent up with Thái Nguyên's, so the national
/// office's consolidation has two provinces. Fixed dates and figures: screenshots and tests see the same picture.
/// </summary>
public static class DemoReports
{
    public const string Period = "2022";
    public const string MissingAgency = "Tạp chí Văn nghệ Thái Nguyên";
    public const string LateAgency = "Công an tỉnh";
    public const string ReturnedOnceAgency = "Sở Tài chính";
    public const string AwaitingAgency = "Báo Thái Nguyên";

    private sealed record Filing(string Agency, DateOnly SubmittedOn, (string Code, string? Part, decimal Value)[] Figures, string Results,
        (int Theme, string Text)[] Themes, string Shortcomings, string Next, string Proposals);

    public static async Task EnsureAsync(AppDb db, CancellationToken ct = default)
    {
        if (await db.AgencyReports.AnyAsync(ct)) return;
        var plan = await db.Plans.Include(p => p.Themes).FirstOrDefaultAsync(p => p.Number == "241/KH-UBND", ct);
        if (plan is null) return;
        var annual = await ReportActions.TemplateAsync(db, DefaultTemplates.Annual, ct);
        var indicators = annual.Indicators.Select(i => i.Indicator!).ToDictionary(i => i.Code);
        var byId = indicators.Values.ToDictionary(i => i.Id);
        var submitters = await ReportActions.SubmittersAsync(db, plan.Id, ct);
        var period = ReportingPeriod.Parse(Period);
        var themes = plan.Themes.OrderBy(t => t.Order).ToList();

        foreach (var f in ThaiNguyen())
        {
            var agency = submitters.First(s => s.Name == f.Agency);
            File(db, annual, plan.Id, agency.Id, period, f, themes, indicators, byId,
                accept: f.Agency is not (AwaitingAgency or LateAgency), returnFirst: f.Agency == ReturnedOnceAgency);
        }
        await db.SaveChangesAsync(ct);
        var thaiNguyen = new ConsolidatedReport(annual.Id, plan.Id, plan.LeadOrganisationId, period);
        thaiNguyen.Send(new DateOnly(2022, 12, 28));
        db.ConsolidatedReports.Add(thaiNguyen);
        await db.SaveChangesAsync(ct);

        await DienBienAsync(db, annual, period, indicators, byId, ct);
    }

    private static void File(AppDb db, ReportTemplate template, int planId, int organisationId, ReportingPeriod period, Filing f, List<Theme> themes,
        Dictionary<string, Indicator> indicators, Dictionary<int, Indicator> byId, bool accept, bool returnFirst)
    {
        var report = new AgencyReport(template, planId, organisationId, period);
        var narratives = new List<SectionText>
        {
            new() { Key = "results", Text = f.Results },
            new() { Key = "shortcomings", Text = f.Shortcomings },
            new() { Key = "next", Text = f.Next },
            new() { Key = "proposals", Text = f.Proposals },
        };
        narratives.AddRange(f.Themes.Where(t => t.Theme <= themes.Count).Select(t => new SectionText { Key = ReportActions.ThemeKey(themes[t.Theme - 1].Id), Text = t.Text }));
        report.Save(narratives, f.Figures.Select(x => new AgencyReport.FigureInput(indicators[x.Code].Id, x.Part, x.Value)), byId);
        var at = f.SubmittedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        if (returnFirst)
        {
            report.Submit("demo", at.AddDays(-4), f.SubmittedOn.AddDays(-4));
            report.Return("Đề nghị bổ sung số liệu kinh phí đã chi theo từng nguồn.", "chuyenvien", at.AddDays(-3));
        }
        report.Submit("demo", at, f.SubmittedOn);
        if (accept) report.Accept("chuyenvien", at.AddDays(2), f.SubmittedOn.AddDays(2));
        db.AgencyReports.Add(report);
    }

    private static IEnumerable<Filing> ThaiNguyen()
    {
        DateOnly D(int day) => new(2022, 12, day);
        const string noProblem = "Một số nhiệm vụ phối hợp còn chậm do lịch công tác thay đổi; thiếu cán bộ biên dịch tiếng Trung, tiếng Hàn.";
        const string next = "Tiếp tục triển khai các nhiệm vụ thông tin đối ngoại năm 2023 theo kế hoạch của tỉnh.";
        const string none = "Không có.";
        yield return new("Ban Tuyên giáo Tỉnh ủy", D(6), [("press-conferences", "Giao ban báo chí", 12), ("trainings", null, 2), ("trainees", null, 180)],
            "Chủ trì định hướng thông tin đối ngoại; tổ chức 12 cuộc giao ban báo chí và 2 lớp bồi dưỡng nghiệp vụ.", [(1, "Định hướng tuyên truyền các sự kiện chính trị lớn của tỉnh.")],
            noProblem, next, "Đề nghị tăng kinh phí bồi dưỡng nghiệp vụ cho đội ngũ báo cáo viên.");
        yield return new("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", D(8), [("press-conferences", "Họp báo", 2)],
            "Ban Chỉ đạo họp 2 phiên, ban hành chương trình công tác năm.", [], none, next, none);
        yield return new("Sở Thông tin và Truyền thông", D(9),
            [("articles-language", "Tiếng Việt", 420), ("articles-language", "Tiếng Anh", 36), ("articles-outlet", "Báo điện tử, trang thông tin điện tử", 456),
             ("trainings", null, 3), ("trainees", null, 240), ("false-detected", null, 14), ("false-handled", null, 12),
             ("social-posts", "Facebook", 310), ("social-posts", "Zalo", 95), ("social-reach", null, 1_250_000), ("award-entries", null, 9), ("award-prizes", null, 2),
             ("budget-planned", "Ngân sách tỉnh", 450), ("budget-spent", "Ngân sách tỉnh", 415)],
            "Hướng dẫn các cơ quan báo chí thông tin đối ngoại; vận hành chuyên mục TTĐN trên Cổng thông tin điện tử tỉnh; xử lý 12/14 vụ thông tin sai sự thật.",
            [(2, "Cập nhật 456 tin, bài quảng bá hình ảnh Thái Nguyên trên Cổng thông tin điện tử tỉnh."), (7, "Phát hiện 14 vụ, đã phối hợp xử lý 12 vụ thông tin sai sự thật.")],
            noProblem, next, "Đề nghị Bộ hỗ trợ tài liệu thông tin đối ngoại bằng tiếng Trung, tiếng Hàn.");
        yield return new("Sở Ngoại vụ", D(7),
            [("publication-titles", null, 1), ("publication-copies", "Tiếng Việt", 350), ("publication-copies", "Tiếng Anh", 350), ("publication-languages", null, 2),
             ("delegations", "Đoàn ra", 3), ("delegations", "Đoàn vào", 17), ("foreign-reporters", null, 6), ("events", "Nước ngoài", 2)],
            "Xuất bản 700 cuốn ấn phẩm song ngữ Việt – Anh giới thiệu tỉnh; đón 17 đoàn vào, 6 lượt phóng viên nước ngoài.",
            [(2, "Ấn phẩm song ngữ giới thiệu tiềm năng, cơ hội đầu tư của tỉnh."), (3, "Cung cấp thông tin về quan hệ Việt Nam – Hàn Quốc nhân 30 năm thiết lập quan hệ ngoại giao.")],
            "Số đoàn vào còn ít so với trước dịch COVID-19.", next, none);
        yield return new("Văn phòng Ủy ban nhân dân tỉnh", D(9), [("press-conferences", "Họp báo", 4)],
            "Tổ chức 4 cuộc họp báo định kỳ của UBND tỉnh.", [], none, next, none);
        yield return new("Sở Văn hóa, Thể thao và Du lịch", D(10),
            [("events", "Trong nước", 6), ("events", "Nước ngoài", 1), ("foreign-products", "Tiếng Anh", 4), ("foreign-products", "Tiếng Trung", 2),
             ("budget-planned", "Ngân sách tỉnh", 600), ("budget-spent", "Ngân sách tỉnh", 560), ("budget-spent", "Xã hội hóa, tài trợ", 120)],
            "Tổ chức Festival Trà Thái Nguyên lần thứ V và 6 sự kiện văn hóa, du lịch có khách quốc tế.",
            [(2, "Quảng bá du lịch Thái Nguyên tại 6 sự kiện trong nước và 1 hội chợ nước ngoài.")], noProblem, next, none);
        yield return new(AwaitingAgency, D(9),
            [("articles-language", "Tiếng Việt", 610), ("articles-language", "Tiếng Anh", 48), ("articles-language", "Tiếng Trung", 24),
             ("articles-outlet", "Báo in", 380), ("articles-outlet", "Báo điện tử, trang thông tin điện tử", 302), ("social-posts", "Facebook", 520), ("award-entries", null, 4)],
            "Duy trì chuyên mục thông tin đối ngoại trên báo in và báo điện tử; đăng 682 tin, bài.",
            [(1, "Chuyên mục \"Thái Nguyên hội nhập\" ra hằng tuần."), (4, "Loạt bài kỷ niệm 75 năm Ngày Bác Hồ về ATK Định Hóa.")], noProblem, next, none);
        yield return new("Đài Phát thanh - Truyền hình tỉnh Thái Nguyên", D(10),
            [("broadcast-programmes", "Phát thanh", 52), ("broadcast-programmes", "Truyền hình", 52), ("broadcast-minutes", "Phát thanh", 780),
             ("broadcast-minutes", "Truyền hình", 1560), ("articles-outlet", "Truyền hình", 210), ("articles-language", "Tiếng Việt", 210), ("social-posts", "YouTube", 140)],
            "Phát sóng 104 chương trình, chuyên mục thông tin đối ngoại.", [(2, "Phóng sự \"Thái Nguyên – điểm đến của nhà đầu tư\" phát trên sóng VTV4.")],
            noProblem, next, "Đề nghị hỗ trợ kinh phí sản xuất chương trình tiếng Anh.");
        yield return new("Sở Kế hoạch và Đầu tư", D(5), [("events", "Trong nước", 2), ("foreign-products", "Tiếng Hàn", 1)],
            "Tổ chức Hội nghị xúc tiến đầu tư và 2 hội nghị gặp gỡ nhà đầu tư nước ngoài.", [], none, next, none);
        yield return new(LateAgency, D(20), [("false-detected", null, 6), ("false-handled", null, 6)],
            "Phát hiện, xử lý 6 vụ việc đăng tải thông tin sai sự thật trên mạng xã hội.", [(7, "Xử lý 6 vụ việc thông tin sai sự thật liên quan đến an ninh trật tự.")],
            none, next, none);
        yield return new("Sở Công Thương", D(8), [("events", "Trong nước", 3)], "Tổ chức 3 hội chợ thương mại có doanh nghiệp nước ngoài.", [], none, next, none);
        yield return new(ReturnedOnceAgency, D(10), [("budget-planned", "Ngân sách tỉnh", 1200), ("budget-spent", "Ngân sách tỉnh", 1050), ("budget-spent", "Ngân sách trung ương", 80)],
            "Bố trí kinh phí thực hiện kế hoạch thông tin đối ngoại năm 2022.", [], none, next, none);
    }

    private static async Task DienBienAsync(AppDb db, ReportTemplate annual, ReportingPeriod period, Dictionary<string, Indicator> indicators,
        Dictionary<int, Indicator> byId, CancellationToken ct)
    {
        var province = await db.Organisations.FirstOrDefaultAsync(o => o.Name == "Ủy ban nhân dân tỉnh Điện Biên" && o.Kind == OrganisationKind.Province, ct);
        if (province is null) return;
        var issued = new DateOnly(2021, 3, 15);
        var ict = await PlanBuilder.MatchAsync(db, "Sở Thông tin và Truyền thông", province.Id, issued, ct);
        var doc = new PlanDocument
        {
            Kind = PlanKind.Programme, Number = "45/CTr-UBND", IssuedOn = issued, Place = "Điện Biên", Issuer = "Ủy ban nhân dân tỉnh Điện Biên",
            Title = "Chương trình thông tin đối ngoại tỉnh Điện Biên giai đoạn 2021 – 2025",
            PeriodStart = new DateOnly(2021, 1, 1), PeriodEnd = new DateOnly(2025, 12, 31),
            Themes = [new("1", "Quảng bá hình ảnh Điện Biên – điểm đến lịch sử, văn hóa", [])],
            Assignments =
            [
                new("1", "Sở Thông tin và Truyền thông", null,
                    [new("Chủ trì thông tin đối ngoại trên Cổng thông tin điện tử tỉnh", "hằng năm", null, null, ["1"], null)]),
                new("2", "Sở Văn hóa, Thể thao và Du lịch", null,
                    [new("Tổ chức Lễ hội Hoa Ban gắn với quảng bá du lịch cho khách quốc tế", "hằng năm", null, null, ["1"], null)]),
            ],
            Signer = new("Lò Văn Mừng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        };
        var plan = await PlanBuilder.BuildAsync(db, doc, province.Id, ict, new DateTime(2021, 3, 15, 0, 0, 0, DateTimeKind.Utc), ct);
        plan.Submit();
        plan.Approve();
        plan.IssueAs("45/CTr-UBND", issued, "Điện Biên");
        plan.Close();
        await db.SaveChangesAsync(ct);
        var submitters = await ReportActions.SubmittersAsync(db, plan.Id, ct);
        var themes = await db.Themes.Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        File(db, annual, plan.Id, submitters[0].Id, period, new("", new DateOnly(2022, 12, 9),
            [("articles-language", "Tiếng Việt", 180), ("articles-language", "Tiếng Anh", 12), ("articles-language", "Tiếng Lào", 20), ("false-detected", null, 3), ("false-handled", null, 3)],
            "Đăng 212 tin, bài thông tin đối ngoại, trong đó 20 tin, bài tiếng Lào.", [(1, "Chuyên mục giới thiệu Điện Biên bằng tiếng Lào.")], "Thiếu biên dịch viên tiếng Lào.",
            "Tiếp tục thực hiện Chương trình giai đoạn 2021 – 2025.", "Đề nghị hỗ trợ đào tạo biên dịch viên tiếng Lào."), themes, indicators, byId, true, false);
        File(db, annual, plan.Id, submitters[1].Id, period, new("", new DateOnly(2022, 12, 12),
            [("events", "Trong nước", 4), ("delegations", "Đoàn vào", 5)],
            "Tổ chức Lễ hội Hoa Ban và 3 sự kiện văn hóa có khách quốc tế.", [], "Không có.", "Tiếp tục thực hiện Chương trình giai đoạn 2021 – 2025.", "Không có."),
            themes, indicators, byId, true, false);
        await db.SaveChangesAsync(ct);
        var report = new ConsolidatedReport(annual.Id, plan.Id, plan.LeadOrganisationId, period);
        report.Send(new DateOnly(2022, 12, 27));
        db.ConsolidatedReports.Add(report);
        await db.SaveChangesAsync(ct);
    }
}
