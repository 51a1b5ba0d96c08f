using Ttdn.Vietnamese.Text;

namespace Ttdn.Vietnamese.Calendar.Anniversaries;

/// <summary>
/// Anniversaries whose dates are settled facts, each with the source that states it (checked 23/11/2026). Names follow the
/// plans' wording (seed plan 241/KH-UBND of Thái Nguyên, 2022) so <see cref="AnniversaryYear"/> writes the plans'
/// own sentences. Festivals whose date the locality announces each year are listed without a date.
/// </summary>
public static class AnniversaryRegister
{
    // Sources checked on 23/11/2026 (official portals, the Vietnam News Agency, the Foreign Ministry's and the army's
    // newspapers, embassies). An entry whose date could not be checked in an official source says so.
    private const string ThaiNguyenPlan = "Kế hoạch TTĐN năm 2022 của UBND tỉnh Thái Nguyên (241/KH-UBND)";
    private const string SeedPlanDates = ThaiNguyenPlan + ", phần II.4 (ghi rõ ngày gốc)";
    private const string LabourCode = "Bộ luật Lao động 2019, Điều 112 khoản 1 (Tết âm lịch; Quốc khánh ngày 02/9; Giỗ Tổ Hùng Vương ngày 10/3 âm lịch)";
    private const string AugustRevolution =
        "Cổng TTĐT xã Bằng Doãn, huyện Đoan Hùng (phutho.gov.vn): \"Kỷ niệm 79 năm Cách mạng Tháng Tám thành công (19/8/1945 – 19/8/2024) và Quốc khánh (02/9/1945 – 02/9/2024)\"";

    public const string ThaiNguyen = "Thái Nguyên";

