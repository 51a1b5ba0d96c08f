using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;

namespace Ttdn.Plans;

public sealed class IndexModel(AppDb db) : PageModel
{
    public List<PlanQueries.Summary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await PlanQueries.ListAsync(db, ct);
}
