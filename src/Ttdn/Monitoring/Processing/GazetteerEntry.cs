namespace Ttdn.Monitoring.Processing;

/// <summary>
/// A place, or something that stands for a place (a festival, a product), with every name it is written under.
/// <paramref name="ProvinceKey"/> is the post-2025 province the mention counts for ("thai-nguyen"); empty for
/// traps. <paramref name="Kind"/>: "province", "former-province" (merged in 2025), "former-name", "district", "commune", "landmark", "festival",
/// "product", and the two kinds that are matched only to be thrown away: "trap" (a longer or foreign name that
/// contains a province name: "Thái Bình Dương", "Taiyuan", "太原市") and "person-trap" ("Chủ tịch Hồ Chí Minh").
/// Aliases are matched on folded words (diacritics, đ, case, NFD, tone placement ignored); an alias containing
/// Han, kana or Hangul is matched as a plain substring, since those scripts do not separate words.
/// </summary>
public sealed record GazetteerEntry(string Key, string ProvinceKey, string Kind, string Name, IReadOnlyList<string> Aliases)
{
    public bool IsTrap => Kind is "trap" or "person-trap";
}

/// <summary>One mention: where it is in the text as given (UTF-16 offsets) and what it matched.</summary>
public sealed record MentionHit(string EntryKey, string ProvinceKey, int Start, int Length, string Matched);
