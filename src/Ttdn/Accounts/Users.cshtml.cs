using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;

namespace Ttdn.Accounts;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(AppDb db, TimeProvider clock) : PageModel
{
    public List<UserAdmin.UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await UserAdmin.ListAsync(db, clock.GetUtcNow(), ct);
}
