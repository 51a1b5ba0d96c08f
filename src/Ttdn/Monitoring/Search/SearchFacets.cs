using System.Globalization;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// What a search can filter on, written into the full-text index next to the words (docs/decisions/0023): the month
/// an item was published (in Vietnam, as officers pick dates), its language, its source and the provinces it mentions.
/// A common word with a filter ("tỉnh" in March, "du lịch" about Thái Nguyên) is then one intersection inside the index
/// instead of a walk over every match that joins and tests its item. Tokens are letters and digits only (SQLite's
/// tokenizer keeps them whole; a '-' in a code is written '0', which no code holds, so tokens stay one-to-one with
/// values); PostgreSQL gets them with a '#' in front, which no folded word has, so typed text never matches a facet.
/// </summary>
public sealed record SearchFacets(DateTime PublishedAt, string Language, int SourceId, IReadOnlyList<string> Provinces)
{
    /// <summary>A date range over more months than this is left to the item's date filter alone.</summary>
    public const int MaxMonths = 36;

    public IEnumerable<string> Tokens()
    {
        yield return Month(Lang.VietnamDay(PublishedAt));
        if (LanguageToken(Language) is { } language) yield return language;
        yield return Source(SourceId);
        foreach (var province in Provinces.Distinct(StringComparer.Ordinal))
            if (ProvinceToken(province) is { } token) yield return token;
    }

    public static string Month(DateOnly vietnamDay) => "m" + vietnamDay.ToString("yyyyMM", CultureInfo.InvariantCulture);
    public static string Source(int id) => "s" + id.ToString(CultureInfo.InvariantCulture);
    public static string? LanguageToken(string? language) => Code("l", language?.Trim().ToLowerInvariant());
    public static string? ProvinceToken(string? key) => Code("p", key);

    /// <summary>
    /// The facet conditions of a filter, each an OR of tokens, and which filters they answer exactly (the item's own
    /// condition can then be left out). A date range becomes the Vietnam months it touches: exact when it runs from the
    /// first day of a month to the first day of a later one.
    /// </summary>
    public static Required For(MediaFilter f)
    {
        var groups = new List<IReadOnlyList<string>>();
        var exact = Exact.None;
        if (f.From is { } from && f.To is { } to && Months(from, to, out var whole) is { } months)
        {
            groups.Add(months);
            if (whole) exact |= Exact.Dates;
        }
        if (LanguageToken(f.Language) is { } language) { groups.Add([language]); exact |= Exact.Language; }
        if (f.SourceId is { } source) { groups.Add([Source(source)]); exact |= Exact.Source; }
        if (ProvinceToken(f.ProvinceKey) is { } province) { groups.Add([province]); exact |= Exact.Province; }
        return new Required(groups, exact);
    }

    public sealed record Required(IReadOnlyList<IReadOnlyList<string>> Groups, Exact Exact);

    [Flags]
    public enum Exact { None = 0, Dates = 1, Language = 2, Source = 4, Province = 8 }

    /// <summary>The Vietnam months [from, to) touches; null when it spans too many to list.</summary>
    private static List<string>? Months(DateTime from, DateTime to, out bool whole)
    {
        var first = Lang.VietnamDay(from);
        var last = Lang.VietnamDay(to.AddTicks(-1));
        var end = Lang.VietnamDay(to);
        whole = to > from && first.Day == 1 && Lang.VietnamMidnightUtc(first) == from && end.Day == 1 && Lang.VietnamMidnightUtc(end) == to;
        var months = new List<string>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last || months.Count == 0; m = m.AddMonths(1))
        {
            if (months.Count == MaxMonths) return null;
            months.Add(Month(m));
        }
        return months;
    }

    /// <summary>Prefix plus a code of letters and '-' ('-' written '0'); null for anything else, which then stays an item filter only.</summary>
    private static string? Code(string prefix, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => c is not ((>= 'a' and <= 'z') or '-'))) return null;
        return prefix + value.Replace('-', '0');
    }
}
