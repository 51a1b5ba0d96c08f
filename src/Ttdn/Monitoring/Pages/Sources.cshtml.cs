using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Monitoring.Pages;

/// <summary>/monitor/sources — the directory with each source's health, filtered by kind, language, country and health.</summary>
public sealed class SourcesModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public SourceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public SourceHealthStatus? Health { get; set; }

    public List<MonitoringApi.SourceView> Sources { get; private set; } = [];
    public Dictionary<int, int[]> Daily { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public List<string> Countries { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanManage => User.CanManageMonitoring();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await MonitoringApi.SourceViewsAsync(db, clock, ct);
        Total = all.Count;
        Languages = all.Select(s => s.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        Countries = all.Select(s => s.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        Sources = all.Where(s => Kind is null || s.Kind == Kind)
            .Where(s => string.IsNullOrEmpty(Language) || s.Language == Language)
            .Where(s => string.IsNullOrEmpty(Country) || string.Equals(s.Country, Country, StringComparison.OrdinalIgnoreCase))
            .Where(s => Health is null || s.Health == Health)
            .ToList();
        Daily = await SourceActivity.DailyAsync(db, clock.GetUtcNow(), ct);
    }
}
