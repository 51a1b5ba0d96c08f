namespace Ttdn.Plans;

/// <summary>
/// The communication forms plans choose from (domain.md §4): the six forms of the Thái Nguyên plan. Plans keep
/// their own title and description; the code links them for counting across plans and provinces.
/// </summary>
public static class ChannelCatalogue
{
    public sealed record Entry(string Code, string Vietnamese, string English, string[] Keywords);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("PRESS", "Tuyên truyền trên hệ thống báo chí", "Press (print, online, radio, TV)", ["bao chi", "phat thanh", "truyen hinh"]),
        new("EVENTS", "Tuyên truyền qua các sự kiện, hoạt động", "Events, fairs, festivals, press conferences", ["su kien", "hoi cho", "le hoi", "hoat dong"]),
        new("PUBLISHING", "Xuất bản ấn phẩm thông tin đối ngoại", "Publications", ["xuat ban", "an pham"]),
        new("DELEGATIONS", "Tuyên truyền qua các đoàn ra, đoàn vào", "Delegations in and out", ["doan ra", "doan vao", "doan cong tac"]),
        new("GRASSROOTS", "Thông tin cơ sở và cổ động trực quan", "Grassroots information and visual propaganda", ["thong tin co so", "co dong truc quan", "truyen thanh"]),
        new("SOCIAL", "Tuyên truyền trên mạng xã hội và internet", "Social media and the internet", ["mang xa hoi", "internet", "trang thong tin dien tu"]),
        new("OTHER", "Hình thức khác", "Other forms", []),
    ];

    /// <summary>The catalogue entry a plan's own heading names, by keywords; null when none fits.</summary>
    public static Entry? Match(string? title)
    {
        var words = Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(title);
        return All.FirstOrDefault(e => e.Keywords.Any(k => words.Contains(k, StringComparison.Ordinal)));
    }
}
