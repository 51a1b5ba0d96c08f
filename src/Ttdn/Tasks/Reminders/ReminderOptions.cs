using System.Globalization;

namespace Ttdn.Tasks.Reminders;

/// <summary>Configuration section "Reminders" (plus Smtp:BaseUrl for the links in mails).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";
    public const string LeaseName = "reminders";

    /// <summary>Whether the background service runs: Reminders:Enabled when given, else whether Smtp:Host is set.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Days before the due date at which the lead agency is reminded (default 7 and 1). Each value opens a stage that lasts until
    /// the next smaller one: a reminder is sent on the first run on or after "due − N days", so a day the job missed is caught up.
    /// </summary>
    public IReadOnlyList<int> DaysBefore { get; set; } = [7, 1];

    /// <summary>An overdue duty is reminded on its first overdue day, then again whenever the last reminder is this many days old.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Send the daily summary to the lead department of each plan.</summary>
    public bool DailySummary { get; set; } = true;

    /// <summary>"Due this week" in the summary: today and the next N − 1 days.</summary>
    public int SummaryDays { get; set; } = 7;

    /// <summary>
    /// Reminders go on for this many days after a plan's period ends (default 90: time to finish late duties and report). After
    /// that, a plan still left "issued" (the demo's 2022 plan, say) is the business of its final report, not of daily mail: close it,
    /// or raise this value.
    /// </summary>
    public int DaysAfterPlanEnd { get; set; } = 90;

    /// <summary>No mail before this hour, Vietnam time (default 7): officials get reminders in the morning, not at midnight.</summary>
    public int NotBeforeHour { get; set; } = 7;

    /// <summary>How often the background service looks (default 15 minutes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The application's address; links in mails are {BaseUrl}/Tasks/{id}.</summary>
    public string BaseUrl { get; set; } = Hosting.AppHost.DefaultUrl;

    /// <summary>The lease outlives one interval, so a live holder keeps it and a dead one loses it soon after.</summary>
    public TimeSpan LeaseDuration => Interval + TimeSpan.FromMinutes(5);

    public static ReminderOptions Read(IConfiguration config)
    {
        var s = config.GetSection(Section);
        var smtp = SmtpOptions.Read(config);
        var o = new ReminderOptions
        {
            Enabled = s.GetValue<bool?>("Enabled") ?? smtp.Host is not null,
            DaysBefore = ReadDays(s.GetSection("DaysBefore")) ?? [7, 1],
            OverdueEveryDays = s.GetValue<int?>("OverdueEveryDays") ?? 7,
            DailySummary = s.GetValue<bool?>("DailySummary") ?? true,
            SummaryDays = s.GetValue<int?>("SummaryDays") ?? 7,
            NotBeforeHour = s.GetValue<int?>("NotBeforeHour") ?? 7,
            DaysAfterPlanEnd = s.GetValue<int?>("DaysAfterPlanEnd") ?? 90,
            Interval = s.GetValue<TimeSpan?>("Interval") ?? TimeSpan.FromMinutes(15),
            BaseUrl = smtp.BaseUrl,
        };
        o.Validate();
        return o;
    }

    public void Validate()
    {
        if (DaysBefore.Any(d => d < 0 || d > 366))
            throw new InvalidOperationException("Cấu hình Reminders:DaysBefore chỉ nhận số ngày từ 0 đến 366, ví dụ \"7,1\". (Days before must be 0–366.)");
        if (OverdueEveryDays < 1)
            throw new InvalidOperationException("Cấu hình Reminders:OverdueEveryDays phải từ 1 trở lên (1 = nhắc hằng ngày). (Must be at least 1.)");
        if (SummaryDays < 1)
            throw new InvalidOperationException("Cấu hình Reminders:SummaryDays phải từ 1 trở lên. (Must be at least 1.)");
        if (DaysAfterPlanEnd < 0)
            throw new InvalidOperationException("Cấu hình Reminders:DaysAfterPlanEnd không được âm. (Must be 0 or more.)");
        if (NotBeforeHour is < 0 or > 23)
            throw new InvalidOperationException("Cấu hình Reminders:NotBeforeHour phải từ 0 đến 23 (giờ Việt Nam). (Hour 0–23.)");
        if (Interval < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException("Cấu hình Reminders:Interval phải dài hơn 1 giây, ví dụ 00:15:00. (Interval too short.)");
    }

    /// <summary>"7,1" (one value, handy in environment variables) or an array (Reminders:DaysBefore:0 = 7, …:1 = 1).</summary>
    private static int[]? ReadDays(IConfigurationSection section)
    {
        var values = section.Value is { } one
            ? one.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray();
        if (values.Length == 0) return null;
        var days = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
            if (!int.TryParse(values[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out days[i]))
                throw new InvalidOperationException($"Cấu hình Reminders:DaysBefore có giá trị \"{values[i]}\" không phải số ngày. (Not a number.)");
        return days;
    }
}
