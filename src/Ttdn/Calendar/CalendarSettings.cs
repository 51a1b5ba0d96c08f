using System.Globalization;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>
/// <c>Calendar:RoundYears</c>: the multiples that make an anniversary "round" ("5,10" or a list; default 5 and 10).
/// <c>Calendar:LeadDays</c>: how many days before the anniversary a drafted propaganda task is due (default 10).
/// </summary>
public sealed record CalendarSettings(RoundYearRule RoundYears, int LeadDays)
{
    public const int DefaultLeadDays = 10;

    public static CalendarSettings From(IConfiguration config)
    {
        var section = config.GetSection("Calendar:RoundYears");
        var texts = section.Value is { } single ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        var multiples = new List<int>();
        foreach (var t in texts)
        {
            if (!int.TryParse(t.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < 1)
                throw new InvalidOperationException($"Calendar:RoundYears: \"{t}\" không phải là số nguyên dương (ví dụ \"5,10\"). (Use positive whole numbers.)");
            multiples.Add(m);
        }
        var lead = config.GetValue<int?>("Calendar:LeadDays") ?? DefaultLeadDays;
        if (lead is < 0 or > 365) throw new InvalidOperationException("Calendar:LeadDays phải từ 0 đến 365. (Lead days must be 0–365.)");
        return new(multiples.Count == 0 ? RoundYearRule.Default : new RoundYearRule([.. multiples]), lead);
    }
}
