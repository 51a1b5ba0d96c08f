namespace Ttdn.Vietnamese.Calendar.Anniversaries;

/// <summary>
/// Which anniversaries are "round" (năm chẵn) and get larger celebrations: a count of years divisible by any of
/// <see cref="Multiples"/>. The thresholds are configuration; the default is 5 and 10.
/// </summary>
public sealed class RoundYearRule
{
    public RoundYearRule(params int[] multiples)
    {
        if (multiples.Length == 0)
            throw new ArgumentException("Cần ít nhất một bội số năm chẵn. (At least one multiple is required.)", nameof(multiples));
        foreach (var m in multiples)
            ArgumentOutOfRangeException.ThrowIfLessThan(m, 1, nameof(multiples));
        Multiples = [.. multiples];
    }

    public static RoundYearRule Default { get; } = new(5, 10);

    public IReadOnlyList<int> Multiples { get; }

    public bool IsRound(int years)
    {
        if (years <= 0)
            return false;
        foreach (var m in Multiples)
        {
            if (years % m == 0)
                return true;
        }

        return false;
    }
}
