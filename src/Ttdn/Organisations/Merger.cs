using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

/// <summary>
/// Merging bodies (2025: Thái Nguyên + Bắc Kạn → Thái Nguyên; Sở KH&amp;ĐT + Sở Tài chính → Sở Tài chính):
/// the absorbed ones close the day before, and each gets a Merge link to the surviving body.
/// </summary>
public static class Merger
{
    public static async Task<Organisation> MergeAsync(AppDb db, IReadOnlyCollection<int> absorbedIds, int survivorId, DateOnly effectiveOn,
        string? note, CancellationToken ct = default)
    {
        var ids = absorbedIds.Where(id => id != survivorId).Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainException("Hãy chọn ít nhất một tổ chức được sáp nhập, khác với tổ chức tiếp nhận. (Choose at least one organisation to merge.)");
        var survivor = await db.Organisations.SingleOrDefaultAsync(o => o.Id == survivorId, ct)
            ?? throw new DomainException("Không tìm thấy tổ chức tiếp nhận. (Surviving organisation not found.)", 404);
        if (!survivor.IsValidOn(effectiveOn))
            throw new DomainException($"{survivor.Name} không còn hiệu lực vào ngày {effectiveOn:dd/MM/yyyy}: hãy chọn tổ chức tiếp nhận khác.");
        var absorbed = await db.Organisations.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        if (absorbed.Count != ids.Count)
            throw new DomainException("Một số tổ chức được chọn không còn tồn tại: hãy tải lại trang. (Some organisations no longer exist.)", 404);
        foreach (var org in absorbed)
        {
            org.Close(effectiveOn.AddDays(-1));
            db.Successions.Add(new Succession(org.Id, survivor.Id, SuccessionKind.Merge, effectiveOn, null, note));
        }
        await db.SaveChangesAsync(ct);
        return survivor;
    }
}
