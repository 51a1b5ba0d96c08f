using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;

namespace Ttdn.Plans.Import;

/// <summary>
/// The second step of an import: every agency the plan names (lead and co-ordinating) looked up in the organisation directory as of the
/// plan's date, by name, abbreviation or alias. Exact matches replace the written name by the canonical one; a name valid only at
/// another date is followed to the body carrying its duties then; a single partial match, or a match on the first part of a
/// combined name ("Các sở, ban, ngành, UBND các huyện…" → "Các sở, ban, ngành"), is taken with a warning; anything else stays
/// unmatched, is listed in <see cref="ImportResult.UnmatchedAgencies"/> and gets a diagnostic, for the officer to resolve.
/// </summary>
public static class ImportMatcher
{
    public sealed record Resolution(int? Id, string? Name, DiagnosticSeverity? Severity, string? Message);

    public static async Task<ImportResult> MatchAsync(AppDb db, ImportResult result, int provinceId, CancellationToken ct = default)
    {
        var doc = result.Plan;
        var asOf = doc.IssuedOn ?? doc.PeriodStart ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var diagnostics = new List<ImportDiagnostic>(result.Diagnostics);
        var unmatched = new HashSet<string>();
        var cache = new Dictionary<string, Resolution>();

        async Task<string> Resolve(string name, string location)
        {
            if (!cache.TryGetValue(name, out var r)) cache[name] = r = await ResolveAsync(db, name, provinceId, asOf, ct);
            if (r.Message is not null) diagnostics.Add(new ImportDiagnostic(location, r.Severity ?? DiagnosticSeverity.Warning, r.Message));
            if (r.Name is null) unmatched.Add(name);
            return r.Name ?? name;
        }

        var assignments = new List<PlanDocument.AssignmentItem>();
        foreach (var a in doc.Assignments)
        {
            var location = $"mục Tổ chức thực hiện, số {a.Number}";
            var agency = await Resolve(a.Agency, location);
            var tasks = new List<PlanDocument.TaskItem>();
            foreach (var t in a.Tasks)
            {
                var coordinators = new List<string>();
                foreach (var c in t.CoordinatingAgencies ?? []) coordinators.Add(await Resolve(c, location + " (cơ quan phối hợp)"));
                tasks.Add(t with { CoordinatingAgencies = coordinators });
            }
            assignments.Add(a with { Agency = agency, Tasks = tasks });
        }
        string? issuer = doc.Issuer;
        if (issuer is not null && await PlanBuilder.TryMatchAsync(db, issuer, provinceId, asOf, ct) is null)
        {
            diagnostics.Add(new ImportDiagnostic("đầu văn bản", DiagnosticSeverity.Warning, $"Cơ quan ban hành \"{issuer}\" không có trong danh mục tổ chức: để trống khi lưu. (Issuer not found.)"));
            issuer = null;
        }
        return result with
        {
            Plan = doc with { Assignments = assignments, Issuer = issuer },
            Diagnostics = diagnostics,
            UnmatchedAgencies = unmatched,
            Matched = true,
        };
    }

    public static async Task<Resolution> ResolveAsync(AppDb db, string name, int provinceId, DateOnly asOf, CancellationToken ct = default)
    {
        if (await PlanBuilder.TryMatchAsync(db, name, provinceId, asOf, ct) is { } id) return new(id, await NameAsync(db, id, ct), null, null);

        var anyTime = (await OrganisationDirectory.FindAsync(db, PlanBuilder.StripCourtesy(name), provinceId, null, 10, ct)).Where(m => m.Exact).ToList();
        if (anyTime.Count > 0)
        {
            var carrier = await OrganisationDirectory.CarrierOnAsync(db, anyTime[0].Id, asOf, "thông tin đối ngoại", ct);
            if (carrier.Id > 0)
                return new(carrier.Id, carrier.Name, DiagnosticSeverity.Warning,
                    $"\"{name}\" không còn (hoặc chưa) hoạt động vào ngày {asOf:dd/MM/yyyy}; nhiệm vụ giao cho đơn vị đảm nhận khi đó: {carrier.Name}. Hãy kiểm tra. (Historical name: matched to its successor.)");
            return new(null, null, DiagnosticSeverity.Warning,
                $"\"{name}\" không hoạt động vào ngày {asOf:dd/MM/yyyy} ({carrier.Explanation}): hãy chọn cơ quan khác. (Organisation not active on that date.)");
        }

        var partial = (await OrganisationDirectory.FindAsync(db, PlanBuilder.StripCourtesy(name), provinceId, asOf, 5, ct)).ToList();
        if (partial.Count == 1)
            return new(partial[0].Id, partial[0].Name, DiagnosticSeverity.Warning,
                $"\"{name}\" khớp gần đúng với \"{partial[0].Name}\": hãy kiểm tra. (Low-confidence match.)");

        var parts = name.Split(", ");
        for (int n = parts.Length - 1; n >= 1; n--)
        {
            var prefix = string.Join(", ", parts[..n]);
            if (await PlanBuilder.TryMatchAsync(db, prefix, provinceId, asOf, ct) is { } pid)
            {
                var canonical = await NameAsync(db, pid, ct);
                return new(pid, canonical, DiagnosticSeverity.Warning,
                    $"\"{name}\" gồm nhiều cơ quan; đã giao cho \"{canonical}\" (khớp phần đầu \"{prefix}\"). Hãy kiểm tra. (Matched on the first part only.)");
            }
        }
        return new(null, null, DiagnosticSeverity.Warning,
            $"Không tìm thấy \"{name}\" trong danh mục tổ chức (tại ngày {asOf:dd/MM/yyyy}): hãy chọn cơ quan trong màn hình duyệt, hoặc thêm tên gọi khác cho tổ chức. (Agency not found.)");
    }

    private static Task<string> NameAsync(AppDb db, int id, CancellationToken ct) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(ct);
}
