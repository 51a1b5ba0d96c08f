using Microsoft.AspNetCore.Identity;
using Ttdn.Organisations;

namespace Ttdn.Accounts;

/// <summary>A person who signs in. Every user belongs to one organisation, which scopes what they may change.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
