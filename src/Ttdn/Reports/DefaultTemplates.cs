using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;

namespace Ttdn.Reports;

/// <summary>
/// The templates a new installation starts with: the TTĐN annual and six-month reports (active), quarterly and monthly
/// variants (inactive until a province needs them), the national award's 01/07–30/06 year and the national office's
/// annual consolidation of provinces. All of it is data an administrator edits (domain.md §9).
/// </summary>
public static class DefaultTemplates
{
    public const string Annual = "ttdn-annual", SixMonths = "ttdn-half", Quarterly = "ttdn-quarter", Monthly = "ttdn-month",
        Award = "ttdn-award", National = "ttdn-national";

    public static readonly string[] Languages = ["Tiếng Việt", "Tiếng Anh", "Tiếng Trung", "Tiếng Hàn", "Tiếng Lào", "Tiếng khác"];
    public static readonly string[] Outlets = ["Báo in", "Báo điện tử, trang thông tin điện tử", "Phát thanh", "Truyền hình", "Mạng xã hội"];
    public static readonly string[] Sources = ["Ngân sách tỉnh", "Ngân sách trung ương", "Xã hội hóa, tài trợ", "Khác"];

    public static IReadOnlyList<Indicator> Indicators() =>
    [
        new("articles-language", "1. Thông tin, tuyên truyền", "Tin, bài, phóng sự về thông tin đối ngoại (theo ngôn ngữ)", "tin, bài", Languages, "tin, bài"),
        new("articles-outlet", "1. Thông tin, tuyên truyền", "Tin, bài, phóng sự về thông tin đối ngoại (theo loại hình)", "tin, bài", Outlets),
        new("broadcast-programmes", "1. Thông tin, tuyên truyền", "Chương trình, chuyên mục phát thanh, truyền hình", "chương trình", ["Phát thanh", "Truyền hình"], "chương trình"),
        new("broadcast-minutes", "1. Thông tin, tuyên truyền", "Thời lượng phát sóng", "phút", ["Phát thanh", "Truyền hình"]),
        new("foreign-products", "1. Thông tin, tuyên truyền", "Sản phẩm thông tin bằng tiếng nước ngoài", "sản phẩm", Languages[1..]),
        new("publication-titles", "2. Xuất bản phẩm", "Ấn phẩm, xuất bản phẩm (đầu ấn phẩm)", "đầu ấn phẩm"),
        new("publication-copies", "2. Xuất bản phẩm", "Số bản ấn phẩm in, phát hành", "cuốn", Languages, "cuốn"),
        new("publication-languages", "2. Xuất bản phẩm", "Số ngôn ngữ của ấn phẩm", "ngôn ngữ"),
        new("events", "3. Hoạt động đối ngoại", "Sự kiện, hội chợ, triển lãm, lễ hội", "sự kiện", ["Trong nước", "Nước ngoài"], "sự kiện"),
        new("delegations", "3. Hoạt động đối ngoại", "Đoàn công tác", "đoàn", ["Đoàn ra", "Đoàn vào"]),
        new("foreign-reporters", "3. Hoạt động đối ngoại", "Phóng viên nước ngoài được đón tiếp", "lượt"),
        new("press-conferences", "3. Hoạt động đối ngoại", "Họp báo, giao ban báo chí", "cuộc", ["Họp báo", "Giao ban báo chí"], "cuộc"),
        new("trainings", "4. Tập huấn, bồi dưỡng", "Lớp tập huấn, bồi dưỡng", "lớp", null, "lớp"),
        new("trainees", "4. Tập huấn, bồi dưỡng", "Học viên được tập huấn, bồi dưỡng", "người"),
        new("social-posts", "5. Mạng xã hội", "Bài đăng trên mạng xã hội", "bài", ["Facebook", "YouTube", "Zalo", "TikTok", "Khác"]),
        new("social-reach", "5. Mạng xã hội", "Lượt tiếp cận trên mạng xã hội", "lượt"),
        new("false-detected", "6. Thông tin sai sự thật", "Vụ việc thông tin sai sự thật được phát hiện", "vụ"),
        new("false-handled", "6. Thông tin sai sự thật", "Vụ việc thông tin sai sự thật đã xử lý", "vụ"),
        new("award-entries", "7. Giải thưởng", "Tác phẩm tham dự Giải thưởng thông tin đối ngoại", "tác phẩm"),
        new("award-prizes", "7. Giải thưởng", "Giải thưởng đạt được", "giải"),
        new("budget-planned", "8. Kinh phí", "Kinh phí dự toán", "triệu đồng", Sources),
        new("budget-spent", "8. Kinh phí", "Kinh phí đã chi", "triệu đồng", Sources),
    ];

