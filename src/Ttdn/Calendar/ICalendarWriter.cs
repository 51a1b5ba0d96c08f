using System.Globalization;
using System.Text;

namespace Ttdn.Calendar;

/// <summary>
/// Writes an iCalendar (RFC 5545) document by hand: no iCalendar package is available here, and the subset needed
/// (all-day events) is small. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character;
/// TEXT values escape backslash, semicolon, comma and newlines.
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//TTDN//Lich thong tin doi ngoai//VI";

    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries, DateTimeOffset stamp)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:" + ProductId);
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in entries)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{e.Uid}@ttdn");
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART;VALUE=DATE:" + Day(e.Start));
            // DTEND of an all-day event is exclusive: the day after the last day.
            Line(sb, "DTEND;VALUE=DATE:" + Day(e.End.AddDays(1)));
            Line(sb, "SUMMARY:" + Escape(e.Title));
            if (!string.IsNullOrWhiteSpace(e.Detail)) Line(sb, "DESCRIPTION:" + Escape(e.Detail));
            Line(sb, "CATEGORIES:" + e.Kind.ToString().ToUpperInvariant());
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded into pieces of at most 75 octets; continuation lines start with one space.</summary>
    public static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts toward the 75
            }
            sb.Append(line, i, width);
            octets += bytes;
            i += width;
        }
        sb.Append("\r\n");
    }

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
