using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Shared;

namespace Ttdn.Reports;

/// <summary>
/// The consolidated report of a period: indicator sums with last year, the plan's targets and a breakdown by agency;
/// narratives gathered per section, theme and agency; the duties' table; the agencies that did not report. The lead
/// officer edits the final text and number here and downloads the indicator workbook.
/// </summary>
public sealed class ConsolidationPageModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Plan { get; set; }
    [BindProperty(SupportsGet = true)] public string Template { get; set; } = DefaultTemplates.Annual;
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty] public Dictionary<string, string?> Texts { get; set; } = [];
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? IssuedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Consolidation.Result Result { get; private set; } = null!;
    public OfficialDocument Document { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool Saved => Request.Query["done"] == "saved";
    public bool Sent => Request.Query["done"] == "sent";
    public bool Reopened => Request.Query["done"] == "reopened";

    public string Query => $"plan={Plan}&template={Uri.EscapeDataString(Template)}&period={Uri.EscapeDataString(Period)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct, fill: true) ?? Page();

    /// <summary>The BÁO CÁO as DOCX (Decree 30/2020 layout), with the final text and number saved here.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        await LoadAsync(ct, fill: false) ?? File(DocxRenderer.Render(Document), DocxRenderer.ContentType, $"bao-cao-{Result.Period.Label}.docx");

    /// <summary>The PDF, or this page again saying why there is none (LibreOffice missing, timed out) — the DOCX still works.</summary>
    public async Task<IActionResult> OnGetPdfAsync([FromServices] PdfConverter pdf, CancellationToken ct)
    {
        if (await LoadAsync(ct, fill: true) is { } failed) return failed;
        try
        {
            return File(await pdf.ConvertAsync(DocxRenderer.Render(Document), ct), PdfConverter.ContentType, $"bao-cao-{Result.Period.Label}.pdf");
        }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        DateOnly? issued = null;
        if (!string.IsNullOrWhiteSpace(IssuedOn))
        {
            if (DateInput.TryParse(IssuedOn, out var d) && d is not null) issued = d;
            else ModelState.AddModelError(nameof(IssuedOn), Lang.T("Ngày ban hành phải viết dạng dd/MM/yyyy, ví dụ 26/12/2022.", "Write the date as dd/MM/yyyy."));
        }
        if (ModelState.IsValid)
        {
            try
            {
                await ConsolidationActions.EditAsync(db, User, Plan, Template, Period, new ConsolidationActions.EditInput(
                    Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value!), Number, issued), ct);
                return Redirect($"/Reports/Consolidation?{Query}&done=saved");
            }
            catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
            catch (DomainException e) { ModelState.AddModelError(e.Message.Contains("/BC-", StringComparison.Ordinal) ? nameof(Number) : "", e.Message); }
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(ct, fill: false) ?? Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        try
        {
            await ConsolidationActions.SendAsync(db, User, Plan, Template, Period, clock, ct);
            return Redirect($"/Reports/Consolidation?{Query}&done=sent");
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); }
        db.ChangeTracker.Clear();
        return await LoadAsync(ct, fill: false) ?? Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        try
        {
            await ConsolidationActions.ReopenAsync(db, User, Plan, Template, Period, Reason, clock, ct);
            return Redirect($"/Reports/Consolidation?{Query}&done=reopened");
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) { ModelState.AddModelError(nameof(Reason), e.Message); }
        db.ChangeTracker.Clear();
        return await LoadAsync(ct, fill: false) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool fill)
    {
        try
        {
            Result = await ConsolidationActions.ForPlanAsync(db, User, Plan, Template, Period, clock, ct);
        }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) { return BadRequest(e.Message); }
        Document = ReportDocument.Build(Result);
        CanEdit = await ReportAccess.CanReviewAsync(db, User, Plan, ct);
        if (fill)
        {
            Texts = Result.Sections.Where(s => s.FinalText is not null).ToDictionary(s => s.Key, s => s.FinalText);
            if (Result.Intro is { } intro) Texts[Consolidation.IntroKey] = intro;
            Number = Result.Number;
            IssuedOn = Result.IssuedOn is { } d ? Lang.Date(d) : null;
        }
        return null;
    }
}
