using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

/// <summary>Finding organisations by any of their names, and following them through time.</summary>
public static class OrganisationDirectory
{
    public sealed record Match(int Id, string Name, string? ShortName, OrganisationKind Kind, int? ProvinceId, string? ProvinceName,
        DateOnly? ValidFrom, DateOnly? ValidTo, string MatchedText, bool Exact);

    /// <summary>
    /// Organisations whose name, short name or alias matches <paramref name="text"/> regardless of diacritics, đ, case,
    /// tone placement, spacing and punctuation ("so vhttdl", "Sở VH-TT&amp;DL"). Exact matches first, then partial ones.
    /// </summary>
    public static async Task<List<Match>> FindAsync(AppDb db, string? text, int? provinceId = null, DateOnly? validOn = null,
        int limit = 50, CancellationToken ct = default)
    {
        var key = Organisation.Key(text);
        var query = db.Organisations.AsNoTracking().AsQueryable();
        if (provinceId is { } p) query = query.Where(o => o.ProvinceId == p || o.Id == p);
        if (validOn is { } d) query = query.Where(o => (o.ValidFrom == null || o.ValidFrom <= d) && (o.ValidTo == null || o.ValidTo >= d));
        if (key.Length > 0)
            query = query.Where(o => o.NameKey.Contains(key) || (o.ShortNameKey != null && o.ShortNameKey.Contains(key))
                || o.Aliases.Any(a => a.Key.Contains(key)));
        var rows = await query
            .OrderBy(o => o.Name)
            .Take(Math.Clamp(limit, 1, 500) * 4)
            .Select(o => new
            {
                o.Id, o.Name, o.ShortName, o.Kind, o.ProvinceId, ProvinceName = o.Province != null ? o.Province.Name : null,
                o.ValidFrom, o.ValidTo, o.NameKey, o.ShortNameKey,
                Aliases = o.Aliases.Select(a => new { a.Text, a.Key }).ToList(),
            })
            .ToListAsync(ct);
        return rows
            .Select(o =>
            {
                var exactAlias = o.Aliases.FirstOrDefault(a => a.Key == key);
                var exact = o.NameKey == key || o.ShortNameKey == key || exactAlias is not null;
                var matched = o.NameKey.Contains(key, StringComparison.Ordinal) ? o.Name
                    : o.ShortNameKey?.Contains(key, StringComparison.Ordinal) == true ? o.ShortName!
                    : exactAlias?.Text ?? o.Aliases.FirstOrDefault(a => a.Key.Contains(key, StringComparison.Ordinal))?.Text ?? o.Name;
                return new Match(o.Id, o.Name, o.ShortName, o.Kind, o.ProvinceId, o.ProvinceName, o.ValidFrom, o.ValidTo, matched, exact);
            })
            .OrderByDescending(m => m.Exact)
            .ThenBy(m => m.Name.Length)
            .Take(Math.Clamp(limit, 1, 500))
            .ToList();
    }

    public sealed record Step(int Id, string Name, SuccessionKind? Via, DateOnly? EffectiveOn, string? DutyArea);

    public sealed record Carrier(int Id, string Name, IReadOnlyList<Step> Path, string? Explanation);

    /// <summary>
    /// Which organisation carries this one's duties on <paramref name="date"/>: itself while it exists, otherwise
    /// its successors followed link by link. A transfer of the named <paramref name="dutyArea"/> ("thông tin đối
    /// ngoại") wins over the general link, even from a body that still exists. Returns null Id when the duties
    /// lapsed (the explanation says why).
    /// </summary>
    public static async Task<Carrier> CarrierOnAsync(AppDb db, int organisationId, DateOnly date, string? dutyArea = null, CancellationToken ct = default)
    {
        var dutyKey = string.IsNullOrWhiteSpace(dutyArea) ? null : Organisation.Key(dutyArea);
        var current = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct)
            ?? throw new DomainException("Không tìm thấy tổ chức. (Organisation not found.)", 404);
        var path = new List<Step> { new(current.Id, current.Name, null, null, null) };
        if (current.ValidFrom is { } from && date < from)
            return new Carrier(0, "", path, $"{current.Name} chưa được thành lập vào ngày {date:dd/MM/yyyy} (từ {from:dd/MM/yyyy}).");

        for (var hop = 0; hop < 20; hop++)
        {
            var links = await db.Successions.AsNoTracking()
                .Where(s => s.PredecessorId == current.Id && s.EffectiveOn <= date)
                .Include(s => s.Successor)
                .ToListAsync(ct);
            var dutyLink = dutyKey is null ? null : links.Where(l => l.DutyAreaKey == dutyKey).MaxBy(l => l.EffectiveOn);
            Succession? next = dutyLink;
            if (next is null && !current.IsValidOn(date))
                next = links.Where(l => l.DutyAreaKey is null).MaxBy(l => l.EffectiveOn) ?? links.MaxBy(l => l.EffectiveOn);
            if (next is null)
            {
                return current.IsValidOn(date)
                    ? new Carrier(current.Id, current.Name, path, null)
                    : new Carrier(0, "", path, $"{current.Name} đã hết hiệu lực từ {current.ValidTo!.Value.AddDays(1):dd/MM/yyyy} và chưa có tổ chức kế thừa được ghi nhận.");
            }
            current = next.Successor!;
            if (path.Any(s => s.Id == current.Id))
                throw new DomainException("Các liên kết kế thừa tạo thành vòng lặp: hãy kiểm tra lại. (Succession links form a loop.)");
            path.Add(new(current.Id, current.Name, next.Kind, next.EffectiveOn, next.DutyArea));
        }
        throw new DomainException("Chuỗi kế thừa quá dài (hơn 20 bước). (Succession chain too long.)");
    }
}
