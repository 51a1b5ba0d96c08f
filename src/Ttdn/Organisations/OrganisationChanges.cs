using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

/// <summary>The writes the organisation pages and API share.</summary>
public static class OrganisationChanges
{
    public sealed record Input(string Name, string? ShortName, OrganisationKind Kind, int? ProvinceId, int? ParentId,
        DateOnly? ValidFrom, DateOnly? ValidTo, string? Note, int Version = 0);

    public static async Task<Organisation> CreateAsync(AppDb db, Input input, CancellationToken ct = default)
    {
        await CheckReferencesAsync(db, input, null, ct);
        var org = new Organisation(input.Name, input.Kind, input.ShortName, input.ProvinceId, input.ParentId, input.ValidFrom, input.ValidTo, input.Note);
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }

    /// <summary>Saves the edit only if nobody changed the organisation since <see cref="Input.Version"/> was read.</summary>
    public static async Task<Organisation> UpdateAsync(AppDb db, int id, Input input, CancellationToken ct = default)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new DomainException("Không tìm thấy tổ chức. (Organisation not found.)", 404);
        if (input.Version != org.Version)
            throw DomainException.Conflict(
                "Tổ chức này vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất, rồi sửa lại. (Changed by someone else since you opened it: reload and redo your edit.)");
        await CheckReferencesAsync(db, input, id, ct);
        db.Entry(org).Property(o => o.Version).OriginalValue = input.Version;
        org.Update(input.Name, input.ShortName, input.Kind, input.ProvinceId, input.ParentId, input.ValidFrom, input.ValidTo, input.Note);
        await db.SaveChangesAsync(ct);
        return org;
    }

    public static async Task<OrganisationAlias> AddAliasAsync(AppDb db, int id, string text, AliasKind kind, CancellationToken ct = default)
    {
        var org = await db.Organisations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new DomainException("Không tìm thấy tổ chức. (Organisation not found.)", 404);
        var alias = org.AddAlias(text ?? "", kind);
        await db.SaveChangesAsync(ct);
        return alias;
    }

    public static async Task RemoveAliasAsync(AppDb db, int id, int aliasId, CancellationToken ct = default)
    {
        var org = await db.Organisations.Include(o => o.Aliases).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new DomainException("Không tìm thấy tổ chức. (Organisation not found.)", 404);
        org.RemoveAlias(aliasId);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Succession> AddSuccessionAsync(AppDb db, int predecessorId, int successorId, SuccessionKind kind, DateOnly effectiveOn,
        string? dutyArea, string? note, CancellationToken ct = default)
    {
        var ids = new[] { predecessorId, successorId };
        if (await db.Organisations.CountAsync(o => ids.Contains(o.Id), ct) != ids.Distinct().Count())
            throw new DomainException("Không tìm thấy tổ chức cũ hoặc tổ chức kế thừa. (Organisation not found.)", 404);
        var link = new Succession(predecessorId, successorId, kind, effectiveOn, dutyArea, note);
        db.Successions.Add(link);
        await db.SaveChangesAsync(ct);
        return link;
    }

    private static async Task CheckReferencesAsync(AppDb db, Input input, int? selfId, CancellationToken ct)
    {
        if (input.ProvinceId is { } p && !await db.Organisations.AnyAsync(o => o.Id == p && o.Kind == OrganisationKind.Province, ct))
            throw new DomainException("Tỉnh được chọn không tồn tại: hãy chọn một tỉnh trong danh sách. (Province not found.)");
        if (input.ParentId is { } parent && (parent == selfId || !await db.Organisations.AnyAsync(o => o.Id == parent, ct)))
            throw new DomainException("Cơ quan cấp trên không hợp lệ: hãy chọn một tổ chức khác trong danh sách. (Invalid parent.)");
    }
}
