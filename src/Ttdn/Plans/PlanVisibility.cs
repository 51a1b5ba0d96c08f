using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;

namespace Ttdn.Plans;

/// <summary>
/// Who may read a plan (its page, its API, its documents). A plan belongs to the province of its lead department;
/// people of another province's bodies do not read it. Administrators, national bodies and users without an
/// organisation are not tied to a province.
/// </summary>
public static class PlanVisibility
{
    public static async Task EnsureVisibleAsync(AppDb db, ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.LeadOrganisation!.Kind, p.LeadOrganisationId, p.LeadOrganisation.ProvinceId }).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
        if (user.IsAdministrator() || user.OrganisationId() is not { } orgId) return;
        var own = await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Kind, o.Id, o.ProvinceId }).SingleOrDefaultAsync(ct);
        if (own is null) return;
        var planProvince = plan.Kind == OrganisationKind.Province ? plan.LeadOrganisationId : plan.ProvinceId;
        var userProvince = own.Kind == OrganisationKind.Province ? own.Id : own.ProvinceId;
        if (planProvince is not null && userProvince is not null && planProvince != userProvince)
            throw new DomainException("Kế hoạch này thuộc tỉnh khác: tài khoản của bạn không xem được. (This plan belongs to another province.)", 403);
    }
}
