using System.Globalization;
using System.Text.RegularExpressions;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Dates as feeds really write them: RFC 822 with or without the weekday, two-digit years, named zones (GMT, EST,
/// ICT…), ISO 8601 with or without the zone, and the dd/MM/yyyy HH:mm of Vietnamese sites. A date without a zone is
/// taken as UTC+7 only for the dd/MM/yyyy form (a Vietnamese site); otherwise as UTC.
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, string> NamedZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["ICT"] = "+07:00", ["JST"] = "+09:00", ["KST"] = "+09:00", ["CET"] = "+01:00", ["CEST"] = "+02:00",
    };

    private static readonly string[] RfcFormats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy",
    ];

    private static readonly string[] VietnameseFormats = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy", "H:mm d/M/yyyy"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = Spaces().Replace(text.Trim(), " ");

        if (char.IsDigit(s[0]) && s.Length >= 10 && s[4] == '-'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return iso;
        }

        var rfc = Weekday().Replace(s, "");
        rfc = ZoneName().Replace(rfc, m => NamedZones.TryGetValue(m.Groups[1].Value, out var offset) ? " " + offset : m.Value);
        rfc = NumericZone().Replace(rfc, m => $" {m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}");
        if (DateTimeOffset.TryParseExact(rfc, RfcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        var vn = s.Replace(" - ", " ").Replace(',', ' ');
        vn = Spaces().Replace(vn, " ").Trim();
        if (DateTime.TryParseExact(vn, VietnameseFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(7));
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s*")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s([A-Za-z]{1,4})$")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"\s([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex NumericZone();
}
