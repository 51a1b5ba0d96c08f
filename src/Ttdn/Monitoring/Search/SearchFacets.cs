using System.Globalization;
using System.Text;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// What a search can filter on, written into the full-text index next to the words (docs/decisions/0023): the month
/// an item was published (UTC), its language, its source and the provinces it mentions. A common word with a filter
/// ("tỉnh" in March, "du lịch" about Thái Nguyên) is then one intersection inside the index, instead of a walk over
/// every match that joins and tests its item. The exact filters on the item still apply; facets only narrow the walk.
/// Tokens are letters and digits only (SQLite's tokenizer keeps them whole); PostgreSQL gets them with a '#' in front,
/// which no folded word has, so typed text never matches a facet.
/// </summary>
public sealed record SearchFacets(DateTime PublishedAt, string Language, int SourceId, IReadOnlyList<string> Provinces)
{
    /// <summary>A date range over more months than this is left to the item's date filter alone.</summary>
    public const int MaxMonths = 36;

    public IEnumerable<string> Tokens()
    {
        yield return Month(PublishedAt);
        if (LanguageToken(Language) is { } language) yield return language;
        yield return Source(SourceId);
        foreach (var province in Provinces.Distinct(StringComparer.Ordinal))
            if (ProvinceToken(province) is { } token) yield return token;
    }

    public static string Month(DateTime utc) => "m" + utc.ToString("yyyyMM", CultureInfo.InvariantCulture);
    public static string Source(int id) => "s" + id.ToString(CultureInfo.InvariantCulture);
    public static string? LanguageToken(string? language) => Letters("l", language);
    public static string? ProvinceToken(string? key) => Letters("p", key);

    /// <summary>
    /// The facet tokens a filter requires, each group an OR of tokens (a date range is the months it touches); empty
    /// when the filter has none the index knows.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required(MediaFilter f)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (Months(f.From, f.To) is { } months) groups.Add(months);
        if (LanguageToken(f.Language) is { } language) groups.Add([language]);
        if (f.SourceId is { } source) groups.Add([Source(source)]);
        if (ProvinceToken(f.ProvinceKey) is { } province) groups.Add([province]);
        return groups;
    }

    /// <summary>The UTC months [from, to) touches; null when it is open at either end or spans too many to list.</summary>
    private static List<string>? Months(DateTime? from, DateTime? to)
    {
        if (from is not { } start || to is not { } end) return null;
        if (end <= start) return [Month(start)];
        var months = new List<string>();
        for (var m = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc); m < end; m = m.AddMonths(1))
        {
            if (months.Count == MaxMonths) return null;
            months.Add(Month(m));
        }
        return months;
    }

    /// <summary>Prefix plus the value's ASCII letters and digits, lower case; null when nothing is left.</summary>
    private static string? Letters(string prefix, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var sb = new StringBuilder(prefix);
        foreach (var c in value.Trim().ToLowerInvariant())
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) sb.Append(c);
        return sb.Length == prefix.Length ? null : sb.ToString();
    }
}
