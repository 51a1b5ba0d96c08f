using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>/monitor/alerts — alerts newest first, unread or all, by kind; monitoring officers mark them seen.</summary>
public sealed class AlertsModel(AppDb db, TimeProvider clock) : PageModel
{
    /// <summary>"open" (the default) or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public AlertKind? Kind { get; set; }

    public List<MonitoringAlert> Alerts { get; private set; } = [];
    public Dictionary<int, string> SourceNames { get; private set; } = [];
    public Dictionary<int, SavedSearch> Searches { get; private set; } = [];
    public bool OpenOnly => Show != "all";
    public bool CanManage => User.CanManageMonitoring();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Alerts = await MonitoringApi.AlertsAsync(db, OpenOnly, Kind, ct);
        var sourceIds = Alerts.Where(a => a.SourceId != null).Select(a => a.SourceId!.Value).Distinct().ToList();
        SourceNames = await db.MediaSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var searchIds = Alerts.Where(a => a.SavedSearchId != null).Select(a => a.SavedSearchId!.Value).Distinct().ToList();
        Searches = await db.SavedSearches.AsNoTracking().Where(s => searchIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        try
        {
            await MonitoringApi.AcknowledgeAsync(db, User, id, clock, ct);
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        TempData["Notice"] = Lang.T("Đã đánh dấu cảnh báo là đã xem.", "Alert marked as seen.");
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostAcknowledgeAllAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var n = await MonitoringApi.AcknowledgeAllAsync(db, User, Kind, clock, ct);
        TempData["Notice"] = Lang.T($"Đã đánh dấu {n} cảnh báo là đã xem.", $"{n} alerts marked as seen.");
        return Redirect(Back());
    }

    private string Back() => "/monitor/alerts" + (Show == "all" ? "?Show=all" + (Kind is { } k ? $"&Kind={k}" : "") : Kind is { } kind ? $"?Kind={kind}" : "");
}
