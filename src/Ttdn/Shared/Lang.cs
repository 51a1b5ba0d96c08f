using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Ttdn.Shared;

/// <summary>
/// Two languages, Vietnamese first. Texts sit at the call site as a pair — T("Tổ chức", "Organisations") —
/// which keeps both versions in view and needs no resource files (docs/decisions/0003).
/// </summary>
public static class Lang
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vietnamese, string english) => IsEnglish ? english : vietnamese;

    /// <summary>Dates are dd/MM/yyyy in both languages, as officials write them.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateTime? utc) => utc is { } d
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), VietnamTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
        : "";

    /// <summary>Vietnam has one time zone, UTC+7, and no daylight saving.</summary>
    /// <summary>The calendar day in Vietnam (UTC+7, no daylight saving) of a UTC instant: officials' "today".</summary>
    public static DateOnly VietnamDay(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(7));

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Vietnam: the lower bound for "from this day".</summary>
    public static DateTime VietnamMidnightUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-7), DateTimeKind.Utc);

    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");

    public static IServiceCollection AddAppLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = [Vietnamese, English];
            o.SupportedUICultures = [Vietnamese, English];
            // Vietnamese unless the user chose English: the browser's language is not asked.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

    public static IApplicationBuilder UseAppLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>GET /language/{vi|en}: remembers the choice in a cookie and goes back where the user was.</summary>
    public static void MapLanguage(this IEndpointRouteBuilder app) =>
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = code == "en" ? English : Vietnamese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
}

public static class DateInput
{
    private static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Reads a date typed the Vietnamese way (dd/MM/yyyy; also 1/7/2025 or 2025-07-01). Empty → null.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }

    public const string Hint = "dd/MM/yyyy";
}
