using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;

namespace Ttdn;

public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int OrganisationCount { get; private set; }
    public int UserCount { get; private set; }
    public int Overdue { get; private set; }
    public int DueThisWeek { get; private set; }

    public async Task OnGetAsync()
    {
        var orgId = User.OrganisationId();
        OrganisationName = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        Roles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        OrganisationCount = await db.Organisations.CountAsync();
        UserCount = await db.Users.CountAsync();
        // The in-app reminder: what the user's organisation has overdue or due within a week.
        var today = Tasks.TaskActions.Today(clock);
        var rows = await Tasks.TaskQueries.ListAsync(db, new Tasks.TaskQueries.Filter(AgencyId: orgId ?? -1, IncludeCoordinating: false, DueTo: today.AddDays(7), OnlyStarted: false), today);
        Overdue = rows.Count(r => Plans.TaskStatusRules.IsOverdue(r.Status));
        DueThisWeek = rows.Count(r => !Plans.TaskStatusRules.IsDone(r.Status) && !Plans.TaskStatusRules.IsOverdue(r.Status) && r.Due >= today);
    }
}
