using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Plans;

public sealed class ContentModel(AppDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<LegalBasisKind> BaseKind { get; set; } = [];
    [BindProperty] public List<string?> BaseNumber { get; set; } = [];
    [BindProperty] public List<string?> BaseDate { get; set; } = [];
    [BindProperty] public List<string?> BaseIssuer { get; set; } = [];
    [BindProperty] public List<string?> BaseTitle { get; set; } = [];
    [BindProperty] public List<bool> BaseProposal { get; set; } = [];
    [BindProperty] public string? Purposes { get; set; }
    [BindProperty] public string? Requirements { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? Channels { get; set; }
    [BindProperty] public string? Funding { get; set; }
    [BindProperty] public string? Recipients { get; set; }
    public string PlanTitle { get; private set; } = "";
    public List<LegalBasis> Bases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        var plan = await db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.LegalBases).Include(p => p.Statements).Include(p => p.Themes)
            .Include(p => p.Channels).Include(p => p.Funding).Include(p => p.Recipients).SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (plan is null) return NotFound();
        (PlanTitle, Version) = (plan.Title, plan.Version);
        Bases = [.. plan.LegalBases.OrderBy(b => b.Order)];
        Purposes = Join(plan.Statements.Where(s => s.Kind == StatementKind.Purpose).OrderBy(s => s.Order).Select(s => s.Text));
        Requirements = Join(plan.Statements.Where(s => s.Kind == StatementKind.Requirement).OrderBy(s => s.Order).Select(s => s.Text));
        Themes = Sections(plan.Themes.OrderBy(t => t.Order).Select(t => (t.Number, t.Title, t.Items)));
        Channels = Sections(plan.Channels.OrderBy(c => c.Order).Select(c => (c.Number, c.Title, c.Items)));
        Funding = Join(plan.Funding.OrderBy(f => f.Order).Select(f => f.Text));
        Recipients = Join(plan.Recipients.OrderBy(r => r.Order).Select(r => r.Text));
        PadBases();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.CanEditPlans()) return Forbid();
        var bases = new List<PlanDocument.LegalBasisItem>();
        for (var i = 0; i < BaseNumber.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(BaseNumber[i])) continue;
            if (!DateInput.TryParse(i < BaseDate.Count ? BaseDate[i] : null, out var date))
                ModelState.AddModelError("LegalBases", Lang.T($"Ngày của văn bản {BaseNumber[i]} phải có dạng ngày/tháng/năm.", $"The date of {BaseNumber[i]} must be day/month/year."));
            bases.Add(new(i < BaseKind.Count ? BaseKind[i] : LegalBasisKind.Other, BaseNumber[i]!, date, At(BaseIssuer, i), At(BaseTitle, i), i < BaseProposal.Count && BaseProposal[i]));
        }
        if (ModelState.IsValid)
        {
            try
            {
                await PlanContent.SaveAsync(db, User, Id, new PlanContent.Input(bases, Split(Purposes), Split(Requirements),
                    ParseSections(Themes).Select(s => new PlanDocument.Section(s.Number, s.Title, s.Items)).ToList(),
                    ParseSections(Channels).Select(s => new PlanDocument.ChannelSection(s.Number, s.Title, null, s.Items)).ToList(),
                    Split(Funding).Select(f => new PlanDocument.FundingLine(f, null)).ToList(), Split(Recipients), Version), ct);
                TempData["Notice"] = Lang.T("Đã lưu nội dung kế hoạch.", "Content saved.");
                return Redirect($"/Plans/{Id}");
            }
            catch (DomainException e) when (e.StatusCode != 403)
            {
                ModelState.AddModelError(e.Message.Contains("hình thức", StringComparison.Ordinal) ? nameof(Channels) : nameof(Themes), e.Message);
            }
        }
        PlanTitle = await db.Plans.Where(p => p.Id == Id).Select(p => p.Title).SingleOrDefaultAsync(ct) ?? "";
        Bases = bases.Select(b => new LegalBasis { Kind = b.Kind, Number = b.Number, Date = b.Date, Issuer = b.Issuer, Title = b.Title, IsProposal = b.IsProposal }).ToList();
        PadBases();
        return Page();
    }

    /// <summary>"1. Title" starts a section; "- item" lines belong to it; other lines continue the previous line (page breaks).</summary>
    public static List<(string Number, string Title, List<string> Items)> ParseSections(string? text)
    {
        var sections = new List<(string Number, string Title, List<string> Items)>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var dot = line.IndexOf('.', StringComparison.Ordinal);
            if (dot is > 0 and <= 3 && line[..dot].All(char.IsDigit))
                sections.Add((line[..dot], line[(dot + 1)..].Trim(), []));
            else if (line.StartsWith('-') || line.StartsWith('•'))
            {
                if (sections.Count == 0) sections.Add(((sections.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), line.TrimStart('-', '•').Trim(), []));
                else sections[^1].Items.Add(line.TrimStart('-', '•').Trim());
            }
            else if (sections.Count > 0)
            {
                var last = sections[^1];
                if (last.Items.Count > 0) last.Items[^1] += " " + line;
                else sections[^1] = (last.Number, last.Title + " " + line, last.Items);
            }
            else sections.Add(("1", line, []));
        }
        return sections;
    }

    public static string KindLabel(LegalBasisKind k) => k switch
    {
        LegalBasisKind.Law => Lang.T("Luật", "Law"), LegalBasisKind.Decree => Lang.T("Nghị định", "Decree"),
        LegalBasisKind.Circular => Lang.T("Thông tư", "Circular"), LegalBasisKind.Decision => Lang.T("Quyết định", "Decision"),
        LegalBasisKind.Resolution => Lang.T("Nghị quyết", "Resolution"), LegalBasisKind.Conclusion => Lang.T("Kết luận", "Conclusion"),
        LegalBasisKind.Directive => Lang.T("Chỉ thị", "Directive"), LegalBasisKind.Plan => Lang.T("Kế hoạch", "Plan"),
        LegalBasisKind.OfficialLetter => Lang.T("Công văn", "Official letter"), LegalBasisKind.Submission => Lang.T("Tờ trình", "Submission"),
        _ => Lang.T("Khác", "Other"),
    };

    private void PadBases()
    {
        var rows = Math.Max(4, Bases.Count + 2); // room to add two documents
        while (Bases.Count < rows) Bases.Add(new LegalBasis { Kind = LegalBasisKind.Decision });
    }

    private static string Sections(IEnumerable<(string Number, string Title, List<string> Items)> sections)
    {
        var sb = new StringBuilder();
        foreach (var (n, title, items) in sections)
        {
            sb.Append(n).Append(". ").AppendLine(title);
            foreach (var i in items) sb.Append("- ").AppendLine(i);
        }
        return sb.ToString();
    }

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines);
    private static List<string> Split(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    private static string? At(List<string?> list, int i) => i < list.Count ? list[i] : null;
}
