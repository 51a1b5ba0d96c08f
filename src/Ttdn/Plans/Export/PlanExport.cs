using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Documents;
using Ttdn.Organisations;
using Ttdn.Shared;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Plans.Export;

/// <summary>
/// A stored plan as the official document it came from: the same sections, numbering and wording as the issued
/// text (the Thái Nguyên 2022 plan is the model), so reading the export back gives the same plan.
/// </summary>
public static class PlanExport
{
    public const string PurposesHeading = "MỤC ĐÍCH, YÊU CẦU";
    public const string ThemesHeading = "NỘI DUNG";
    public const string ChannelsHeading = "HÌNH THỨC THÔNG TIN VÀ TRUYỀN THÔNG";
    public const string FundingHeading = "KINH PHÍ";
    public const string AssignmentsHeading = "TỔ CHỨC THỰC HIỆN";

    private static readonly string[] Roman = ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X."];

    /// <summary>The plan's document, after checking the user may read the plan.</summary>
    public static async Task<OfficialDocument> ForUserAsync(AppDb db, ClaimsPrincipal user, int planId, CancellationToken ct = default)
    {
        await PlanVisibility.EnsureVisibleAsync(db, user, planId, ct);
        return await BuildAsync(db, planId, ct) ?? throw new DomainException("Không tìm thấy kế hoạch. (Plan not found.)", 404);
    }

    public static async Task<OfficialDocument?> BuildAsync(AppDb db, int planId, CancellationToken ct = default) =>
        await LoadAsync(db, planId, ct) is { } plan ? From(plan) : null;

