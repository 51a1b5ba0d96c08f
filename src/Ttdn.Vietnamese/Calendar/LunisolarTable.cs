namespace Ttdn.Vietnamese.Calendar;

/// <summary>
/// Every lunar month of a range of lunar years, computed once for one time zone and then only read
/// (immutable, so safe to share between threads).
/// <para>Rules (the traditional lunisolar rules, as used for the Vietnamese calendar):</para>
/// <list type="number">
/// <item>A month begins on the local civil day that contains the instant of a new moon.</item>
/// <item>Month 11 is the month containing the day of the winter solstice (sun's apparent longitude 270°).</item>
/// <item>When 13 months begin between one month 11 and the next, the first of them (after month 11) that contains
/// no major solar term (sun's longitude a multiple of 30°) is a leap month and repeats the number of the month before it.</item>
/// <item>The lunar year begins with month 1 (Tết); months 11 and 12 and a leap 11 or 12 belong to the year that is ending.</item>
/// </list>
/// A day "contains" a solar term when the sun's longitude at the local midnight ending it has passed the term
/// but at the local midnight starting it had not.
/// </summary>
internal sealed class LunisolarTable
{
    /// <summary>Difference between Julian day numbers and <see cref="DateOnly.DayNumber"/>.</summary>
    public const int JdnOfDayNumberZero = 1721426;

    private readonly int[] _start;     // JDN of the first day of each month, plus the start of the month after the last one
    private readonly int[] _year;
    private readonly int[] _month;
    private readonly bool[] _leap;
    private readonly int[] _firstMonthOfYear; // index into _start of month 1 of FirstYear + i, for i in 0..(LastYear - FirstYear + 1)

