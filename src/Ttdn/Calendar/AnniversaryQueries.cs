using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>The register as stored, and the year generator run over it.</summary>
public static class AnniversaryQueries
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public sealed record Entry(int Id, string Name, AnniversaryKind Kind, AnniversaryCalendar Calendar, int? BaseYear, int? Month, int? Day,
        bool LeapMonth, int? ProvinceId, string? Province, string SourceNote, string DateText, bool Seeded, int Version);

    /// <summary>
    /// One anniversary in the year. <c>Key</c> ("12:2022-05-20") names the entry and the day, since a lunar date late
    /// in the year can fall twice in one solar year.
    /// </summary>
    public sealed record YearItem(int EntryId, string Key, string Name, AnniversaryKind Kind, string BaseDate, bool Lunar, DateOnly Date,
        string LunarDate, int? Years, bool Round, string Text, string? Province, string SourceNote);

    public sealed record Filter(string? Text = null, AnniversaryKind? Kind = null, int? ProvinceId = null, bool NationalOnly = false);

    public static async Task<List<Entry>> ListAsync(AppDb db, Filter f, CancellationToken ct = default)
    {
        var q = db.Anniversaries.AsNoTracking().Where(a => a.RemovedAtUtc == null);
        if (f.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (f.NationalOnly) q = q.Where(a => a.ProvinceId == null);
        else if (f.ProvinceId is { } p) q = q.Where(a => a.ProvinceId == p);
        var rows = await q.Include(a => a.Province).ToListAsync(ct);
        return rows
            .Where(a => string.IsNullOrWhiteSpace(f.Text) || Vietnamese.Text.VietnameseText.ContainsWords(a.Name, f.Text))
            .OrderBy(a => a.ProvinceId is null ? 0 : 1).ThenBy(a => a.Kind).ThenBy(a => a.Month ?? 13).ThenBy(a => a.Day ?? 32).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(View).ToList();
    }

    public static Entry View(AnniversaryEntry a) => new(a.Id, a.Name, a.Kind, a.Calendar, a.BaseYear, a.Month, a.Day, a.LeapMonth, a.ProvinceId,
        a.Province?.Name, a.SourceNote, a.DateText, a.SeedKey is not null, a.Version);

    /// <summary>
    /// The anniversaries of solar <paramref name="year"/> for a province: the national ones and the province's own
    /// (<paramref name="provinceId"/> null: national only), each with its years, the plans' sentence, the solar date
    /// of a lunar one and the round flag. Undated festivals are left out (see <see cref="UndatedAsync"/>).
    /// </summary>
    public static async Task<List<YearItem>> ForYearAsync(AppDb db, int year, int? provinceId, RoundYearRule rule, CancellationToken ct = default)
    {
        CheckYear(year);
        var entries = await db.Anniversaries.AsNoTracking().Include(a => a.Province)
            .Where(a => a.RemovedAtUtc == null && a.Calendar != AnniversaryCalendar.Undated && (a.ProvinceId == null || a.ProvinceId == provinceId))
            .ToListAsync(ct);
        var byRecord = new Dictionary<Anniversary, AnniversaryEntry>(ReferenceEqualityComparer.Instance);
        foreach (var e in entries) byRecord[e.ToAnniversary(e.Province?.Name)] = e;
        return AnniversaryYear.For(byRecord.Keys, year, rule)
            .Select(o =>
            {
                var e = byRecord[o.Anniversary];
                var lunar = LunarCalendar.FromSolar(o.Date);
                return new YearItem(e.Id, KeyOf(e.Id, o.Date), o.Name, o.Anniversary.Kind, e.DateText, e.Calendar == AnniversaryCalendar.Lunar, o.Date,
                    $"{lunar.Day:00}/{lunar.Month:00}{(lunar.IsLeapMonth ? " (nhuận)" : "")} âm lịch", o.Years, o.IsRound, o.Text, e.Province?.Name, e.SourceNote);
            })
            .ToList();
    }

    /// <summary>Festivals of the province whose date the locality announces each year.</summary>
    public static async Task<List<Entry>> UndatedAsync(AppDb db, int? provinceId, CancellationToken ct = default) =>
        (await db.Anniversaries.AsNoTracking().Include(a => a.Province)
            .Where(a => a.RemovedAtUtc == null && a.Calendar == AnniversaryCalendar.Undated && (a.ProvinceId == null || a.ProvinceId == provinceId))
            .OrderBy(a => a.Name).ToListAsync(ct)).Select(View).ToList();

    public static string KeyOf(int entryId, DateOnly date) => $"{entryId}:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new DomainException($"Năm {year} nằm ngoài khoảng {MinYear}–{MaxYear}. (Year outside {MinYear}–{MaxYear}.)");
    }
}
