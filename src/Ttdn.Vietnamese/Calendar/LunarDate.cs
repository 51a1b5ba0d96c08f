namespace Ttdn.Vietnamese.Calendar;

/// <summary>
/// A date of the Vietnamese lunar calendar (âm lịch): lunar year (numbered like the Gregorian year in which
/// its Tết falls), month 1–12, day 1–30, and whether the month is the leap (nhuận) repetition of that month.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    /// <summary>Vietnamese notation, e.g. "15/8/2022 âm lịch" or "10/2 nhuận/2023 âm lịch".</summary>
    public override string ToString() =>
        $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year} âm lịch";
}
