namespace Ttdn.Plans;

/// <summary>
/// One period in which a duty must be done (kỳ thực hiện). <see cref="Index"/> is 0-based and equals the position in the list
/// returned by <see cref="Occurrences.For"/>. Start ≤ Due ≤ End.
/// </summary>
public sealed record Occurrence(int Index, DateOnly Start, DateOnly End, DateOnly Due);

/// <summary>
/// Lays a deadline out over a plan period. Pure: dates are parameters.
/// <list type="bullet">
/// <item>Not recurring (None, Exact, Before, Range, Continuous): one occurrence, Start = From ?? periodStart,
/// End = Due = To ?? periodEnd (Start moved back to End if it would come after it).</item>
/// <item>Recurring: one occurrence per calendar month / quarter / half-year (Jan–Jun, Jul–Dec) / year touching the span
/// From ?? periodStart .. To ?? periodEnd, clipped to it; <see cref="Recurrence.Periodic"/> ("định kỳ" without a frequency) is
/// laid out quarterly. Due = the occurrence's last day, or with <see cref="Deadline.DueDay"/> that day of the occurrence's last month
/// (of <see cref="Deadline.DueMonth"/> for Yearly), clamped to the month's length (31 → 29/02/2024) and then into the clipped
/// occurrence, so a due day that falls outside a clipped first or last occurrence becomes its first or last day.</item>
/// </list>
/// </summary>
public static class Occurrences
{
    public static IReadOnlyList<Occurrence> For(Deadline deadline, DateOnly periodStart, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (periodEnd < periodStart)
        {
            throw new ArgumentOutOfRangeException(nameof(periodEnd), $"The period ends ({periodEnd:yyyy-MM-dd}) before it starts ({periodStart:yyyy-MM-dd}).");
        }

        DateOnly from = deadline.From ?? periodStart;
        DateOnly to = deadline.To ?? periodEnd;
        if (!deadline.IsRecurring)
        {
            return [new Occurrence(0, from <= to ? from : to, to, to)];
        }

        if (from > to)
        {
            (from, to) = (periodStart, periodEnd);
        }

        int months = deadline.Recurrence switch
        {
            Recurrence.Monthly => 1,
            Recurrence.HalfYearly => 6,
            Recurrence.Yearly => 12,
            _ => 3, // Quarterly, and Periodic by default
        };

        var list = new List<Occurrence>();
        int year = from.Year;
        int firstMonth = (from.Month - 1) / months * months + 1;
        while (true)
        {
            // Blocks are aligned on the calendar (months divides 12), so a block never crosses a year.
            int lastMonth = firstMonth + months - 1;
            var blockStart = new DateOnly(year, firstMonth, 1);
            var blockEnd = new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
            DateOnly start = blockStart > from ? blockStart : from;
            DateOnly end = blockEnd < to ? blockEnd : to;
            list.Add(new Occurrence(list.Count, start, end, DueIn(deadline, year, lastMonth, start, end)));
            if (blockEnd >= to)
            {
                break;
            }

            firstMonth += months;
            if (firstMonth > 12)
            {
                (year, firstMonth) = (year + 1, 1);
            }
        }

        return list;
    }

    /// <summary>The occurrence whose [Start, End] contains <paramref name="today"/>, else the next one to start, else the last.</summary>
    public static Occurrence Current(IReadOnlyList<Occurrence> occurrences, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        if (occurrences.Count == 0)
        {
            throw new ArgumentException("There are no occurrences.", nameof(occurrences));
        }

        Occurrence? next = null;
        foreach (var o in occurrences)
        {
            if (o.Start <= today && today <= o.End)
            {
                return o;
            }

            if (o.Start > today && (next is null || o.Start < next.Start))
            {
                next = o;
            }
        }

        return next ?? occurrences[^1];
    }

    private static DateOnly DueIn(Deadline deadline, int year, int lastMonth, DateOnly start, DateOnly end)
    {
        if (deadline.DueDay is not { } dueDay)
        {
            return end;
        }

        int month = deadline.Recurrence == Recurrence.Yearly && deadline.DueMonth is { } m ? Math.Clamp(m, 1, 12) : lastMonth;
        var due = new DateOnly(year, month, Math.Clamp(dueDay, 1, DateTime.DaysInMonth(year, month)));
        return due < start ? start : due > end ? end : due;
    }
}
