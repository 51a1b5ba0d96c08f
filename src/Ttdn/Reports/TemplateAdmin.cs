using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Reports;

/// <summary>Administrators edit templates and indicators; everyone signed in reads them.</summary>
public static partial class TemplateAdmin
{
    public sealed record TemplateView(int Id, string Code, string Name, PeriodKind PeriodKind, int StartMonth, int DeadlineOffsetDays, ReportLevel Level,
        int? ConsolidatorId, IReadOnlyList<string> Receivers, IReadOnlyList<OutlineSection> Sections, IReadOnlyList<ReportQueries.IndicatorView> Indicators,
        bool IsActive, int Version);
    public sealed record TemplateInput(string Name, PeriodKind PeriodKind, int? StartMonth, int DeadlineOffsetDays, IReadOnlyList<string>? Receivers,
        IReadOnlyList<OutlineSection>? Sections, IReadOnlyList<int>? IndicatorIds, bool IsActive, int? Version);
    public sealed record IndicatorInput(string? Code, string Group, string Name, string Unit, IReadOnlyList<string>? Breakdown, string? TargetUnit, int? TemplateId);

    public static async Task<List<TemplateView>> ListAsync(AppDb db, CancellationToken ct = default)
    {
        var templates = await db.ReportTemplates.AsNoTracking().Include(t => t.Indicators).ThenInclude(i => i.Indicator).OrderBy(t => t.Id).ToListAsync(ct);
        return templates.Select(t => new TemplateView(t.Id, t.Code, t.Name, t.PeriodKind, t.StartMonth, t.DeadlineOffsetDays, t.Level, t.ConsolidatorId, t.Receivers,
            t.Sections, [.. t.Indicators.OrderBy(i => i.Order).Select(i => i.Indicator!).Select(i => new ReportQueries.IndicatorView(i.Id, i.Code, i.Group, i.Name, i.Unit, i.Breakdown, i.TargetUnit))],
            t.IsActive, t.Version)).ToList();
    }

    public static async Task<Ok<TemplateView>> UpdateTemplate(int id, TemplateInput input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        EnsureAdmin(user);
        var t = await db.ReportTemplates.Include(x => x.Indicators).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException("Không tìm thấy mẫu báo cáo. (Template not found.)", 404);
        if (input.Version is { } v && v != t.Version) throw DomainException.Conflict("Mẫu báo cáo vừa được người khác sửa: hãy tải lại. (Changed by someone else.)");
        db.Entry(t).Property(x => x.Version).OriginalValue = t.Version;
        t.Update(input.Name, input.PeriodKind, input.StartMonth ?? t.StartMonth, input.DeadlineOffsetDays, t.Level, t.ConsolidatorId, input.Receivers ?? t.Receivers, input.IsActive);
        if (input.Sections is not null) t.SetSections(input.Sections);
        if (input.IndicatorIds is { } ids)
        {
            var known = await db.Indicators.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
            if (known.Count != ids.Distinct().Count()) throw new DomainException("Có chỉ tiêu không tồn tại trong danh mục. (Unknown indicator.)");
            t.SetIndicators(ids);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ListAsync(db, ct)).Single(x => x.Id == id));
    }

    public static async Task<Created<ReportQueries.IndicatorView>> AddIndicator(IndicatorInput input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        EnsureAdmin(user);
        var indicator = await CreateIndicatorAsync(db, input, ct);
        return TypedResults.Created($"/api/indicators/{indicator.Id}", View(indicator));
    }

    /// <summary>A new indicator in the catalogue, appended to the template's set when one is given. Saves.</summary>
    public static async Task<Indicator> CreateIndicatorAsync(AppDb db, IndicatorInput input, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(input.Code) ? $"custom-{Guid.NewGuid():N}"[..20] : input.Code.Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
            throw new DomainException($"Mã chỉ tiêu \"{code}\" chỉ gồm chữ không dấu, số và dấu gạch ngang, tối đa 40 ký tự, ví dụ: press-briefings. (Code: a–z, 0–9 and -, at most 40.)");
        if (await db.Indicators.AnyAsync(i => i.Code == code, ct)) throw DomainException.Conflict($"Mã chỉ tiêu \"{code}\" đã có: hãy chọn mã khác. (Code already used.)");
        ReportTemplate? template = null;
        if (input.TemplateId is { } templateId)
            template = await db.ReportTemplates.Include(x => x.Indicators).SingleOrDefaultAsync(x => x.Id == templateId, ct)
                ?? throw new DomainException("Không tìm thấy mẫu báo cáo. (Template not found.)", 404);
        var indicator = new Indicator(code, input.Group, input.Name, input.Unit, input.Breakdown, input.TargetUnit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        if (template is not null)
        {
            template.ActivateIndicator(indicator.Id);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return indicator;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();

    /// <summary>Renames or re-units an indicator; figures already filed keep the name and unit they were filed under.</summary>
    public static async Task<Ok<ReportQueries.IndicatorView>> UpdateIndicator(int id, IndicatorInput input, ClaimsPrincipal user, AppDb db, CancellationToken ct)
    {
        EnsureAdmin(user);
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException("Không tìm thấy chỉ tiêu. (Indicator not found.)", 404);
        indicator.Update(input.Group, input.Name, input.Unit, input.Breakdown ?? indicator.Breakdown, input.TargetUnit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(indicator));
    }

    private static ReportQueries.IndicatorView View(Indicator i) => new(i.Id, i.Code, i.Group, i.Name, i.Unit, i.Breakdown, i.TargetUnit);

    private static void EnsureAdmin(ClaimsPrincipal user)
    {
        if (!user.IsAdministrator()) throw new DomainException("Chỉ quản trị hệ thống được sửa mẫu báo cáo và chỉ tiêu. (Administrators only.)", 403);
    }
}
