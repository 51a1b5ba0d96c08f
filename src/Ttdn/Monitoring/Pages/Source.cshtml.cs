using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Polling;
using Ttdn.Monitoring.Search;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// /monitor/sources/{id} — one source: its settings and health, "Lấy tin ngay" (the API's fetch path: poll, then the
/// alert rules) with the outcome, the fetch log and the newest items.
/// </summary>
public sealed class SourceModel(AppDb db, TimeProvider clock, SourcePoller poller, AlertRules alerts) : PageModel
{
    public const int LatestItems = 30;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public MonitoringApi.SourceView Source { get; private set; } = null!;
    public int[] Daily { get; private set; } = [];
    public List<FetchRun> Runs { get; private set; } = [];
    public List<ItemView> Items { get; private set; } = [];
    public bool CanManage => User.CanManageMonitoring();

    /// <summary>The outcome of the last "Lấy tin ngay", carried over the redirect; failures are shown as errors.</summary>
    [TempData] public string? FetchOutcome { get; set; }
    [TempData] public bool FetchFailed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFetchAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        try
        {
            var outcome = await MonitoringApi.FetchNowAsync(db, User, poller, alerts, Id, ct);
            FetchFailed = !outcome.Succeeded;
            FetchOutcome = Describe(outcome);
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) when (e.StatusCode != 403)
        {
            FetchFailed = true;
            FetchOutcome = e.Message;
        }
        return Redirect($"/monitor/sources/{Id}");
    }

    public static string Describe(PollOutcome o) =>
        !o.Succeeded ? Lang.T($"Không lấy được tin: {o.Error}", $"Fetch failed: {o.Error}")
        : o.NotModified ? Lang.T("Nguồn chưa có gì mới kể từ lần lấy trước (HTTP 304).", "Nothing new since the last fetch (HTTP 304).")
        : Lang.T($"Đã lấy tin: {o.NewItems} mục mới, {o.Duplicates} mục đã có, {o.Entries} mục trong nguồn.",
            $"Fetched: {o.NewItems} new items, {o.Duplicates} already collected, {o.Entries} entries in the feed.")
          + (o.Warnings.Count == 0 ? "" : Lang.T($" Cảnh báo: {string.Join("; ", o.Warnings.Take(5))}", $" Warnings: {string.Join("; ", o.Warnings.Take(5))}"));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var source = (await MonitoringApi.SourceViewsAsync(db, clock, ct)).SingleOrDefault(s => s.Id == Id);
        if (source is null) return false;
        Source = source;
        Daily = (await SourceActivity.DailyAsync(db, clock.GetUtcNow(), ct)).GetValueOrDefault(Id) ?? new int[SourceActivity.Days];
        Runs = await MonitoringApi.FetchLogAsync(db, Id, ct);
        var ids = await db.MediaItems.AsNoTracking().Where(i => i.SourceId == Id).OrderByDescending(i => i.Id).Select(i => i.Id).Take(LatestItems).ToListAsync(ct);
        Items = await ItemView.LoadAsync(db, ids, null, ct);
        return true;
    }
}
