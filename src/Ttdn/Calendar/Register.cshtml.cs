using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Vietnamese.Calendar.Anniversaries;

namespace Ttdn.Calendar;

/// <summary>/calendar/register: the anniversary register with filters; editors see what they may change.</summary>
public sealed class RegisterModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public AnniversaryKind? Kind { get; set; }
    /// <summary>"national", a province id, or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }

    public List<AnniversaryQueries.Entry> Entries { get; private set; } = [];
    public List<(int Id, string Name)> Provinces { get; private set; } = [];
    public HashSet<int?> EditableScopes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        int? province = int.TryParse(Scope, out var p) ? p : null;
        Entries = await AnniversaryQueries.ListAsync(db, new(Text, Kind, province, Scope == "national"), ct);
        Provinces = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Province && o.ValidTo == null)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        foreach (var scope in Entries.Select(e => e.ProvinceId).Distinct())
            if (await CalendarAccess.CanEditRegisterAsync(db, User, scope, ct)) EditableScopes.Add(scope);
    }
}
