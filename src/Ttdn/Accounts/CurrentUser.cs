using System.Security.Claims;

namespace Ttdn.Accounts;

/// <summary>What the signed-in principal may do. One place for role and organisation scoping.</summary>
public static class CurrentUser
{
    public const string OrganisationClaim = "ttdn:org";
    public const string FullNameClaim = "ttdn:name";

    public static int? OrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OrganisationClaim), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FullNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool CanEditAnything(this ClaimsPrincipal user) => Roles.Editors.Any(user.IsInRole);

    /// <summary>Province-wide roles act on every organisation; the others act on their own only.</summary>
    public static bool SeesAllOrganisations(this ClaimsPrincipal user) => Roles.ProvinceWide.Any(user.IsInRole);

    /// <summary>
    /// May this user change the organisation's own data (its aliases and contact details)? Administrators
    /// anywhere; other editors only their own organisation; viewers never.
    /// </summary>
    public static bool CanEditOrganisationData(this ClaimsPrincipal user, int organisationId) =>
        user.IsAdministrator() || (user.CanEditAnything() && user.OrganisationId() == organisationId);
}

/// <summary>Who may do what with plans and tasks: role first, then organisation.</summary>
public static class PlanAccess
{
    /// <summary>Drafting and changing plans, assigning duties: the lead department and administrators.</summary>
    public static bool CanEditPlans(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.LeadOfficer);

    /// <summary>Approving or returning a submitted plan.</summary>
    public static bool CanApprovePlans(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Leader);

    /// <summary>Deciding extensions, asking for explanations, reminding: the lead department's follow-up.</summary>
    public static bool CanFollowUp(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.LeadOfficer);

    /// <summary>Reporting progress on a duty: the lead agency's own officers, or the lead department.</summary>
    public static bool CanUpdateTask(this ClaimsPrincipal user, int leadAgencyId) =>
        user.CanFollowUp() || (user.CanEditAnything() && !user.IsInRole(Roles.Leader) && user.OrganisationId() == leadAgencyId);

    /// <summary>Seeing a duty: province-wide roles and viewers see all; others their organisation's (leading or co-ordinating).</summary>
    public static bool SeesAllTasks(this ClaimsPrincipal user) => user.SeesAllOrganisations() || user.IsInRole(Roles.Viewer);
}
