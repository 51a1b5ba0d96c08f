using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;

namespace Ttdn;

public sealed class IndexModel(AppDb db) : PageModel
{
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int OrganisationCount { get; private set; }
    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        var orgId = User.OrganisationId();
        OrganisationName = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        OrganisationCount = await db.Organisations.CountAsync();
        UserCount = await db.Users.CountAsync();
    }
}
