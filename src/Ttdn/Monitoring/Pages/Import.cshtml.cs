using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Alerts;
using Ttdn.Monitoring.Import;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Pages;

/// <summary>
/// /monitor/import — items exported from social platforms (.jsonl or .csv), through the API's import path; the result
/// lists each rejected line with its number and reason.
/// </summary>
// The server's limit is the API's; the configured file limit below it gets the importer's own message instead.
[RequestSizeLimit(MonitoringApi.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MonitoringApi.MaxImportBytes)]
public sealed class ImportModel(AppDb db, MediaImporter importer, AlertRules alerts, IConfiguration config) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Source { get; set; }

    public MonitoringApi.ImportOutcome? Result { get; private set; }
    public List<string> SourceNames { get; private set; } = [];
    public long MaxMegabytes => MonitoringApi.MaxImportFileBytes(config) / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.CanManageMonitoring()) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanManageMonitoring()) return Forbid();
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), Lang.T("Hãy chọn tệp cần nhập (.jsonl hoặc .csv).", "Choose a file to import (.jsonl or .csv)."));
        else
        {
            try
            {
                Result = await MonitoringApi.ImportAsync(db, User, importer, alerts, Upload, Source, MonitoringApi.MaxImportFileBytes(config), ct);
            }
            catch (DomainException e) when (e.StatusCode != 403)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(nameof(Upload), e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        SourceNames = await db.MediaSources.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(ct);
}
