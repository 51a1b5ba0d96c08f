using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Hosting;
using Ttdn.Shared;

namespace Ttdn.Plans.Import;

/// <summary>
/// "Nhập kế hoạch từ tệp": upload, then review the parsed plan beside its source and diagnostics, fix agency matches and duty texts,
/// save as a draft. Stateless: the parse travels in the review form, protected by Data Protection so the server can trust it as its
/// own; the officer's corrections travel beside it as ordinary fields.
/// </summary>
// Above the importer's own limit (20 MB by default), so a file between the two gets its message saying what to do;
// anything larger is refused by the server with the friendly 413 page.
[RequestSizeLimit(PlanImportApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PlanImportApi.MaxRequestBytes)]
public sealed class ImportModel(AppDb db, IConfiguration config, TimeProvider clock, IDataProtectionProvider protection) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public List<int?> AgencyIds { get; set; } = [];
    [BindProperty] public List<string?> TaskTexts { get; set; } = [];
    [BindProperty] public List<int> RemoveTasks { get; set; } = [];

    public ImportResult? Result { get; private set; }
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    private IDataProtector Protector => protection.CreateProtector("Ttdn.Plans.Import.Review");

    public IActionResult OnGet() => User.CanEditPlans() ? Page() : Forbid();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Lang.T("Hãy chọn tệp kế hoạch (.txt, .md hoặc .docx).", "Choose a plan file (.txt, .md or .docx)."));
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            var parsed = PlanImporter.Import(stream, Upload.FileName, null, PlanImportApi.MaxBytes(config));
            State = Protector.Protect(JsonSerializer.Serialize(parsed, DemoPlans.Json));
            await ShowAsync(parsed, ct);
            AgencyIds = Result!.Plan.Assignments.Select(a => Result.UnmatchedAgencies.Contains(a.Agency) ? null : Organisations.FirstOrDefault(o => o.Name == a.Agency).Id is var id and > 0 ? (int?)id : null).ToList();
            TaskTexts = Result.Plan.Assignments.SelectMany(a => a.Tasks).Select(t => (string?)t.Text).ToList();
            (Title, Number) = (Result.Plan.Title, Result.Plan.Number);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Upload), e.Message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        ImportResult parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ImportResult>(Protector.Unprotect(State ?? ""), DemoPlans.Json)!;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            ModelState.AddModelError(nameof(Upload), Lang.T("Phiên duyệt đã hết hạn hoặc không hợp lệ: hãy tải tệp lên lại.", "The review has expired: upload the file again."));
            return Page();
        }
        var edited = await ApplyEditsAsync(parsed, ct);
        var province = await Initialiser.HomeProvinceAsync(db, config, ct);
        var matched = await ImportMatcher.MatchAsync(db, edited, province.Id, ct);
        try
        {
            var plan = await ImportSaver.SaveAsync(db, User, matched, province.Id, clock, ct);
            TempData["Notice"] = Lang.T($"Đã lưu bản nháp kế hoạch với {matched.Plan.TaskCount} nhiệm vụ.", $"Draft plan saved with {matched.Plan.TaskCount} tasks.");
            return Redirect($"/Plans/{plan.Id}");
        }
        catch (DomainException e) when (e.StatusCode != 403)
        {
            ModelState.AddModelError("Assignments", e.Message);
        }
        await ShowAsync(parsed, ct); // the posted corrections are kept and shown over the original parse
        return Page();
    }

    /// <summary>The officer's choices: agencies picked from the directory by id, duty texts rewritten or dropped, title and number.</summary>
    private async Task<ImportResult> ApplyEditsAsync(ImportResult parsed, CancellationToken ct)
    {
        var ids = AgencyIds.Where(i => i is not null).Select(i => i!.Value).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        int k = 0;
        var assignments = parsed.Plan.Assignments.Select((a, i) =>
        {
            var agency = i < AgencyIds.Count && AgencyIds[i] is { } id && names.TryGetValue(id, out var name) ? name : a.Agency;
            var tasks = new List<PlanDocument.TaskItem>();
            foreach (var t in a.Tasks)
            {
                var index = k++;
                if (RemoveTasks.Contains(index)) continue;
                var text = index < TaskTexts.Count && !string.IsNullOrWhiteSpace(TaskTexts[index]) ? TaskTexts[index]!.Trim() : t.Text;
                tasks.Add(text == t.Text ? t : t with { Text = text, Deadline = null });
            }
            return a with { Agency = agency, Tasks = tasks };
        }).Where(a => a.Tasks.Count > 0).ToList();
        var plan = parsed.Plan with
        {
            Assignments = assignments,
            Title = string.IsNullOrWhiteSpace(Title) ? parsed.Plan.Title : Title.Trim(),
            Number = string.IsNullOrWhiteSpace(Number) ? parsed.Plan.Number : Number.Trim(),
        };
        return parsed with { Plan = plan, UnmatchedAgencies = [], Matched = false };
    }

    private async Task ShowAsync(ImportResult parsed, CancellationToken ct)
    {
        var province = await Initialiser.HomeProvinceAsync(db, config, ct);
        Result = await ImportMatcher.MatchAsync(db, parsed, province.Id, ct);
        var asOf = Result.Plan.IssuedOn ?? Result.Plan.PeriodStart ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Organisations = (await db.Organisations.AsNoTracking()
                .Where(o => (o.ProvinceId == province.Id || o.Id == province.Id) && (o.ValidFrom == null || o.ValidFrom <= asOf) && (o.ValidTo == null || o.ValidTo >= asOf))
                .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
    }
}
