using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// A gazetteer of a given size for benchmarks and load tests: the default entries plus generated place-like
/// commune names ("xã Tân Phú Lộc"), deterministic, spread over the 34 provinces, until the alias count is reached.
/// </summary>
public static class LargeGazetteer
{
    private static readonly string[] Syllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Phước", "Lộc", "Xuân", "Hưng", "Thịnh", "Đông", "Tây",
        "Nam", "Bắc", "Trung", "Sơn", "Thủy", "Lâm", "Mỹ", "Vĩnh", "Quang", "Minh", "Hải", "Thành", "Đức", "Nghĩa",
        "Cẩm", "Kim", "Ngọc", "Thượng", "Hạ", "Yên", "Khánh", "Hiệp", "Thuận", "Lợi", "Tiến", "Hợp", "Đồng", "Mường",
        "Nà", "Pác", "Bản", "Khuôn", "Làng", "Na", "Nậm", "Pù", "Chiềng", "Sín", "Pa", "Tà", "Lũng", "Cao",
    ];

    /// <summary>
    /// The default gazetteer grown to <paramref name="aliasCount"/> distinct folded aliases (the lines of the
    /// benchmark's aliases.txt); never fewer than the default's.
    /// </summary>
    public static Gazetteer Build(int aliasCount = 5000) => new(Entries(aliasCount));

    public static IReadOnlyList<GazetteerEntry> Entries(int aliasCount = 5000)
    {
        var entries = DefaultGazetteer.Entries().ToList();
        var known = new HashSet<string>(FoldedAliases(entries), StringComparer.Ordinal);
        string[] provinces = [.. entries.Where(e => e.Kind == "province").Select(e => e.ProvinceKey)];
        int count = known.Count;
        ulong state = 2026;
        while (count < aliasCount)
        {
            int words = 2 + (int)(Next(ref state) % 2);
            string name = string.Join(' ', Enumerable.Range(0, words).Select(_ => Syllables[Next(ref state) % (ulong)Syllables.Length]));
            string alias = "xã " + name;
            if (!known.Add(VietnameseText.FoldToWords(alias)))
            {
                continue;
            }

            string province = provinces[count % provinces.Length];
            entries.Add(new GazetteerEntry(province + ":gen-" + DefaultGazetteer.Slug(name), province, "commune", alias, []));
            count++;
        }

        return entries;
    }

    /// <summary>Every alias of the entries as matched on Latin text: folded words (CJK aliases as written).</summary>
    public static IReadOnlyList<string> FoldedAliases(IEnumerable<GazetteerEntry> entries) =>
        [.. entries.SelectMany(e => e.Aliases.Prepend(e.Name))
            .Select(a => VietnameseText.FoldToWords(VietnameseText.Normalize(a)))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    private static ulong Next(ref ulong state)
    {
        state = WordScanner.Mix(state + 0x9E3779B97F4A7C15UL);
        return state >> 1;
    }
}