    public LunisolarTable(double timeZoneHours, int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear));
        }

        TimeZone = timeZoneHours;
        FirstYear = firstYear;
        LastYear = lastYear;

        // Lunations from a little before the winter solstice of (firstYear - 1) to a little after that of (lastYear + 1).
        int kFirst = LunationNear(new DateOnly(firstYear - 1, 10, 1));
        int kLast = LunationNear(new DateOnly(lastYear + 2, 3, 1));
        int n = kLast - kFirst + 1;
        var starts = new int[n];
        var longitudes = new double[n]; // sun's longitude at the local midnight that starts each month
        for (int i = 0; i < n; i++)
        {
            starts[i] = LocalDay(Astronomy.NewMoonUt(kFirst + i));
            longitudes[i] = Astronomy.SunLongitude(LocalMidnightUt(starts[i]));
        }

        // Months containing a winter solstice.
        var month11 = new List<int>();
        for (int i = 0; i + 1 < n; i++)
        {
            if (Arc(longitudes[i], 270.0) < Arc(longitudes[i], longitudes[i + 1]))
            {
                month11.Add(i);
            }
        }

        var start = new List<int>();
        var year = new List<int>();
        var month = new List<int>();
        var leap = new List<bool>();

        // Each span from one month 11 to the next ("tuế") runs from month 11 of lunar year Y - 1 to month 10 of Y.
        for (int s = 0; s + 1 < month11.Count; s++)
        {
            int a = month11[s], b = month11[s + 1];
            int count = b - a;
            if (count is not (12 or 13))
            {
                throw new InvalidOperationException($"Lunisolar computation error: {count} months between two winter solstices.");
            }

            int leapOffset = -1;
            if (count == 13)
            {
                for (int i = 1; i < count; i++)
                {
                    if (Sector(longitudes[a + i]) == Sector(longitudes[a + i + 1]))
                    {
                        leapOffset = i;
                        break;
                    }
                }

                if (leapOffset < 0)
                {
                    throw new InvalidOperationException("Lunisolar computation error: 13 months but none without a major solar term.");
                }
            }

            int gregorianYearOfSolstice = DateOnly.FromDayNumber(starts[a] - JdnOfDayNumberZero).Year;
            int lunarYear = gregorianYearOfSolstice; // months before month 1 belong to the year that is ending
            int number = 10;
            for (int i = 0; i < count; i++)
            {
                bool isLeap = i == leapOffset;
                if (!isLeap)
                {
                    number = number % 12 + 1;
                    if (number == 1)
                    {
                        lunarYear = gregorianYearOfSolstice + 1;
                    }
                }

                start.Add(starts[a + i]);
                year.Add(lunarYear);
                month.Add(number);
                leap.Add(isLeap);
            }
        }

        // Keep month 1 of firstYear up to month 1 of lastYear + 1 (whose start closes the range).
        int from = IndexOfFirstMonth(year, month, leap, firstYear);
        int to = IndexOfFirstMonth(year, month, leap, lastYear + 1);
        _start = start.GetRange(from, to - from + 1).ToArray();
        _year = year.GetRange(from, to - from).ToArray();
        _month = month.GetRange(from, to - from).ToArray();
        _leap = leap.GetRange(from, to - from).ToArray();

        _firstMonthOfYear = new int[lastYear - firstYear + 2];
        int y = firstYear;
        for (int i = 0; i < _year.Length; i++)
        {
            if (_month[i] == 1 && !_leap[i])
            {
                _firstMonthOfYear[y - firstYear] = i;
                y++;
            }
        }

        _firstMonthOfYear[^1] = _year.Length;
    }

    public double TimeZone { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>Julian day number of the first day covered (Tết of <see cref="FirstYear"/>).</summary>
    public int FirstJdn => _start[0];

    /// <summary>Julian day number of the last day covered (the day before Tết of <see cref="LastYear"/> + 1).</summary>
    public int LastJdn => _start[^1] - 1;

    public bool ContainsYear(int lunarYear) => lunarYear >= FirstYear && lunarYear <= LastYear;

    public bool ContainsJdn(int jdn) => jdn >= FirstJdn && jdn <= LastJdn;

    /// <summary>The lunar date of the civil day with Julian day number <paramref name="jdn"/>; the caller checks the range.</summary>
    public LunarDate FromJdn(int jdn)
    {
        int i = Array.BinarySearch(_start, jdn);
        if (i < 0)
        {
            i = ~i - 1; // the month that started last on or before jdn
        }

        return new LunarDate(_year[i], _month[i], jdn - _start[i] + 1, _leap[i]);
    }

    /// <summary>Index of a month of a covered year, or -1 when the year has no such month (e.g. leap flag on a normal year).</summary>
    public int IndexOf(int lunarYear, int month, bool isLeapMonth)
    {
        int from = _firstMonthOfYear[lunarYear - FirstYear];
        int to = _firstMonthOfYear[lunarYear - FirstYear + 1];
        for (int i = from; i < to; i++)
        {
            if (_month[i] == month && _leap[i] == isLeapMonth)
            {
                return i;
            }
        }

        return -1;
    }

    public int StartJdn(int index) => _start[index];

    public int Length(int index) => _start[index + 1] - _start[index];

    /// <summary>The leap month of a covered lunar year, or null.</summary>
    public int? LeapMonth(int lunarYear)
    {
        int from = _firstMonthOfYear[lunarYear - FirstYear];
        int to = _firstMonthOfYear[lunarYear - FirstYear + 1];
        for (int i = from; i < to; i++)
        {
            if (_leap[i])
            {
                return _month[i];
            }
        }

        return null;
    }

    public int TetJdn(int lunarYear) => _start[_firstMonthOfYear[lunarYear - FirstYear]];

    private int LocalDay(double jdUt) => (int)Math.Floor(jdUt + 0.5 + TimeZone / 24.0);

    private double LocalMidnightUt(int jdn) => jdn - 0.5 - TimeZone / 24.0;

    private static int LunationNear(DateOnly date) =>
        (int)Math.Round((date.DayNumber + JdnOfDayNumberZero - Astronomy.NewMoonEpoch) / Astronomy.SynodicMonth);

    /// <summary>Arc in degrees, in [0, 360), going forward from longitude <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static double Arc(double from, double to)
    {
        double d = (to - from) % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    /// <summary>Which 30° major-term sector a longitude lies in (0 = 0°–30°, …).</summary>
    private static int Sector(double longitude) => (int)Math.Floor(longitude / 30.0) % 12;

    private static int IndexOfFirstMonth(List<int> year, List<int> month, List<bool> leap, int lunarYear)
    {
        for (int i = 0; i < year.Count; i++)
        {
            if (year[i] == lunarYear && month[i] == 1 && !leap[i])
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Lunisolar computation error: no month 1 for lunar year {lunarYear}.");
    }
}
