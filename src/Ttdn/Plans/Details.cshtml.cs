using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Plans.Export;
using Ttdn.Shared;
using Ttdn.Tasks;

namespace Ttdn.Plans;

public sealed class DetailsModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public PlanQueries.Detail? Plan { get; private set; }
    public List<PlanChanges.Transition> Actions { get; private set; } = [];
    public List<(string Number, string Title, List<PlanQueries.TaskView> Tasks)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try { return await LoadAsync(ct) ? Page() : NotFound(); }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        try
        {
            var (bytes, name) = await PlanExportApi.DocxAsync(db, User, Id, ct);
            return File(bytes, DocxRenderer.ContentType, name);
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
    }

    /// <summary>The PDF, or the plan page again saying why there is none (LibreOffice missing, timed out) — the DOCX still works.</summary>
    public async Task<IActionResult> OnGetPdfAsync([FromServices] PdfConverter pdf, CancellationToken ct)
    {
        try
        {
            var (bytes, name) = await PlanExportApi.PdfAsync(db, pdf, User, Id, ct);
            return File(bytes, PdfConverter.ContentType, name);
        }
        catch (DomainException e) when (e.StatusCode == 404) { return NotFound(); }
        catch (DomainException e) when (e.StatusCode == 403) { return Forbid(); }
        catch (DomainException e) { ModelState.AddModelError("document-downloads", e.Message); }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTransitionAsync(PlanChanges.Transition action, string? number, string? issuedOn, string? reason, int version, CancellationToken ct)
    {
        if (!DateInput.TryParse(issuedOn, out var date))
            ModelState.AddModelError("IssuedOn", Lang.T("Ngày ban hành phải có dạng ngày/tháng/năm, ví dụ 28/12/2021.", "The date must be day/month/year."));
        else
        {
            try
            {
                await PlanChanges.TransitionAsync(db, User, Id, new PlanChanges.TransitionInput(action, number, date, null, reason, version), clock, ct);
                TempData["Notice"] = Lang.T($"Đã thực hiện: {Label(action)}.", $"Done: {Label(action)}.");
                return Redirect($"/Plans/{Id}");
            }
            catch (DomainException e) when (e.StatusCode != 403) { ModelState.AddModelError(action == PlanChanges.Transition.Amend ? "Reason" : "Number", e.Message); }
            catch (DomainException) { return Forbid(); }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCopyAsync(string? year, CancellationToken ct)
    {
        if (!int.TryParse(year, out var y) || y < 2000 || y > 2100)
            ModelState.AddModelError("Year", Lang.T("Hãy nhập năm bằng 4 chữ số, ví dụ 2027.", "Enter a four-digit year."));
        else
        {
            try
            {
                var copy = await PlanChanges.CopyAsync(db, User, Id, y, clock, ct);
                TempData["Notice"] = Lang.T($"Đã tạo dự thảo kế hoạch năm {y} từ kế hoạch này.", $"Draft plan for {y} created.");
                return Redirect($"/Plans/{copy.Id}");
            }
            catch (DomainException e) when (e.StatusCode != 403) { ModelState.AddModelError("Year", e.Message); }
            catch (DomainException) { return Forbid(); }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public static string Label(PlanChanges.Transition t) => t switch
    {
        PlanChanges.Transition.Submit => Lang.T("Trình lãnh đạo", "Submit to leaders"),
        PlanChanges.Transition.Return => Lang.T("Trả lại để chỉnh sửa", "Return for changes"),
        PlanChanges.Transition.Approve => Lang.T("Phê duyệt", "Approve"),
        PlanChanges.Transition.Issue => Lang.T("Ghi nhận ban hành", "Record as issued"),
        PlanChanges.Transition.Amend => Lang.T("Sửa đổi, bổ sung", "Amend"),
        _ => Lang.T("Kết thúc kế hoạch", "Close the plan"),
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        await PlanVisibility.EnsureVisibleAsync(db, User, Id, ct);
        Plan = await PlanQueries.DetailAsync(db, Id, TaskActions.Today(clock), ct);
        if (Plan is null) return false;
        Actions = Plan.Status switch
        {
            PlanStatus.Draft when User.CanEditPlans() => [PlanChanges.Transition.Submit],
            PlanStatus.Submitted when User.CanApprovePlans() => [PlanChanges.Transition.Approve, PlanChanges.Transition.Return],
            PlanStatus.Approved when User.CanEditPlans() => [PlanChanges.Transition.Issue],
            PlanStatus.Issued or PlanStatus.Amended when User.CanEditPlans() => [PlanChanges.Transition.Amend, PlanChanges.Transition.Close],
            _ => [],
        };
        var tasksByAssignment = Plan.Tasks.GroupBy(t => t.AssignmentId).ToDictionary(g => g.Key ?? 0, g => g.ToList());
        Groups = Plan.Assignments.Select(a => (a.Number, a.AgencyAsWritten, tasksByAssignment.GetValueOrDefault(a.Id) ?? [])).ToList();
        if (tasksByAssignment.TryGetValue(0, out var loose))
            Groups.Add(("*", Lang.T("Nhiệm vụ khác", "Other tasks"), loose));
        return true;
    }
}
