using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;

namespace Ttdn.Monitoring.Digests;

/// <summary>
/// A day's press digest ("bản tin điểm báo") about the home province: counts, what needs attention (negative items,
/// foreign coverage), the day's stories (near-duplicate clusters) and every item. The day runs 00:00–24:00 in Vietnam (UTC+7).
/// </summary>
public sealed record DigestContent(DateOnly Day, string ProvinceName, int Total, int Foreign, int Positive, int Neutral, int Negative,
    double AveragePerDay, IReadOnlyList<ItemView> Attention, IReadOnlyList<(ItemView First, int Items, int Sources)> Stories, IReadOnlyList<ItemView> Items)
{
    public const int MaxItems = 300;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static DateTime StartUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Vietnam, DateTimeKind.Utc);

    public static async Task<DigestContent> BuildAsync(AppDb db, DateOnly day, string provinceKey, string provinceName, CancellationToken ct = default)
    {
        var from = StartUtc(day);
        var to = from.AddDays(1);
        var engine = MediaSearch.For(db);
        var hits = await engine.SearchAsync(db, new MediaFilter(From: from, To: to, ProvinceKey: provinceKey, Order: SearchOrder.Newest, Limit: MediaSearch.MaxLimit), ct);
        var items = (await ItemView.LoadAsync(db, hits.Ids, null, ct)).Take(MaxItems).ToList();
        var week = await db.MediaItems.AsNoTracking()
            .CountAsync(i => i.PublishedAt >= from.AddDays(-7) && i.PublishedAt < from && db.MediaMentions.Any(m => m.ItemId == i.Id && m.ProvinceKey == provinceKey), ct);
        var attention = items.Where(i => i.Tone == Tone.Negative).OrderByDescending(i => i.Foreign).ThenByDescending(i => i.PublishedAt).Take(20).ToList();
        var stories = items.GroupBy(i => i.ClusterId).Where(g => g.Count() > 1)
            .Select(g => (First: g.MinBy(i => i.PublishedAt)!, Items: g.Count(), Sources: g.Select(i => i.SourceId).Distinct().Count()))
            .OrderByDescending(s => s.Items).Take(10).ToList();
        return new DigestContent(day, provinceName, hits.Total, items.Count(i => i.Foreign), items.Count(i => i.Tone == Tone.Positive),
            items.Count(i => i.Tone == Tone.Neutral), items.Count(i => i.Tone == Tone.Negative), week / 7.0, attention, stories, items);
    }

    public static string ToneText(Tone tone) => tone switch { Tone.Positive => "Tích cực", Tone.Negative => "Tiêu cực", _ => "Trung tính" };

    private static string Local(DateTime utc) => (utc + Vietnam).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The summary sentence the mail and the document both open with.</summary>
    public string Summary() =>
        $"Ngày {Day:dd/MM/yyyy} có {Total} tin, bài về tỉnh {ProvinceName} ({Total - Foreign} trong nước, {Foreign} nước ngoài; " +
        $"{Positive} tích cực, {Neutral} trung tính, {Negative} tiêu cực); trung bình 7 ngày trước: {AveragePerDay:0.#} tin/ngày.";

    public OfficialDocument ToDocument(string issuer, string? parentIssuer)
    {
        var body = new List<OfficialDocument.Block>
        {
            new OfficialDocument.Heading(1, "I.", "TỔNG QUAN"),
            new OfficialDocument.Paragraph(Summary()),
            new OfficialDocument.Heading(1, "II.", "TIN CẦN LƯU Ý"),
        };
        if (Attention.Count == 0) body.Add(new OfficialDocument.Paragraph("Không có tin tiêu cực trong ngày."));
        body.AddRange(Attention.Select(i => new OfficialDocument.Bullet($"{i.Title} — {i.Source}{(i.Foreign ? " (nước ngoài)" : "")}, {Local(i.PublishedAt)}. {i.Url}")));
        body.Add(new OfficialDocument.Heading(1, "III.", "CÁC SỰ KIỆN ĐƯỢC NHIỀU BÁO ĐĂNG"));
        if (Stories.Count == 0) body.Add(new OfficialDocument.Paragraph("Không có tin được đăng lại trên nhiều nguồn."));
        else body.Add(new OfficialDocument.Table(["Sự kiện (tin đầu tiên)", "Số tin", "Số nguồn"],
            Stories.Select(s => new List<string> { s.First.Title, s.Items.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Sources.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList()));
        body.Add(new OfficialDocument.Heading(1, "IV.", "DANH SÁCH TIN, BÀI"));
        if (Items.Count == 0) body.Add(new OfficialDocument.Paragraph("Không có tin, bài nào trong ngày."));
        else body.Add(new OfficialDocument.Table(["STT", "Tiêu đề", "Nguồn", "Thời gian", "Sắc thái"],
            Items.Select((i, n) => new List<string> { (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i.Title, i.Source, Local(i.PublishedAt), ToneText(i.Tone) }).ToList()));
        if (Total > Items.Count) body.Add(new OfficialDocument.Paragraph($"(Còn {Total - Items.Count} tin khác: xem trên hệ thống.)"));
        return new OfficialDocument
        {
            ParentIssuer = parentIssuer, Issuer = issuer, Kind = "BẢN TIN", Date = Day.AddDays(1), Place = ProvinceName,
            Title = $"Điểm báo ngày {Day:dd/MM/yyyy}: thông tin báo chí, mạng xã hội về tỉnh {ProvinceName}",
            Body = body, Recipients = ["- Lãnh đạo UBND tỉnh;", "- Lưu: VT."],
        };
    }
}
