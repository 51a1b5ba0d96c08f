using System.Globalization;

namespace Ttdn.Documents;

/// <summary>
/// The fixed lines of a Decree 30/2020 header, as text: every renderer (DOCX now, others later) prints the same words.
/// </summary>
public static class OfficialDocumentText
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string RecipientsLabel = "Nơi nhận:";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Số: 241/KH-UBND"; a draft without a number leaves the blank officials fill in by hand.</summary>
    public static string NumberLine(OfficialDocument doc) =>
        doc.Number is { Length: > 0 } number ? $"Số: {number}" : $"Số:        /{doc.Symbol ?? ""}";

    /// <summary>"Thái Nguyên, ngày 28 tháng 12 năm 2021", or with blanks while undated.</summary>
    public static string PlaceAndDateLine(OfficialDocument doc)
    {
        var place = doc.Place is { Length: > 0 } p ? p + ", " : "";
        return doc.Date is { } d ? place + DateInWords(d) : place + "ngày      tháng      năm      ";
    }

    /// <summary>
    /// Decree 30/2020, Annex I: days below 10 and months below 3 get a leading zero ("ngày 05 tháng 02"), so a
    /// handwritten digit cannot be added later; other months are written plain ("tháng 3").
    /// </summary>
    public static string DateInWords(DateOnly date)
    {
        var day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Upper case the Vietnamese way (the layout capitalises issuer lines and the document kind).</summary>
    public static string Upper(string text) => text.ToUpper(Vietnamese);

    /// <summary>The issuer as printed: upper case, one entry per line (a line break in the model starts a new line).</summary>
    public static IReadOnlyList<string> IssuerLines(string issuer) =>
        [.. issuer.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Upper)];
}
