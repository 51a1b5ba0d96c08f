namespace Ttdn.Vietnamese.Calendar;

/// <summary>
/// Sexagenary (can chi) names in Vietnamese: a heavenly stem (can) followed by an earthly branch (chi), e.g. "Nhâm Dần".
/// </summary>
public static class CanChi
{
    /// <summary>The ten heavenly stems (thiên can), in order.</summary>
    public static IReadOnlyList<string> Stems { get; } =
        ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];

    /// <summary>The twelve earthly branches (địa chi), in order; Vietnamese uses Mão (cat) for the fourth.</summary>
    public static IReadOnlyList<string> Branches { get; } =
        ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>Name of a lunar year: 1984 (and every 60 years from it) is Giáp Tý; 2022 → "Nhâm Dần".</summary>
    public static string OfYear(int lunarYear) => Name(lunarYear + 6, lunarYear + 8);

    /// <summary>
    /// Name of the lunar month of a date: the branch is fixed by the month number (tháng Giêng is always Dần), the stem
    /// follows on from the year's stem (years Giáp/Kỷ start with Bính Dần, …). A leap month repeats the name of the month it doubles.
    /// </summary>
    public static string OfMonth(LunarDate date)
    {
        if (date.Month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date.Month,
                $"Tháng âm lịch phải từ 1 đến 12, không phải {date.Month}. (Lunar month must be 1–12.)");
        }

        // Months are numbered continuously: 12 per year, so the stem advances by 2 (mod 10) each year.
        return Name(date.Year * 12 + date.Month + 3, date.Month + 1);
    }

    /// <summary>Name of a day: the cycle of 60 days runs without a break, Giáp Tý on Julian day numbers ≡ 11 (mod 60).</summary>
    public static string OfDay(DateOnly solarDate)
    {
        long jdn = LunarCalendar.ToJdn(solarDate);
        return Name(jdn + 9, jdn + 1);
    }

    private static string Name(long stem, long branch) => $"{Stems[Mod(stem, 10)]} {Branches[Mod(branch, 12)]}";

    private static int Mod(long value, int divisor) => (int)(((value % divisor) + divisor) % divisor);
}
