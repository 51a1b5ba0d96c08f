namespace Ttdn.Monitoring.Ingestion;

/// <summary>Language codes as stored: ISO 639-1, lower case ("vi", "en", "zh", "ko"); "zh-CN" or "vi_VN" become their language.</summary>
public static class Languages
{
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> Names = new Dictionary<string, (string, string)>
    {
        ["vi"] = ("Tiếng Việt", "Vietnamese"), ["en"] = ("Tiếng Anh", "English"), ["zh"] = ("Tiếng Trung", "Chinese"),
        ["ko"] = ("Tiếng Hàn", "Korean"), ["ja"] = ("Tiếng Nhật", "Japanese"), ["lo"] = ("Tiếng Lào", "Lao"),
        ["fr"] = ("Tiếng Pháp", "French"), ["ru"] = ("Tiếng Nga", "Russian"), ["und"] = ("Chưa xác định", "Undetermined"),
    };

    /// <summary>The stored code, or null for something that is not a language code.</summary>
    public static string? Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var main = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return main.Length is 2 or 3 && main.All(char.IsAsciiLetterLower) ? main : null;
    }
}
