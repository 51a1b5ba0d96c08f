using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ttdn.Vietnamese.Calendar;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>
/// <c>ttdn calendar lunar|solar|anniversaries</c>: the Vietnamese lunar calendar and the year's anniversaries.
/// Pure computation: no database, no web host.
/// </summary>
internal static class CalendarCommand
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create() => new("calendar", "Lịch âm và ngày kỷ niệm — lunar calendar and anniversaries")
    {
        Lunar(),
        Solar(),
        Anniversaries(),
    };

    private static Command Lunar()
    {
        var date = new Argument<string>("date") { Description = "Ngày dương lịch yyyy-MM-dd (solar date)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var command = new Command("lunar", "Đổi ngày dương lịch sang âm lịch — solar to lunar") { date, json };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(date) ?? "";
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var solar))
                return Fail($"Ngày \"{text}\" không đúng dạng yyyy-MM-dd hoặc không có thật, ví dụ 2022-02-01. (Use a real date, yyyy-MM-dd.)");
            if (YearError(solar.Year) is { } error)
                return Fail(error);
            var lunar = LunarCalendar.FromSolar(solar);
            var result = new LunarResult(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth,
                CanChi.OfYear(lunar.Year), CanChi.OfMonth(lunar), CanChi.OfDay(solar));
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
            else
                Console.WriteLine($"{solar:dd/MM/yyyy} dương lịch là ngày {lunar.Day:00}/{lunar.Month:00}{(lunar.IsLeapMonth ? " (nhuận)" : "")}/{lunar.Year} âm lịch: " +
                    $"ngày {result.CanChiDay}, tháng {result.CanChiMonth}, năm {result.CanChiYear}");
            return 0;
        });
        return command;
    }

    private static Command Solar()
    {
        var year = new Argument<string>("year") { Description = "Năm âm lịch (lunar year)" };
        var month = new Argument<string>("month") { Description = "Tháng âm lịch 1–12 (lunar month)" };
        var day = new Argument<string>("day") { Description = "Ngày âm lịch 1–30 (lunar day)" };
        var leap = new Option<bool>("--leap") { Description = "Tháng nhuận (the leap month)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var command = new Command("solar", "Đổi ngày âm lịch sang dương lịch — lunar to solar") { year, month, day, leap, json };
        command.SetAction(parse =>
        {
            if (!TryInt(parse.GetValue(year), out var y) || !TryInt(parse.GetValue(month), out var m) || !TryInt(parse.GetValue(day), out var d))
                return Fail("Năm, tháng, ngày âm lịch phải là số, ví dụ: ttdn calendar solar 2022 3 10. (Year, month and day must be numbers.)");
            if (YearError(y) is { } error)
                return Fail(error);
            var isLeap = parse.GetValue(leap);
            DateOnly solar;
            try
            {
                solar = LunarCalendar.ToSolar(y, m, d, isLeap);
            }
            catch (ArgumentException e)
            {
                return Fail(Message(e));
            }

            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new SolarResult(Iso(solar)), Json));
            else
                Console.WriteLine($"Ngày {d:00}/{m:00}{(isLeap ? " (nhuận)" : "")}/{y} âm lịch là ngày {solar:dd/MM/yyyy} dương lịch.");
            return 0;
        });
        return command;
    }

    private static Command Anniversaries()
    {
        var year = new Argument<string>("year") { Description = "Năm dương lịch (solar year)" };
        var province = new Option<string?>("--province") { Description = "Thêm ngày kỷ niệm của tỉnh, ví dụ \"Thái Nguyên\" (add a province's own days)" };
        var json = new Option<bool>("--json") { Description = "In ra JSON (print JSON)" };
        var command = new Command("anniversaries", "Các ngày kỷ niệm trong năm — the year's anniversaries") { year, province, json };
        command.SetAction(parse =>
        {
            if (!TryInt(parse.GetValue(year), out var y))
                return Fail($"Năm \"{parse.GetValue(year)}\" không phải là số, ví dụ 2022. (The year must be a number.)");
            if (YearError(y) is { } error)
                return Fail(error);
            var register = AnniversaryRegister.ForProvince(parse.GetValue(province));
            var occurrences = AnniversaryYear.For(register, y, RoundYearRule.Default);
            if (parse.GetValue(json))
            {
                var items = occurrences.Select(o => new AnniversaryResult(o.Name, BaseDate(o.BaseDate), o.BaseDate.IsLunar, Iso(o.Date),
                    o.Years, o.IsRound, o.Text, o.Anniversary.Kind.ToString(), o.Anniversary.Scope, o.Anniversary.SourceNote));
                Console.WriteLine(JsonSerializer.Serialize(items, Json));
                return 0;
            }

            Console.WriteLine($"Các ngày kỷ niệm năm {y} (năm chẵn: bội số của {string.Join(", ", RoundYearRule.Default.Multiples)}):");
            foreach (var o in occurrences)
                Console.WriteLine($"{o.Date:dd/MM/yyyy}  {(o.IsRound ? "[năm chẵn] " : "")}{o.Text}");
            var undated = register.Where(a => a.BaseDate is null).ToList();
            if (undated.Count > 0)
            {
                Console.WriteLine("Chưa có ngày cố định:");
                foreach (var a in undated)
                    Console.WriteLine($"            {a.Name} ({Anniversary.DateAnnouncedLocally})");
            }

            return 0;
        });
        return command;
    }

    private static string? YearError(int year) => year is < MinYear or > MaxYear
        ? $"Năm {year} nằm ngoài khoảng {MinYear}–{MaxYear}. (Year outside {MinYear}–{MaxYear}.)"
        : null;

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static bool TryInt(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // ArgumentException appends " (Parameter 'x')" (and the value) to the message; the user needs only the words.
    private static string Message(ArgumentException e)
    {
        var text = e.Message;
        var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut >= 0 ? text[..cut] : text;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Solar: yyyy-MM-dd. Lunar: --MM-dd (ISO 8601 month-day), with "lunar": true.</summary>
    private static string BaseDate(AnniversaryDate date) =>
        date.SolarDate is { } d ? Iso(d) : $"--{date.Month:00}-{date.Day:00}";

    private sealed record LunarResult(int Year, int Month, int Day, bool Leap, string CanChiYear, string CanChiMonth, string CanChiDay);

    private sealed record SolarResult(string Date);

    private sealed record AnniversaryResult(string Name, string BaseDate, bool Lunar, string Date, int? Years, bool Round, string Text,
        string Kind, string? Scope, string Source);
}
