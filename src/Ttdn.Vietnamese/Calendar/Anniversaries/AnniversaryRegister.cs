using Ttdn.Vietnamese.Text;

namespace Ttdn.Vietnamese.Calendar.Anniversaries;

/// <summary>
/// Anniversaries whose dates are settled facts, each with the official source that states it. Names follow the
/// plans' wording (seed plan 241/KH-UBND of Thái Nguyên, 2022) so <see cref="AnniversaryYear"/> writes the plans'
/// own sentences. Festivals whose date the locality announces each year are listed without a date.
/// </summary>
public static class AnniversaryRegister
{
    private const string Government = "Cổng TTĐT Chính phủ (chinhphu.vn) – các ngày lễ lớn";
    private const string LabourCode = "Bộ luật Lao động 2019, Điều 112 – nghỉ lễ, tết";
    private const string Mofa = "Bộ Ngoại giao – quan hệ ngoại giao (mofa.gov.vn)";
    private const string ThaiNguyenPlan = "Kế hoạch TTĐN năm 2022 của UBND tỉnh Thái Nguyên (241/KH-UBND)";

    public const string ThaiNguyen = "Thái Nguyên";

    /// <summary>National days and festivals (Scope null).</summary>
    public static IReadOnlyList<Anniversary> National { get; } =
    [
        Anniversary.Solar("Ngày thành lập Đảng Cộng sản Việt Nam", 1930, 2, 3, AnniversaryKind.National, Government),
        Anniversary.Solar("Ngày giải phóng miền Nam, thống nhất đất nước", 1975, 4, 30, AnniversaryKind.National, Government),
        Anniversary.Solar("Ngày chiến thắng Điện Biên Phủ", 1954, 5, 7, AnniversaryKind.National, Government),
        Anniversary.Solar("Ngày sinh Chủ tịch Hồ Chí Minh", 1890, 5, 19, AnniversaryKind.Leader, Government),
        Anniversary.Solar("Ngày Bác Hồ ra đi tìm đường cứu nước", 1911, 6, 5, AnniversaryKind.Leader, Government),
        Anniversary.Solar("Ngày Thương binh - Liệt sĩ", 1947, 7, 27, AnniversaryKind.National, Government),
        Anniversary.Solar("Cách mạng Tháng Tám thành công", 1945, 8, 19, AnniversaryKind.National, Government),
        Anniversary.Solar("Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 1945, 9, 2, AnniversaryKind.National, Government),
        Anniversary.Lunar("Tết Nguyên Đán", 1, 1, AnniversaryKind.Festival, LabourCode),
        Anniversary.Lunar("Giỗ Tổ Hùng Vương", 3, 10, AnniversaryKind.Festival, LabourCode),
    ];

    /// <summary>Establishment of diplomatic relations between Việt Nam and other countries (Scope null).</summary>
    public static IReadOnlyList<Anniversary> Diplomatic { get; } =
    [
        Relations("Lào", 1962, 9, 5),
        Relations("Campuchia", 1967, 6, 24),
        Relations("Trung Quốc", 1950, 1, 18),
        Relations("Liên bang Nga", 1950, 1, 30, " (thiết lập với Liên Xô; Liên bang Nga kế thừa)"),
        Relations("Hàn Quốc", 1992, 12, 22),
        Relations("Nhật Bản", 1973, 9, 21),
        Relations("Hoa Kỳ", 1995, 7, 12),
        Relations("Ấn Độ", 1972, 1, 7),
        Relations("Australia", 1973, 2, 26),
        Relations("Pháp", 1973, 4, 12),
        Relations("Cộng hòa Liên bang Đức", 1975, 9, 23),
        Relations("Vương quốc Anh", 1973, 9, 11),
        Relations("Thái Lan", 1976, 8, 6),
        Relations("Malaysia", 1973, 3, 30),
        Relations("Singapore", 1973, 8, 1),
        Relations("Philippines", 1976, 7, 12),
        Relations("Indonesia", 1955, 12, 30),
        Relations("Myanmar", 1975, 5, 28),
        Relations("Brunei", 1992, 2, 29),
    ];

    /// <summary>Thái Nguyên's own days and festivals, as named in its 2022 plan.</summary>
    public static IReadOnlyList<Anniversary> ThaiNguyenProvince { get; } =
    [
        Anniversary.Solar(
            "Ngày Chủ tịch Hồ Chí Minh về ATK Định Hóa cùng Trung ương Đảng, Chính phủ lãnh đạo cuộc kháng chiến chống thực dân Pháp",
            1947, 5, 20, AnniversaryKind.Provincial, ThaiNguyenPlan, ThaiNguyen),
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

    private static Anniversary Relations(string country, int year, int month, int day, string note = "") =>
        Anniversary.Solar($"Ngày thiết lập quan hệ ngoại giao Việt Nam - {country}", year, month, day, AnniversaryKind.Diplomatic, Mofa + note);
}
