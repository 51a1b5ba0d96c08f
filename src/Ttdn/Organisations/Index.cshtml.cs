using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Organisations;

public sealed class IndexModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    public string? DateError { get; private set; }
    public DateOnly Today { get; private set; }
    public List<OrganisationDirectory.Match> Results { get; private set; } = [];
    public List<(int Id, string Name)> Provinces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Lang.VietnamTime).DateTime);
        if (!DateInput.TryParse(On, out var on))
            DateError = Lang.T($"Ngày \"{On}\" không đúng dạng: hãy gõ ngày/tháng/năm, ví dụ 01/07/2025.", $"\"{On}\" is not a date: type day/month/year, e.g. 01/07/2025.");
        Provinces = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Province).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Results = await OrganisationDirectory.FindAsync(db, Q, Province, on, 500, ct);
    }
}
