using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ttdn.Data;
using Ttdn.Monitoring;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Search;

namespace Ttdn.Tests.Monitoring;

/// <summary>A small corpus written for these tests: each item is here for the trap or the feature named in its comment.</summary>
internal static class MediaCorpus
{
    /// <summary>A source of imported items (no feed to fetch), saved.</summary>
    public static async Task<MediaSource> ImportSourceAsync(AppDb db, TimeProvider clock, string name)
    {
        var source = new MediaSource { Name = name, Format = SourceFormat.Import, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.MediaSources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    private static DateTime At(int day, int hour = 8) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    public static readonly IncomingItem[] Items =
    [
        // Plain Vietnamese news about the province, with a landmark: found by "thai nguyen", "ho nui coc" and the phrase.
        new("https://baothainguyen.vn/tin/1", "Thái Nguyên đón 2 triệu lượt khách du lịch",
            "Năm nay tỉnh Thái Nguyên đón hơn 2 triệu lượt khách. Khu du lịch Hồ Núi Cốc và vùng chè Tân Cương thu hút du khách trong và ngoài nước.", At(2), null),
        // The same story re-posted with another title: one cluster with item 1.
        new("https://www.dantri.com.vn/du-lich/thai-nguyen-2-trieu-khach.htm?utm_source=fb", "Hơn 2 triệu lượt khách đến Thái Nguyên",
            "Năm nay tỉnh Thái Nguyên đón hơn 2 triệu lượt khách. Khu du lịch Hồ Núi Cốc và vùng chè Tân Cương thu hút du khách trong và ngoài nước.", At(2, 10), null),
        // Điện Biên written in NFD (as some phones send it): "Dien Bien" must find it.
        new("https://baodienbien.vn/tin/7", "Lễ hội Hoa Ban".Normalize(System.Text.NormalizationForm.FormD),
            "Điện Biên tổ chức Lễ hội Hoa Ban với nhiều hoạt động văn hóa đặc sắc.".Normalize(System.Text.NormalizationForm.FormD), At(3), null),
        // Old tone placement ("hoá") and upper case: "van hoa" finds it.
        new("https://vnexpress.net/van-hoa-1", "VĂN HOÁ TRÀ THÁI NGUYÊN", "Không gian văn hoá trà được giới thiệu tại hội chợ.", At(4), null),
        // Thái Bình is not Thái Nguyên: this item must not count for thai-nguyen.
        new("https://baothaibinh.com.vn/tin/3", "Thái Bình khởi công cầu mới", "Tỉnh Thái Bình khởi công cây cầu mới bắc qua sông Trà Lý.", At(4, 9), null),
        // English, foreign outlet, negative: an alert for the province.
        new("https://example-news.com/asia/thai-nguyen-factory", "Protests over pollution at Thai Nguyen factory",
            "Residents in Thai Nguyen province protested against serious pollution and a corruption scandal at a factory, criticising the failure of local officials.", At(5), "en"),
        // Chinese: 太原省 is the Vietnamese province; found by the Chinese query.
        new("https://example.cn/news/1", "越南太原省茶叶出口增长", "越南太原省的茶叶出口今年增长明显。", At(5, 3), null),
        // Korean.
        new("https://example.kr/news/1", "타이응우옌성 투자 확대", "삼성은 타이응우옌성에 대한 투자를 확대한다고 밝혔다.", At(5, 4), null),
        // A different story about the same place: not in the cluster of items 1–2.
        new("https://baothainguyen.vn/tin/9", "Thái Nguyên họp báo về kinh tế - xã hội", "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên tổ chức họp báo định kỳ quý IV.", At(6), null),
    ];

    /// <summary>
    /// PostgreSQL: every id whose tsvector matches the text, newest first, by one plain walk of the index. What the
    /// chunked walk (decision 0026) and the phrase index (0028) must reproduce.
    /// </summary>
    public static async Task<List<long>> PlainNewestAsync(AppDb db, string text)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"ItemId\" FROM \"MediaSearch\" WHERE \"Document\" @@ to_tsquery('simple', @q) ORDER BY \"ItemId\" DESC", connection);
        command.Parameters.AddWithValue("q", SearchQuery.Parse(text).ToTsQuery());
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