    /// <summary>A stored plan with everything its document prints, read-only.</summary>
    public static Task<Plan?> LoadAsync(AppDb db, int planId, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Issuer).ThenInclude(o => o!.Province)
            .Include(p => p.LeadOrganisation).ThenInclude(o => o!.Province)
            .Include(p => p.LegalBases).Include(p => p.Statements).Include(p => p.Themes).Include(p => p.Channels)
            .Include(p => p.Funding).Include(p => p.Recipients)
            .Include(p => p.Assignments).ThenInclude(a => a.Agency)
            .Include(p => p.Tasks).ThenInclude(t => t.LeadAgency)
            .Include(p => p.Tasks).ThenInclude(t => t.Coordinators).ThenInclude(c => c.Organisation)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);

    /// <summary>Who issues the document and where it is issued: the part of the letterhead a plan's text does not carry.</summary>
    public sealed record Letterhead(string Issuer, string? ParentIssuer, string Symbol, string? Place, string? ReportTo);

    public static OfficialDocument From(Plan plan)
    {
        var issuer = plan.Issuer ?? (plan.LeadOrganisation!.Kind == OrganisationKind.Province ? plan.LeadOrganisation : plan.LeadOrganisation.Province)
            ?? plan.LeadOrganisation;
        var province = issuer.Kind == OrganisationKind.Province ? issuer : issuer.Province;
        var letterhead = new Letterhead(
            issuer.Name,
            issuer.Kind != OrganisationKind.Province && province is not null ? ShortProvinceName(province.Name) : null,
            $"{Abbreviation(plan.Kind)}-{(issuer.Kind == OrganisationKind.Province ? "UBND" : issuer.ShortName ?? "")}",
            plan.IssuePlace ?? (province is null ? null : PlaceOf(province.Name)),
            plan.LeadOrganisation!.Name);
        return From(ToDocument(plan), letterhead);
    }

    /// <summary>
    /// A plan as parsed from a file (not stored): the importer's result rendered straight back, e.g. by
    /// <c>ttdn plan import &lt;file&gt; --dry-run --docx out.docx</c>.
    /// </summary>
    public static OfficialDocument From(PlanDocument doc)
    {
        var issuer = doc.Issuer ?? "Ủy ban nhân dân";
        var committee = IssuerLines(issuer).Contains('\n') || VietnameseText.EqualsFolded(issuer, "Ủy ban nhân dân");
        var symbol = doc.Number is { } n && n.IndexOf('/') is var slash and >= 0 ? n[(slash + 1)..] : $"{Abbreviation(doc.Kind)}-{(committee ? "UBND" : "")}";
        return From(doc, new Letterhead(issuer, null, symbol, doc.Place, null));
    }

    public static OfficialDocument From(PlanDocument plan, Letterhead letterhead) => new()
    {
        ParentIssuer = letterhead.ParentIssuer,
        Issuer = IssuerLines(letterhead.Issuer),
        Number = plan.Number,
        Symbol = letterhead.Symbol,
        Place = letterhead.Place,
        Date = plan.IssuedOn,
        Kind = KindName(plan.Kind),
        Title = plan.Title,
        Body = Body(plan, letterhead.ReportTo),
        Recipients = Recipients(plan.Recipients),
        Signer = plan.Signer is { } s && (s.Name ?? s.Authority ?? s.Title) is not null ? new OfficialDocument.Signature(s.Authority, s.Title, s.Name) : null,
    };

    /// <summary>The stored plan in the shape its document states it; duties outside an assignment are grouped by lead agency.</summary>
    public static PlanDocument ToDocument(Plan plan)
    {
        var tasks = plan.Tasks.OrderBy(t => t.Order).ToList();
        var assignments = plan.Assignments.OrderBy(a => a.Order).Select(a => new PlanDocument.AssignmentItem(a.Number, a.Agency?.Name ?? a.AgencyAsWritten,
            a.AgencyAsWritten, [.. tasks.Where(t => t.AssignmentId == a.Id).Select(Item)])).ToList();
        assignments.AddRange(tasks.Where(t => t.AssignmentId is null).GroupBy(t => t.LeadAgencyId).Select(g =>
            new PlanDocument.AssignmentItem("", g.First().LeadAgency?.Name ?? "", null, [.. g.Select(Item)])));
        return new PlanDocument
        {
            Kind = plan.Kind, Number = plan.Number, IssuedOn = plan.IssuedOn, Place = plan.IssuePlace, Issuer = plan.Issuer?.Name, Title = plan.Title,
            PeriodStart = plan.PeriodStart, PeriodEnd = plan.PeriodEnd, Introduction = plan.Introduction,
            LegalBases = [.. plan.LegalBases.OrderBy(b => b.Order).Select(b => new PlanDocument.LegalBasisItem(b.Kind, b.Number, b.Date, b.Issuer, b.Title, b.IsProposal))],
            Purposes = [.. plan.Statements.Where(s => s.Kind == StatementKind.Purpose).OrderBy(s => s.Order).Select(s => s.Text)],
            Requirements = [.. plan.Statements.Where(s => s.Kind == StatementKind.Requirement).OrderBy(s => s.Order).Select(s => s.Text)],
            Themes = [.. plan.Themes.OrderBy(t => t.Order).Select(t => new PlanDocument.Section(t.Number, t.Title, t.Items))],
            Channels = [.. plan.Channels.OrderBy(c => c.Order).Select(c => new PlanDocument.ChannelSection(c.Number, c.Title, c.CatalogueCode, c.Items))],
            Funding = [.. plan.Funding.OrderBy(f => f.Order).Select(f => new PlanDocument.FundingLine(f.Text, f.Source))],
            Assignments = assignments,
            Recipients = [.. plan.Recipients.OrderBy(r => r.Order).Select(r => r.Text)],
            Signer = plan.SignerName is null && plan.SignerAuthority is null && plan.SignerTitle is null
                ? null : new PlanDocument.SignerInfo(plan.SignerName, plan.SignerAuthority, plan.SignerTitle),
        };
    }

    private static PlanDocument.TaskItem Item(PlanTask t) => new(t.Text, t.DeadlineText,
        [.. t.Coordinators.Select(c => c.Organisation?.Name).OfType<string>()],
        [.. t.Targets.Select(x => new PlanDocument.TargetItem(x.Quantity, x.Unit, x.Languages))], null, null);

    /// <summary>"241-KH-UBND.docx"; a draft without a number is named after its plan id.</summary>
    public static string FileName(string? number, int planId, string extension)
    {
        var stem = string.IsNullOrWhiteSpace(number) ? $"du-thao-ke-hoach-{planId}" : number.Trim();
        var invalid = Path.GetInvalidFileNameChars().Append('\\').Append('"').ToHashSet();
        stem = new string(stem.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray());
        return stem + extension;
    }

    private static List<OfficialDocument.Block> Body(PlanDocument plan, string? reportTo)
    {
        var body = new List<OfficialDocument.Block>();
        if (plan.Introduction is { Length: > 0 } intro) body.Add(new OfficialDocument.Paragraph(intro));
        else body.AddRange(plan.LegalBases.Select(b => new OfficialDocument.Paragraph(LegalBasisSentence(b))));

        var section = 0;
        string Next() => Roman[Math.Min(section++, Roman.Length - 1)];
        if (plan.Purposes.Count + plan.Requirements.Count > 0)
        {
            body.Add(new OfficialDocument.Heading(1, Next(), PurposesHeading));
            var sub = 0;
            if (plan.Purposes.Count > 0) AddList(body, $"{++sub}.", "Mục đích", plan.Purposes);
            if (plan.Requirements.Count > 0) AddList(body, $"{++sub}.", "Yêu cầu", plan.Requirements);
        }
        if (plan.Themes.Count > 0)
        {
            body.Add(new OfficialDocument.Heading(1, Next(), ThemesHeading));
            foreach (var (t, i) in plan.Themes.Select((t, i) => (t, i))) AddList(body, Label(t.Number, i), t.Title, t.Items);
        }
        if (plan.Channels.Count > 0)
        {
            body.Add(new OfficialDocument.Heading(1, Next(), ChannelsHeading));
            foreach (var (c, i) in plan.Channels.Select((c, i) => (c, i))) AddList(body, Label(c.Number, i), c.Title, c.Items);
        }
        if (plan.Funding.Count > 0)
        {
            body.Add(new OfficialDocument.Heading(1, Next(), FundingHeading));
            body.AddRange(plan.Funding.Select((f, i) => new OfficialDocument.Paragraph(plan.Funding.Count > 1 ? $"{i + 1}. {f.Text}" : f.Text)));
        }
        if (plan.Assignments.Count > 0)
        {
            body.Add(new OfficialDocument.Heading(1, Next(), AssignmentsHeading));
            // One numbered item per agency as the plan writes it, its duties as "- " lines.
            foreach (var (a, i) in plan.Assignments.Select((a, i) => (a, i)))
            {
                body.Add(new OfficialDocument.Heading(2, Label(a.Number, i), a.AgencyAsWritten is { Length: > 0 } w ? w : a.Agency));
                body.AddRange(a.Tasks.Select(t => new OfficialDocument.Bullet(TaskLine(t))));
            }
        }
        body.Add(new OfficialDocument.Paragraph(
            $"Trên đây là {Sentence(KindName(plan.Kind))} {LowerFirst(plan.Title)}. Yêu cầu các cơ quan, đơn vị, địa phương liên quan triển khai thực hiện; " +
            $"báo cáo tình hình, kết quả thực hiện{(reportTo is null ? "" : $" về {reportTo} để tổng hợp")} theo quy định."));
        return body;
    }

    /// <summary>
    /// The duty as written. Co-ordinators and a deadline set in the application but absent from the wording are added in
    /// brackets, so the document still tells the agency everything it was assigned.
    /// </summary>
    public static string TaskLine(PlanDocument.TaskItem task)
    {
        var extras = new List<string>();
        var coordinators = task.CoordinatingAgencies ?? [];
        if (coordinators.Count > 0 && !VietnameseText.ContainsWords(task.Text, "phối hợp"))
            extras.Add("phối hợp: " + string.Join(", ", coordinators));
        if (task.Deadline is { Length: > 0 } deadline && !VietnameseText.ContainsWords(task.Text, deadline))
            extras.Add("thời hạn: " + deadline);
        return extras.Count == 0 ? task.Text : $"{task.Text} ({string.Join("; ", extras)})";
    }

    /// <summary>A numbered item; as in the issued plans, only an item with sub-items is a (bold) heading.</summary>
    private static void AddList(List<OfficialDocument.Block> body, string label, string title, IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            body.Add(new OfficialDocument.Paragraph($"{label} {title}"));
            return;
        }
        body.Add(new OfficialDocument.Heading(2, label, title));
        body.AddRange(items.Select(i => new OfficialDocument.Bullet(i)));
    }

    /// <summary>"- Bộ Thông tin và Truyền thông;" … "- Lưu: VT, KGVX, TH." as Decree 30 punctuates them.</summary>
    private static List<string> Recipients(List<string> texts) => texts.Select((t, i) =>
    {
        t = t.Trim().TrimStart('-', '+', '•').Trim();
        var end = i == texts.Count - 1 ? "." : ";";
        return "- " + (t.EndsWith(';') || t.EndsWith('.') ? t : t + end);
    }).ToList();

    public static string LegalBasisSentence(PlanDocument.LegalBasisItem b)
    {
        var kind = b.Kind switch
        {
            LegalBasisKind.Law => "Luật", LegalBasisKind.Decree => "Nghị định", LegalBasisKind.Circular => "Thông tư",
            LegalBasisKind.Decision => "Quyết định", LegalBasisKind.Resolution => "Nghị quyết", LegalBasisKind.Conclusion => "Kết luận",
            LegalBasisKind.Directive => "Chỉ thị", LegalBasisKind.Plan => "Kế hoạch", LegalBasisKind.OfficialLetter => "Công văn",
            LegalBasisKind.Submission => "Tờ trình", _ => "Văn bản",
        };
        var date = b.Date is { } d ? $" ngày {ShortDate(d)}" : "";
        var issuer = b.Issuer is { Length: > 0 } i ? $" của {i}" : "";
        var title = b.Title is { Length: > 0 } t ? $" {t}" : "";
        return b.IsProposal
            ? $"Xét đề nghị{issuer} tại {kind} số {b.Number}{date}{title};"
            : $"Căn cứ {kind} số {b.Number}{date}{issuer}{title};";
    }

    /// <summary>Dates inside the text as the seed writes them: "07/9/2015", "03/02/2022" (the Decree 30 zero rule).</summary>
    public static string ShortDate(DateOnly d) =>
        $"{d.Day:00}/{(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))}/{d.Year}";

    public static string KindName(PlanKind kind) => kind switch
    {
        PlanKind.Programme => "ĐỀ ÁN",
        PlanKind.ActionProgramme => "CHƯƠNG TRÌNH",
        _ => "KẾ HOẠCH",
    };

    private static string Abbreviation(PlanKind kind) => kind switch
    {
        PlanKind.Programme => "ĐA",
        PlanKind.ActionProgramme => "CTr",
        _ => "KH",
    };

    /// <summary>"Ủy ban nhân dân tỉnh Thái Nguyên" is printed on two lines, "ỦY BAN NHÂN DÂN" over "TỈNH THÁI NGUYÊN".</summary>
    private static string IssuerLines(string name)
    {
        const string committee = "Ủy ban nhân dân";
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 4 && VietnameseText.EqualsFolded(string.Join(' ', words[..4]), committee)
            ? string.Join(' ', words[..4]) + "\n" + string.Join(' ', words[4..])
            : name;
    }

    /// <summary>The parent line above a department: "UBND TỈNH THÁI NGUYÊN".</summary>
    private static string ShortProvinceName(string provinceName) =>
        IssuerLines(provinceName) is var lines && lines.Contains('\n') ? "UBND " + lines[(lines.IndexOf('\n') + 1)..] : provinceName;

    /// <summary>"Ủy ban nhân dân tỉnh Thái Nguyên" → "Thái Nguyên".</summary>
    private static string PlaceOf(string provinceName)
    {
        var words = provinceName.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = words.FindIndex(w => VietnameseText.EqualsFolded(w, "tỉnh") || VietnameseText.EqualsFolded(w, "phố"));
        return at >= 0 && at < words.Count - 1 ? string.Join(' ', words[(at + 1)..]) : provinceName;
    }

    private static string Label(string number, int index) => (number is { Length: > 0 } n ? n.TrimEnd('.') : (index + 1).ToString(CultureInfo.InvariantCulture)) + ".";

    private static string Sentence(string upper) => upper[..1] + upper[1..].ToLower(CultureInfo.GetCultureInfo("vi-VN"));

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], CultureInfo.GetCultureInfo("vi-VN")) + s[1..];
}