    public static IReadOnlyList<OutlineSection> Outline() =>
    [
        new() { Key = "results", Number = "I", Title = "Kết quả thực hiện", Results = true },
        new() { Key = "shortcomings", Number = "II", Title = "Tồn tại, hạn chế và nguyên nhân" },
        new() { Key = "next", Number = "III", Title = "Phương hướng, nhiệm vụ kỳ tới" },
        new() { Key = "proposals", Number = "IV", Title = "Đề xuất, kiến nghị" },
    ];

    private static readonly string[] ProvinceReceivers =
    [
        "Bộ Văn hóa, Thể thao và Du lịch (Cục Thông tin cơ sở và Thông tin đối ngoại)",
        "Thường trực Tỉnh ủy",
        "Thường trực HĐND tỉnh",
        "Chủ tịch, các PCT UBND tỉnh",
        "Ban Tuyên giáo Tỉnh ủy",
        "Lưu: VT, KGVX",
    ];

    public static async Task EnsureAsync(AppDb db, CancellationToken ct = default)
    {
        if (await db.ReportTemplates.AnyAsync(ct)) return;
        var indicators = Indicators().ToList();
        db.Indicators.AddRange(indicators);
        await db.SaveChangesAsync(ct);
        var national = await db.Organisations.Where(o => o.Name == "Cục Thông tin cơ sở và Thông tin đối ngoại").Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);

        ReportTemplate Make(string code, string name, PeriodKind kind, int offset, bool active, ReportLevel level = ReportLevel.Province, int startMonth = 1,
            int? consolidator = null, string[]? receivers = null)
        {
            var t = new ReportTemplate(code, name, kind, offset, level, startMonth);
            t.Update(name, kind, startMonth, offset, level, consolidator, receivers ?? ProvinceReceivers, active);
            t.SetSections(Outline());
            t.SetIndicators(indicators.Select(i => i.Id));
            return t;
        }

        db.ReportTemplates.AddRange(
            Make(Annual, "Báo cáo kết quả công tác thông tin đối ngoại năm", PeriodKind.Year, -21, true),
            Make(SixMonths, "Báo cáo công tác thông tin đối ngoại 6 tháng", PeriodKind.HalfYear, -15, true),
            Make(Quarterly, "Báo cáo công tác thông tin đối ngoại quý", PeriodKind.Quarter, 5, false),
            Make(Monthly, "Báo cáo công tác thông tin đối ngoại tháng", PeriodKind.Month, 5, false),
            Make(Award, "Báo cáo tác phẩm dự Giải thưởng thông tin đối ngoại (01/07–30/06)", PeriodKind.Custom, 15, false, startMonth: 7),
            Make(National, "Tổng hợp báo cáo công tác thông tin đối ngoại của các tỉnh", PeriodKind.Year, 15, true, ReportLevel.National, 1, national,
                ["Bộ trưởng (để báo cáo)", "Các Thứ trưởng", "Lưu: VT, TTCS&TTĐN"]));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The consolidating organisation of a national template, or the national TTĐN office of the directory.</summary>
    public static async Task<Organisation?> NationalOfficeAsync(AppDb db, ReportTemplate template, CancellationToken ct = default) =>
        template.ConsolidatorId is { } id ? await db.Organisations.FindAsync([id], ct) : null;
}
