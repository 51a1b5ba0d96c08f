namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Words and phrases that carry tone, negations that flip the next one, intensifiers that double it. Vietnamese
/// entries are written with diacritics and matched with them when the text has them ("cháy" fire, not "chạy"
/// run); a text typed without diacritics is matched on folded words.
/// </summary>
internal static class ToneLexicon
{
    public static readonly string[] VietnamesePositive =
    [
        "thành công", "phát triển", "tăng trưởng", "hiệu quả", "tích cực", "thành tựu", "ấn tượng", "tốt đẹp", "hấp dẫn",
        "nổi bật", "xuất sắc", "kỷ lục", "thu hút", "đột phá", "vượt bậc", "khen thưởng", "tự hào", "vinh danh",
        "giải thưởng", "thuận lợi", "sôi nổi", "hài lòng", "ủng hộ", "đánh giá cao", "khởi sắc", "vượt kế hoạch",
        "an toàn", "thịnh vượng", "hạnh phúc", "tốt", "đẹp", "vui mừng", "phấn khởi", "hoan nghênh", "thân thiện",
        "mến khách", "hợp tác", "hữu nghị", "bền vững", "cải thiện", "giảm nghèo", "đạt kết quả", "vượt chỉ tiêu",
    ];

    public static readonly string[] VietnameseNegative =
    [
        "tai nạn", "thiệt hại", "ô nhiễm", "tham nhũng", "sai phạm", "vi phạm", "thiên tai", "lũ lụt", "lũ quét",
        "sạt lở", "cháy", "hỏa hoạn", "tử vong", "thiệt mạng", "bị bắt", "khởi tố", "lừa đảo", "suy giảm", "thất bại",
        "yếu kém", "bất cập", "khiếu nại", "bức xúc", "tiêu cực", "chống phá", "sai trái", "sai sự thật", "xuyên tạc",
        "tổn thất", "thua lỗ", "ngưng trệ", "xử phạt", "dịch bệnh", "khủng hoảng", "chậm trễ", "ùn tắc", "gian lận",
        "buôn lậu", "ma túy", "nguy hiểm", "thất nghiệp", "phá sản", "đình công", "bạo lực", "kém", "xấu",
        "nghiêm trọng", "lo ngại", "chỉ trích", "phản đối", "bê bối", "hư hỏng", "xuống cấp", "mất an toàn", "tắc nghẽn",
    ];

    public static readonly string[] EnglishPositive =
    [
        "success", "successful", "growth", "grow", "improve", "improved", "record", "award", "celebrate", "praise",
        "praised", "attractive", "impressive", "outstanding", "boost", "thrive", "prosperous", "welcome", "friendly",
        "good", "great", "excellent", "beautiful", "win", "won", "progress", "achievement", "achievements", "benefit",
        "strong", "safe", "popular", "cooperation", "sustainable",
    ];

    public static readonly string[] EnglishNegative =
    [
        "accident", "damage", "damaged", "pollution", "polluted", "corruption", "violation", "disaster", "flood",
        "floods", "flooding", "landslide", "landslides", "fire", "dead", "death", "deaths", "killed", "arrested",
        "fraud", "scam", "decline", "failure", "failed", "complaint", "complaints", "protest", "loss", "losses",
        "crisis", "delay", "delays", "smuggling", "drugs", "dangerous", "unemployment", "bankrupt", "violence", "bad",
        "poor", "weak", "concern", "concerns", "criticism", "criticised", "criticized", "scandal", "collapse", "fell",
    ];

    public static readonly string[] ChinesePositive = ["成功", "发展", "增长", "合作", "友好", "繁荣", "优秀", "美丽"];

    public static readonly string[] ChineseNegative = ["事故", "污染", "腐败", "灾害", "洪水", "死亡", "诈骗", "危机", "走私"];

    public static readonly string[] KoreanPositive = ["성공", "발전", "성장", "협력", "우호", "아름다운", "우수"];

    public static readonly string[] KoreanNegative = ["사고", "오염", "부패", "재해", "홍수", "사망", "사기", "위기", "밀수"];

    /// <summary>Phrases that contain a negation or tone word but carry no tone ("không khí" air, "hàng không").</summary>
    public static readonly string[] Neutral = ["không khí", "hàng không", "không gian", "không chỉ", "không ngừng", "không ảnh", "no longer"];

    public static readonly string[] Negations = ["không", "chưa", "chẳng", "không hề", "chưa từng", "không còn", "not", "no", "never", "without", "isn't", "wasn't", "don't", "didn't", "doesn't"];

    public static readonly string[] Intensifiers = ["rất", "cực kỳ", "vô cùng", "hết sức", "đặc biệt", "very", "extremely", "highly", "seriously", "severely"];
}
