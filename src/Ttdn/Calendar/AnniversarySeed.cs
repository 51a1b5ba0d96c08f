using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>
/// Loads the code register (<see cref="AnniversaryRegister"/>) into the database on every start. Each row carries a
/// seed key, so a row already there (even edited or removed by a user) is left alone: seeding only adds what is new.
/// </summary>
public static class AnniversarySeed
{
    public static async Task EnsureAsync(AppDb db, CancellationToken ct = default)
    {
        var existing = (await db.Anniversaries.Select(a => a.SeedKey).Where(k => k != null).ToListAsync(ct)).ToHashSet();
        var provinces = new Dictionary<string, int?>();
        foreach (var a in AnniversaryRegister.All)
        {
            var key = KeyOf(a);
            if (existing.Contains(key)) continue;
            int? provinceId = null;
            if (a.Scope is { } scope)
            {
                if (!provinces.TryGetValue(scope, out provinceId))
                    provinces[scope] = provinceId = (await OrganisationDirectory.FindAsync(db, scope, ct: ct))
                        .FirstOrDefault(m => m.Kind == OrganisationKind.Province && m.ValidTo is null)?.Id;
                if (provinceId is null) continue; // a province this installation does not know: nothing to attach it to
            }
            var (calendar, year, month, day) = a.BaseDate switch
            {
                null => (AnniversaryCalendar.Undated, (int?)null, (int?)null, (int?)null),
                { SolarDate: { } d } => (AnniversaryCalendar.Solar, d.Year, d.Month, d.Day),
                var b => (AnniversaryCalendar.Lunar, b.OriginYear, b.Month, b.Day),
            };
            db.Anniversaries.Add(new AnniversaryEntry(a.Name, a.Kind, calendar, year, month, day, false, provinceId, a.SourceNote, key));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Scope and name, folded: stable across rewording of diacritics or tone placement.</summary>
    public static string KeyOf(Anniversary a) =>
        $"{Vietnamese.Text.VietnameseText.FoldToWords(a.Scope ?? "national")}|{Vietnamese.Text.VietnameseText.FoldToWords(a.Name)}";
}