    /// <summary>National days and festivals (Scope null).</summary>
    public static IReadOnlyList<Anniversary> National { get; } =
    [
        Anniversary.Solar("Ngày thành lập Đảng Cộng sản Việt Nam", 1930, 2, 3, AnniversaryKind.National, SeedPlanDates),
        Anniversary.Solar("Ngày giải phóng miền Nam, thống nhất đất nước", 1975, 4, 30, AnniversaryKind.National,
            SeedPlanDates + "; dufo.dongnai.gov.vn (Sở Ngoại vụ Đồng Nai): \"47th Anniversary of the Liberation of the South (April 30, 1975 - April 30, 2022)\""),
        Anniversary.Solar("Ngày chiến thắng Điện Biên Phủ", 1954, 5, 7, AnniversaryKind.National, SeedPlanDates),
        Anniversary.Solar("Ngày sinh Chủ tịch Hồ Chí Minh", 1890, 5, 19, AnniversaryKind.Leader,
            SeedPlanDates + "; dufo.dongnai.gov.vn (Sở Ngoại vụ Đồng Nai): \"132nd Birth Anniversary of Ho Chi Minh President (19/5/1890 – 19/5/2022)\""),
        Anniversary.Solar("Ngày Bác Hồ ra đi tìm đường cứu nước", 1911, 6, 5, AnniversaryKind.Leader, SeedPlanDates),
        Anniversary.Solar("Ngày Thương binh - Liệt sĩ", 1947, 7, 27, AnniversaryKind.National, SeedPlanDates),
        Anniversary.Solar("Cách mạng Tháng Tám thành công", 1945, 8, 19, AnniversaryKind.National, AugustRevolution),
        Anniversary.Solar("Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 1945, 9, 2, AnniversaryKind.National, LabourCode + "; " + AugustRevolution),
        Anniversary.Lunar("Tết Nguyên Đán", 1, 1, AnniversaryKind.Festival, LabourCode),
        Anniversary.Lunar("Giỗ Tổ Hùng Vương", 3, 10, AnniversaryKind.Festival, LabourCode),
    ];

    /// <summary>Establishment of diplomatic relations between Việt Nam and other countries (Scope null).</summary>
    public static IReadOnlyList<Anniversary> Diplomatic { get; } =
    [
        Relations("Lào", 1962, 9, 5, "TTXVN, en.vietnamplus.vn: \"60th anniversary of Vietnam-Laos diplomatic relations (September 5, 1962 – 2022)\"; Báo QĐND, en.qdnd.vn"),
        Relations("Campuchia", 1967, 6, 24, "Sở Ngoại vụ Hà Nội, dfa.gov.vn: \"50th anniversary of Vietnam-Cambodia diplomatic relations (June 24th, 1967 – 2017)\"; news.chinhphu.vn, 12/2017"),
        Relations("Trung Quốc", 1950, 1, 18, "TTXVN, en.vietnamplus.vn: \"74th founding anniversary of the two countries' diplomatic relations (January 18, 1950 - 2024)\""),
        Relations("Liên bang Nga", 1950, 1, 30, "TTXVN, en.vietnamplus.vn: \"70th founding anniversary of Vietnam-Russia diplomatic relations (January 30, 1950)\"; thiết lập với Liên Xô, Liên bang Nga kế thừa"),
        Relations("Hàn Quốc", 1992, 12, 22, "zingnews.vn, 12/2022, theo thông tin Bộ Ngoại giao: \"thiết lập quan hệ ngoại giao từ ngày 22/12/1992\"; baovephapluat.vn (VKSND tối cao)"),
        Relations("Nhật Bản", 1973, 9, 21, "TTXVN, vietnam.vnanet.vn: lễ kỷ niệm 50 năm do Bộ Ngoại giao đồng tổ chức (September 21, 1973 - 2023)"),
        Relations("Hoa Kỳ", 1995, 7, 12, "TTXVN, vietnam.vnanet.vn: \"20th anniversary of the establishment of Vietnam-US diplomatic ties (12/7/1995 - 12/7/2015)\" (Thủ tướng Võ Văn Kiệt công bố ngày 12/7/1995; phía Hoa Kỳ công bố 11/7/1995 giờ Washington)"),
        Relations("Ấn Độ", 1972, 1, 7, "Đại sứ quán Ấn Độ tại Hà Nội, indembassyhanoi.gov.in: \"India and Vietnam established formal Diplomatic Relations on 7 January 1972\""),
        Relations("Australia", 1973, 2, 26, "Báo Thế giới và Việt Nam (Bộ Ngoại giao), en.baoquocte.vn: \"50th founding anniversary of Vietnam-Australia diplomatic ties (February 26, 1973 - 2023)\""),
        Relations("Pháp", 1973, 4, 12, "Báo Nhân Dân, special.nhandan.vn/50nam_VN_FR: \"Le Vietnam et la France ont établi leurs relations diplomatiques le 12 avril 1973\""),
        Relations("Cộng hòa Liên bang Đức", 1975, 9, 23, "Báo Thế giới và Việt Nam (Bộ Ngoại giao), en.baoquocte.vn: \"50th anniversary of Vietnam-Germany diplomatic relations (23/9/1975 - 23/9/2025)\"; CHDC Đức đã thiết lập ngày 16/12/1954"),
        Relations("Vương quốc Anh", 1973, 9, 11, "TTXVN, vietnam.vnanet.vn: \"Vietnam and the UK officially established diplomatic relations on September 11, 1973\""),
        Relations("Thái Lan", 1976, 8, 6, "TTXVN, en.vietnamplus.vn: \"Vietnam and Thailand officially established diplomatic ties on August 6, 1976\""),
        Relations("Malaysia", 1973, 3, 30, "Vietnam News (TTXVN), 31/3/2023: \"50th anniversary of the two nations' diplomatic relations (March 30, 1973-2023)\""),
        Relations("Singapore", 1973, 8, 1, "Bộ Ngoại giao Singapore, mfa.gov.sg (1/8/2013): \"Singapore and Vietnam established diplomatic relations on 1 August 1973\"; Báo Nhân Dân, en.nhandan.vn"),
        Relations("Philippines", 1976, 7, 12, "TTXVN, en.vietnamplus.vn: \"Vietnam and the Philippines established diplomatic relations on July 12, 1976\""),
        Relations("Indonesia", 1955, 12, 30, "TTXVN, en.vietnamplus.vn: \"established diplomatic ties at the consular level on December 30, 1955 and upgraded to ambassadorial level a decade later\""),
        Relations("Myanmar", 1975, 5, 28, "Báo QĐND, en.qdnd.vn: \"the two countries established their diplomatic ties on May 28, 1975\"; TTXVN, fr.vietnamplus.vn"),
        Relations("Brunei", 1992, 2, 29, "TTXVN, en.vietnamplus.vn: \"Vietnam and Brunei established diplomatic ties on February 29, 1992\""),
    ];

    /// <summary>Thái Nguyên's own days and festivals, as named in its 2022 plan.</summary>
    public static IReadOnlyList<Anniversary> ThaiNguyenProvince { get; } =
    [
        Anniversary.Solar(
            "Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa cùng Trung ương Đảng, Chính phủ lãnh đạo cuộc kháng chiến chống thực dân Pháp",
            1947, 5, 20, AnniversaryKind.Provincial, SeedPlanDates, ThaiNguyen),
        Anniversary.Undated("Lễ hội Lồng Tồng (ATK Định Hóa)", AnniversaryKind.Festival, $"{ThaiNguyenPlan}; {Anniversary.DateAnnouncedLocally}", ThaiNguyen),
        Anniversary.Undated("Lễ hội Chùa Hang (huyện Đồng Hỷ)", AnniversaryKind.Festival, $"{ThaiNguyenPlan}; {Anniversary.DateAnnouncedLocally}", ThaiNguyen),
        Anniversary.Undated("Lễ hội Đền Đuôm (huyện Phú Lương)", AnniversaryKind.Festival, $"{ThaiNguyenPlan}; {Anniversary.DateAnnouncedLocally}", ThaiNguyen),
        Anniversary.Undated("Lễ hội văn hóa Trà", AnniversaryKind.Festival, $"{ThaiNguyenPlan}; {Anniversary.DateAnnouncedLocally}", ThaiNguyen),
    ];

    /// <summary>Every anniversary in the register.</summary>
    public static IReadOnlyList<Anniversary> All { get; } = [.. National, .. Diplomatic, .. ThaiNguyenProvince];

    /// <summary>
    /// The national and diplomatic anniversaries, plus, when <paramref name="province"/> is given, that province's
    /// (matched insensitive to case and diacritics: "thai nguyen" = "Thái Nguyên"; a leading "tỉnh" is ignored).
    /// </summary>
    public static IReadOnlyList<Anniversary> ForProvince(string? province)
    {
        string? name = province?.Trim();
        if (name is not null && VietnameseText.Fold(name).StartsWith("tinh ", StringComparison.Ordinal))
            name = name[(name.IndexOfAny([' ', '\t']) + 1)..].Trim();
        return [.. All.Where(a => a.Scope is null || (!string.IsNullOrWhiteSpace(name) && VietnameseText.EqualsFolded(a.Scope, name)))];
    }

    private static Anniversary Relations(string country, int year, int month, int day, string source) =>
        Anniversary.Solar($"Ngày thiết lập quan hệ ngoại giao Việt Nam - {country}", year, month, day, AnniversaryKind.Diplomatic, source);
}
