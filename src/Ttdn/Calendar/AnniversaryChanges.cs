using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>Register writes shared by the pages and the API; each checks who may change the entry's scope.</summary>
public static class AnniversaryChanges
{
    /// <param name="ProvinceId">Null for a national day.</param>
    public sealed record Input(string Name, AnniversaryKind Kind, AnniversaryCalendar Calendar, int? BaseYear, int? Month, int? Day, bool LeapMonth,
        int? ProvinceId, string? SourceNote, int Version = 0);

    public static async Task<AnniversaryEntry> CreateAsync(AppDb db, ClaimsPrincipal user, Input input, CancellationToken ct = default)
    {
        await CheckScopeAsync(db, user, input.ProvinceId, ct);
        var entry = new AnniversaryEntry(input.Name, input.Kind, input.Calendar, input.BaseYear, input.Month, input.Day, input.LeapMonth,
            input.ProvinceId, input.SourceNote ?? "");
        db.Anniversaries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public static async Task<AnniversaryEntry> UpdateAsync(AppDb db, ClaimsPrincipal user, int id, Input input, CancellationToken ct = default)
    {
        var entry = await LoadAsync(db, id, input.Version, ct);
        await CheckScopeAsync(db, user, entry.ProvinceId, ct);
        if (input.ProvinceId != entry.ProvinceId) await CheckScopeAsync(db, user, input.ProvinceId, ct);
        entry.Update(input.Name, input.Kind, input.Calendar, input.BaseYear, input.Month, input.Day, input.LeapMonth, input.ProvinceId, input.SourceNote ?? "");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public static async Task RemoveAsync(AppDb db, ClaimsPrincipal user, int id, int version, TimeProvider clock, CancellationToken ct = default)
    {
        var entry = await LoadAsync(db, id, version, ct);
        await CheckScopeAsync(db, user, entry.ProvinceId, ct);
        entry.Remove(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<AnniversaryEntry> LoadAsync(AppDb db, int id, int version, CancellationToken ct)
    {
        var entry = await db.Anniversaries.SingleOrDefaultAsync(a => a.Id == id && a.RemovedAtUtc == null, ct)
            ?? throw new DomainException("Không tìm thấy ngày kỷ niệm này (có thể đã bị xóa). (Anniversary not found.)", 404);
        if (version > 0)
        {
            if (version != entry.Version)
                throw DomainException.Conflict("Ngày kỷ niệm này vừa được người khác sửa. Hãy tải lại trang rồi làm lại. (Changed by someone else: reload.)");
            db.Entry(entry).Property(a => a.Version).OriginalValue = version;
        }
        return entry;
    }

    private static async Task CheckScopeAsync(AppDb db, ClaimsPrincipal user, int? provinceId, CancellationToken ct)
    {
        if (provinceId is { } p && !await db.Organisations.AnyAsync(o => o.Id == p && o.Kind == OrganisationKind.Province, ct))
            throw new DomainException("Phạm vi phải là toàn quốc hoặc một tỉnh trong danh mục tổ chức. (Scope must be national or a province.)");
        if (!await CalendarAccess.CanEditRegisterAsync(db, user, provinceId, ct))
            throw new DomainException(provinceId is null
                ? "Chỉ quản trị hệ thống được sửa ngày kỷ niệm toàn quốc và ngày thiết lập quan hệ ngoại giao. (Only administrators edit national entries.)"
                : "Bạn chỉ được sửa ngày kỷ niệm của tỉnh mình, và chỉ khi là chuyên viên Sở đầu mối. (Only the province's lead department edits its entries.)", 403);
    }
}
