using Ttdn.Monitoring.Fetching;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Processing;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>Words (and status colours from site.css) for the monitoring enums: colour is never the only cue.</summary>
public static class MonitorLabels
{
    public static string Of(Tone tone) => tone switch
    {
        Tone.Positive => Lang.T("Tích cực", "Positive"),
        Tone.Negative => Lang.T("Tiêu cực", "Negative"),
        _ => Lang.T("Trung tính", "Neutral"),
    };

    public static string Css(Tone tone) => tone switch { Tone.Positive => "done", Tone.Negative => "overdue", _ => "notstarted" };

    public static string Colour(Tone tone) => tone switch { Tone.Positive => Svg.Palette.Ok, Tone.Negative => Svg.Palette.Error, _ => Svg.Palette.Muted };

    public static string Of(SourceHealthStatus status) => status switch
    {
        SourceHealthStatus.Healthy => Lang.T("Hoạt động tốt", "Healthy"),
        SourceHealthStatus.Failing => Lang.T("Đang lỗi", "Failing"),
        SourceHealthStatus.Quiet => Lang.T("Im lặng bất thường", "Gone quiet"),
        _ => Lang.T("Mới", "New"),
    };

    public static string Css(SourceHealthStatus status) => status switch
    {
        SourceHealthStatus.Healthy => "done", SourceHealthStatus.Failing => "overdue", SourceHealthStatus.Quiet => "late", _ => "ontime",
    };

    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.Press => Lang.T("Báo chí", "Press"),
        SourceKind.GovernmentPortal => Lang.T("Cổng thông tin chính quyền", "Government portal"),
        SourceKind.SocialAccount => Lang.T("Tài khoản mạng xã hội", "Social media account"),
        SourceKind.Blog => Lang.T("Blog", "Blog"),
        _ => Lang.T("Khác", "Other"),
    };

    public static string Of(SourceFormat format) => format switch
    {
        SourceFormat.Auto => Lang.T("Tự nhận dạng", "Detect automatically"),
        SourceFormat.Rss => "RSS",
        SourceFormat.Atom => "Atom",
        SourceFormat.JsonFeed => "JSON Feed",
        SourceFormat.Sitemap => Lang.T("Sơ đồ trang (sitemap)", "Sitemap"),
        SourceFormat.Listing => Lang.T("Trang danh sách tin", "Listing page"),
        _ => Lang.T("Chỉ nhập từ tệp", "Imports only"),
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.SavedSearchMatch => Lang.T("Tin mới khớp tìm kiếm đã lưu", "New match for a saved search"),
        AlertKind.NegativeForeign => Lang.T("Tin tiêu cực trên báo nước ngoài", "Negative item in foreign press"),
        AlertKind.VolumeSpike => Lang.T("Số tin tăng đột biến", "Spike in volume"),
        AlertKind.SourceQuiet => Lang.T("Nguồn tin im lặng bất thường", "Source gone quiet"),
        _ => Lang.T("Nguồn tin bị lỗi", "Source failing"),
    };

    public static string Language(string code) =>
        Languages.Names.TryGetValue(code, out var n) ? Lang.T(n.Vi, n.En) : code;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> ProvinceNames = new(() =>
        DefaultGazetteer.Entries().Where(e => e.Kind == "province").GroupBy(e => e.ProvinceKey).ToDictionary(g => g.Key, g => g.First().Name));

    /// <summary>The 34 provinces by name, for the province filter.</summary>
    public static IEnumerable<(string Key, string Name)> Provinces =>
        ProvinceNames.Value.OrderBy(p => p.Value, StringComparer.Create(Lang.Vietnamese, false)).Select(p => (p.Key, p.Value));

    public static string Province(string key) => ProvinceNames.Value.TryGetValue(key, out var n) ? n : key;
}
