using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;

namespace Ttdn.Calendar;

/// <summary>Who may change the anniversary register and the registered events.</summary>
public static class CalendarAccess
{
    /// <summary>The province the user works in: their organisation if it is a province, otherwise the province it belongs to.</summary>
    public static async Task<int?> ProvinceOfAsync(AppDb db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OrganisationId() is not { } org) return null;
        var row = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => new { o.Kind, o.ProvinceId }).SingleOrDefaultAsync(ct);
        return row is null ? null : row.Kind == OrganisationKind.Province ? org : row.ProvinceId;
    }

    /// <summary>
    /// Administrators change any entry; the lead department's officers change their own province's entries only
    /// (national days and diplomatic dates are the same for every province, so they stay with administrators).
    /// </summary>
    public static async Task<bool> CanEditRegisterAsync(AppDb db, ClaimsPrincipal user, int? provinceId, CancellationToken ct = default) =>
        user.IsAdministrator()
        || (user.IsInRole(Roles.LeadOfficer) && provinceId is { } p && await ProvinceOfAsync(db, user, ct) == p);

    /// <summary>May the user add to the register at all (for some scope)?</summary>
    public static bool MayEditRegister(ClaimsPrincipal user) => user.IsAdministrator() || user.IsInRole(Roles.LeadOfficer);

    /// <summary>Events: administrators and the lead department for any organisation; other officers for their own.</summary>
    public static bool CanManageEvents(this ClaimsPrincipal user, int organisationId) =>
        user.IsAdministrator() || user.IsInRole(Roles.LeadOfficer)
        || (user.CanEditAnything() && user.OrganisationId() == organisationId);
}
