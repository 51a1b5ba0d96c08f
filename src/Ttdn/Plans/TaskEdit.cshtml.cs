using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Plans;

public sealed class TaskEditModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? TaskId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? AssignmentId { get; set; }
    [BindProperty] public int LeadAgencyId { get; set; }
    [BindProperty] public List<int> CoordinatorIds { get; set; } = [];
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [BindProperty] public List<string?> TargetQuantity { get; set; } = [];
    [BindProperty] public List<string?> TargetUnit { get; set; } = [];
    [BindProperty] public List<string?> TargetLanguages { get; set; } = [];
    [BindProperty] public List<int> ThemeIds { get; set; } = [];
    [BindProperty] public List<int> ChannelIds { get; set; } = [];
    [BindProperty] public string? PlannedBudget { get; set; }
    [BindProperty] public FundingSource? FundingSource { get; set; }
    [BindProperty] public int Version { get; set; }

    public string PlanTitle { get; private set; } = "";
    public List<Target> Targets { get; private set; } = [];
    public List<(int Id, string Label)> Organisations { get; private set; } = [];
    public List<(int Id, string Label)> Assignments { get; private set; } = [];
    public List<(int Id, string Label)> Themes { get; private set; } = [];
    public List<(int Id, string Label)> Channels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        if (TaskId is { } id)
        {
            var t = await db.PlanTasks.AsNoTracking().Include(x => x.Coordinators).Include(x => x.Themes).Include(x => x.Channels)
                .SingleOrDefaultAsync(x => x.Id == id && x.PlanId == PlanId, ct);
            if (t is null) return NotFound();
            (Text, AssignmentId, LeadAgencyId, Deadline, Version) = (t.Text, t.AssignmentId, t.LeadAgencyId, t.DeadlineText, t.Version);
            CoordinatorIds = t.Coordinators.Select(c => c.OrganisationId).ToList();
            ThemeIds = t.Themes.Select(x => x.ThemeId).ToList();
            ChannelIds = t.Channels.Select(x => x.PlanChannelId).ToList();
            Targets = t.Targets;
            (PlannedBudget, FundingSource) = (t.PlannedBudget?.ToString("0", CultureInfo.InvariantCulture), t.FundingSource);
            if (t.DeadlineKind == DeadlineKind.Exact && t.DeadlineText is null) DueDate = Lang.Date(t.DueTo);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        if (!DateInput.TryParse(DueDate, out var due))
            ModelState.AddModelError(nameof(DueDate), Lang.T("Ngày phải có dạng ngày/tháng/năm, ví dụ 30/06/2027.", "The date must be day/month/year."));
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(PlannedBudget))
        {
            if (decimal.TryParse(PlannedBudget.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var b)) budget = b;
            else ModelState.AddModelError(nameof(PlannedBudget), Lang.T("Kinh phí phải là số đồng, ví dụ 150.000.000.", "The budget must be a number of đồng."));
        }
        var targets = ReadTargets();
        if (ModelState.IsValid)
        {
            try
            {
                var input = new PlanChanges.TaskInput(Text ?? "", LeadAgencyId, CoordinatorIds, Deadline, due, targets, ThemeIds, ChannelIds, budget, FundingSource, AssignmentId, Version);
                if (TaskId is { } id) await PlanChanges.UpdateTaskAsync(db, User, id, input, ct);
                else await PlanChanges.AddTaskAsync(db, User, PlanId, input, ct);
                TempData["Notice"] = Lang.T("Đã lưu nhiệm vụ.", "Task saved.");
                return Redirect($"/Plans/{PlanId}#tasks");
            }
            catch (DomainException e) when (e.StatusCode != 403)
            {
                ModelState.AddModelError(e.Message.Contains("thời hạn", StringComparison.OrdinalIgnoreCase) ? nameof(Deadline)
                    : e.Message.Contains("chỉ tiêu", StringComparison.OrdinalIgnoreCase) ? "Targets" : nameof(Text), e.Message);
            }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private List<PlanDocument.TargetItem> ReadTargets()
    {
        var list = new List<PlanDocument.TargetItem>();
        for (var i = 0; i < TargetQuantity.Count; i++)
        {
            var q = TargetQuantity[i];
            var unit = i < TargetUnit.Count ? TargetUnit[i] : null;
            if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(unit)) continue;
            if (!decimal.TryParse(q?.Replace(".", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            {
                ModelState.AddModelError("Targets", Lang.T($"Số lượng chỉ tiêu \"{q}\" không phải là số.", $"Target quantity \"{q}\" is not a number."));
                continue;
            }
            var languages = (i < TargetLanguages.Count ? TargetLanguages[i] : null)?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().ToLowerInvariant()).ToList() ?? [];
            list.Add(new PlanDocument.TargetItem(quantity, unit ?? "", languages));
            Targets.Add(new Target { Quantity = quantity, Unit = unit ?? "", Languages = languages });
        }
        return list;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Themes).Include(p => p.Channels).Include(p => p.Assignments).SingleOrDefaultAsync(p => p.Id == PlanId, ct);
        if (plan is null) return false;
        PlanTitle = plan.Title;
        var asOf = plan.IssuedOn ?? plan.PeriodStart;
        var orgs = await db.Organisations.AsNoTracking().Where(o => (o.ValidTo == null || o.ValidTo >= asOf) || o.Id == LeadAgencyId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Province = o.Province != null ? o.Province.Name : null }).ToListAsync(ct);
        Organisations = orgs.Select(o => (o.Id, o.Province is null ? o.Name : $"{o.Name} — {o.Province}")).ToList();
        Assignments = plan.Assignments.OrderBy(a => a.Order).Select(a => (a.Id, $"{a.Number}. {a.AgencyAsWritten}")).ToList();
        Themes = plan.Themes.OrderBy(t => t.Order).Select(t => (t.Id, $"{t.Number}. {Shorten(t.Title)}")).ToList();
        Channels = plan.Channels.OrderBy(c => c.Order).Select(c => (c.Id, $"{c.Number}. {c.Title}")).ToList();
        return true;
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "…";
}
