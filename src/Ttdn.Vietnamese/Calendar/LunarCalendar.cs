namespace Ttdn.Vietnamese.Calendar;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch), computed astronomically for Vietnam's time zone UTC+7
/// (not the Chinese calendar, which is computed for UTC+8 and differs in some years, e.g. Tết 1968 and 1985).
/// Lunar years <see cref="MinYear"/>–<see cref="MaxYear"/> are supported; the month table is computed once,
/// on first use (a few tens of milliseconds), and is read-only afterwards, so every method is thread-safe.
/// </summary>
public static class LunarCalendar
{
    /// <summary>Vietnam's time zone, hours east of Greenwich (105°E meridian).</summary>
    public const double VietnamTimeZone = 7.0;

    /// <summary>First supported lunar year (Canh Thân 1800).</summary>
    public const int MinYear = 1800;

    /// <summary>Last supported lunar year (Kỷ Mùi 2199).</summary>
    public const int MaxYear = 2199;

    private static readonly Lazy<LunisolarTable> Table =
        new(() => new LunisolarTable(VietnamTimeZone, MinYear, MaxYear), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>First solar date supported: Tết of <see cref="MinYear"/>.</summary>
    public static DateOnly MinSolarDate => FromJdn(Table.Value.FirstJdn);

    /// <summary>Last solar date supported: the day before Tết of <see cref="MaxYear"/> + 1.</summary>
    public static DateOnly MaxSolarDate => FromJdn(Table.Value.LastJdn);

    /// <summary>Converts a solar (Gregorian) date to the Vietnamese lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinSolarDate"/>–<see cref="MaxSolarDate"/>.</exception>
    public static LunarDate FromSolar(DateOnly date)
    {
        var table = Table.Value;
        int jdn = ToJdn(date);
        if (!table.ContainsJdn(jdn))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"Âm lịch chỉ tính cho ngày {MinSolarDate:dd/MM/yyyy} – {MaxSolarDate:dd/MM/yyyy}. (Date outside the supported range.)");
        }

        return table.FromJdn(jdn);
    }

    /// <summary>Converts a Vietnamese lunar date to the solar (Gregorian) date.</summary>
    /// <exception cref="ArgumentException">The lunar date does not exist (month out of 1–12, leap flag on a month that is not
    /// doubled that year, day 30 of a 29-day month, …) or the year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static DateOnly ToSolar(int year, int month, int day, bool isLeapMonth = false)
    {
        var table = Table.Value;
        int index = MonthIndex(table, year, month, isLeapMonth);
        int length = table.Length(index);
        if (day < 1 || day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day,
                $"Tháng {MonthText(month, isLeapMonth)} năm {year} âm lịch có {length} ngày: không có ngày {day}. " +
                $"(Lunar month {month}{(isLeapMonth ? " (leap)" : "")} of {year} has {length} days; day {day} does not exist.)");
        }

        return FromJdn(table.StartJdn(index) + day - 1);
    }

    /// <inheritdoc cref="ToSolar(int, int, int, bool)"/>
    public static DateOnly ToSolar(LunarDate date) => ToSolar(date.Year, date.Month, date.Day, date.IsLeapMonth);

    /// <summary>The month that is doubled (tháng nhuận) in a lunar year, or null when the year has 12 months.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        var table = Table.Value;
        CheckYear(table, lunarYear);
        return table.LeapMonth(lunarYear);
    }

    /// <summary>Number of days (29 or 30) of a lunar month.</summary>
    /// <exception cref="ArgumentException">The month does not exist that year.</exception>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth)
    {
        var table = Table.Value;
        return table.Length(MonthIndex(table, lunarYear, month, isLeapMonth));
    }

    /// <summary>Solar date of Tết Nguyên Đán (1/1 âm lịch) of a lunar year.</summary>
    public static DateOnly Tet(int lunarYear)
    {
        var table = Table.Value;
        CheckYear(table, lunarYear);
        return FromJdn(table.TetJdn(lunarYear));
    }

    internal static int ToJdn(DateOnly date) => date.DayNumber + LunisolarTable.JdnOfDayNumberZero;

    internal static DateOnly FromJdn(int jdn) => DateOnly.FromDayNumber(jdn - LunisolarTable.JdnOfDayNumberZero);

    private static int MonthIndex(LunisolarTable table, int year, int month, bool isLeapMonth)
    {
        CheckYear(table, year);
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month,
                $"Tháng âm lịch phải từ 1 đến 12, không phải {month}. (Lunar month must be 1–12.)");
        }

        int index = table.IndexOf(year, month, isLeapMonth);
        if (index < 0)
        {
            int? leap = table.LeapMonth(year);
            string which = leap is int m ? $"chỉ có tháng {m} nhuận" : "không có tháng nhuận";
            string english = leap is int e ? $"only month {e} is doubled" : "there is no leap month";
            throw new ArgumentException(
                $"Năm {year} âm lịch {which}: không có tháng {month} nhuận. (Lunar year {year}: {english}; month {month} is not a leap month.)",
                nameof(isLeapMonth));
        }

        return index;
    }

    private static void CheckYear(LunisolarTable table, int year)
    {
        if (!table.ContainsYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"Âm lịch chỉ tính cho các năm {table.FirstYear}–{table.LastYear}. (Lunar year outside the supported range.)");
        }
    }

    private static string MonthText(int month, bool isLeapMonth) => isLeapMonth ? $"{month} nhuận" : month.ToString();
}
