using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Organisations;

namespace Ttdn.Reports;

/// <summary>
/// Who sees and does what with reports. An organisation's own officers see and write its report; the lead department
/// (and leaders) of the plan's province see every report of that province and review them; the national office sees the
/// provinces' consolidated reports; administrators everything. Viewers of another organisation see nothing before it is
/// consolidated.
/// </summary>
public static class ReportAccess
{
    /// <summary>The province an organisation belongs to (itself for a province's People's Committee); null for national bodies.</summary>
    public static async Task<int?> ProvinceOfAsync(AppDb db, int organisationId, CancellationToken ct = default) =>
        await db.Organisations.Where(o => o.Id == organisationId)
            .Select(o => o.Kind == OrganisationKind.Province ? (int?)o.Id : o.ProvinceId).SingleOrDefaultAsync(ct);

    public static async Task<int?> ProvinceOfPlanAsync(AppDb db, int planId, CancellationToken ct = default) =>
        await db.Plans.Where(p => p.Id == planId)
            .Select(p => p.LeadOrganisation!.Kind == OrganisationKind.Province ? (int?)p.LeadOrganisationId : p.LeadOrganisation.ProvinceId).SingleOrDefaultAsync(ct);

    /// <summary>Reviewing (returning, accepting, reopening, reminding) and consolidating the reports of a plan.</summary>
    public static async Task<bool> CanReviewAsync(AppDb db, ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        if (user.IsAdministrator()) return true;
        if (!user.IsInRole(Roles.LeadOfficer) || user.OrganisationId() is not { } org) return false;
        var mine = await ProvinceOfAsync(db, org, ct);
        return mine is not null && mine == await ProvinceOfPlanAsync(db, planId, ct);
    }

    /// <summary>Reading a plan's overview and consolidation: reviewers and the province's leaders.</summary>
    public static async Task<bool> CanSeeAllOfPlanAsync(AppDb db, ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        if (await CanReviewAsync(db, user, planId, ct)) return true;
        if (!user.IsInRole(Roles.Leader) || user.OrganisationId() is not { } org) return false;
        var mine = await ProvinceOfAsync(db, org, ct);
        return mine is not null && mine == await ProvinceOfPlanAsync(db, planId, ct);
    }

    public static async Task<bool> CanSeeAsync(AppDb db, ClaimsPrincipal user, AgencyReport report, CancellationToken ct = default) =>
        user.OrganisationId() == report.OrganisationId || await CanSeeAllOfPlanAsync(db, user, report.PlanId, ct);

    /// <summary>Writing and submitting: the organisation's own officers (not its leader, not a viewer), or an administrator.</summary>
    public static bool CanWrite(ClaimsPrincipal user, int organisationId) =>
        user.IsAdministrator() || (user.CanEditAnything() && !user.IsInRole(Roles.Leader) && user.OrganisationId() == organisationId);

    /// <summary>The national office consolidating the provinces: its own lead officers, or an administrator.</summary>
    public static bool CanConsolidateNationally(ClaimsPrincipal user, ReportTemplate template) =>
        user.IsAdministrator() || (user.IsInRole(Roles.LeadOfficer) && template.ConsolidatorId is { } id && user.OrganisationId() == id);
}
