using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;

namespace Ttdn.Plans;

/// <summary>
/// "Copy last year's plan as the start of the next one": a new draft with the same structure, the period and the
/// years in titles and deadlines moved forward, and every agency replaced by the body that carries its
/// foreign-information duties in the new period (Sở TT&amp;TT in 2022 → Sở VHTTDL in 2026).
/// </summary>
public static partial class PlanCopier
{
    public const string DutyArea = "Thông tin đối ngoại";

    public static async Task<Plan> CopyAsync(AppDb db, int sourceId, int newStartYear, DateTime nowUtc, CancellationToken ct = default)
    {
        var source = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.LegalBases).Include(p => p.Statements).Include(p => p.Themes).Include(p => p.Channels)
            .Include(p => p.Funding).Include(p => p.Recipients).Include(p => p.Assignments)
            .Include(p => p.Tasks).ThenInclude(t => t.Coordinators)
            .Include(p => p.Tasks).ThenInclude(t => t.Themes)
            .Include(p => p.Tasks).ThenInclude(t => t.Channels)
            .SingleOrDefaultAsync(p => p.Id == sourceId, ct)
            ?? throw new DomainException("Không tìm thấy kế hoạch cần sao chép. (Plan not found.)", 404);
        var shift = newStartYear - source.PeriodStart.Year;
        if (shift <= 0) throw new DomainException($"Năm của kế hoạch mới phải sau {source.PeriodStart.Year}. (The copy must be for a later year.)");
        var start = source.PeriodStart.AddYears(shift);
        var end = source.PeriodEnd.AddYears(shift);
        // Only the plan's own years move ("năm 2022" → "năm 2026"); other years stay ("giai đoạn 2021 - 2025").
        string Years(string? text) => text is null ? "" : YearPattern().Replace(text, m =>
        {
            var year = int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
            return year >= source.PeriodStart.Year && year <= source.PeriodEnd.Year ? (year + shift).ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value;
        });

        var carriers = new Dictionary<int, int>();
        async Task<int> Now(int organisationId)
        {
            if (carriers.TryGetValue(organisationId, out var id)) return id;
            var carrier = await OrganisationDirectory.CarrierOnAsync(db, organisationId, start, DutyArea, ct);
            return carriers[organisationId] = carrier.Id == 0 ? organisationId : carrier.Id;
        }

        var plan = new Plan(source.Kind, Years(source.Title), start, end, await Now(source.LeadOrganisationId), nowUtc);
        plan.SetHeader(source.Kind, Years(source.Title), start, end, null, null, source.IssuePlace, source.IssuerId is { } i ? await Now(i) : null, source.ParentId);
        plan.CopiedFrom(source.Id);
        plan.SetSigner(null, source.SignerAuthority, source.SignerTitle);
        plan.LegalBases.AddRange(source.LegalBases.Where(b => !b.IsProposal).Select(b => new LegalBasis
            { Order = b.Order, Kind = b.Kind, Number = b.Number, Date = b.Date, Issuer = b.Issuer, Title = b.Title }));
        plan.Statements.AddRange(source.Statements.Select(s => new PlanStatement { Kind = s.Kind, Order = s.Order, Text = Years(s.Text) }));
        plan.Themes.AddRange(source.Themes.Select(t => new Theme { Order = t.Order, Number = t.Number, Title = Years(t.Title), Items = t.Items.Select(Years).ToList() }));
        plan.Channels.AddRange(source.Channels.Select(c => new PlanChannel { Order = c.Order, Number = c.Number, Title = c.Title, CatalogueCode = c.CatalogueCode, Items = c.Items.Select(Years).ToList() }));
        plan.Funding.AddRange(source.Funding.Select(f => new FundingItem { Order = f.Order, Text = Years(f.Text), Source = f.Source }));
        foreach (var r in source.Recipients)
            plan.Recipients.Add(new Recipient { Order = r.Order, Text = r.Text, OrganisationId = r.OrganisationId is { } o ? await Now(o) : null });
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var themeIds = source.Themes.ToDictionary(t => t.Id, t => plan.Themes.Single(n => n.Order == t.Order).Id);
        var channelIds = source.Channels.ToDictionary(c => c.Id, c => plan.Channels.Single(n => n.Order == c.Order).Id);
        var assignmentIds = new Dictionary<int, int>();
        foreach (var a in source.Assignments.OrderBy(a => a.Order))
        {
            var copy = new Assignment { PlanId = plan.Id, Order = a.Order, Number = a.Number, AgencyId = await Now(a.AgencyId), AgencyAsWritten = a.AgencyAsWritten };
            db.Assignments.Add(copy);
            await db.SaveChangesAsync(ct);
            assignmentIds[a.Id] = copy.Id;
        }
        foreach (var t in source.Tasks.OrderBy(t => t.Order))
        {
            var task = new PlanTask(plan.Id, t.AssignmentId is { } a ? assignmentIds[a] : null, t.Order, Years(t.Text), await Now(t.LeadAgencyId));
            var coordinators = new List<int>();
            foreach (var c in t.Coordinators) coordinators.Add(await Now(c.OrganisationId));
            task.Assign(task.LeadAgencyId, coordinators);
            task.Classify(t.Themes.Select(x => themeIds[x.ThemeId]), t.Channels.Select(x => channelIds[x.PlanChannelId]));
            task.SetTargets(t.Targets.Select(x => new Target { Quantity = x.Quantity, Unit = x.Unit, Languages = [.. x.Languages] }), t.PlannedBudget, t.FundingSource);
            task.SetDeadline(ShiftDeadline(t.Deadline, shift, Years), start, end);
            db.PlanTasks.Add(task);
        }
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private static Deadline ShiftDeadline(Deadline d, int years, Func<string?, string> text) => d with
    {
        Text = d.Text is null ? null : text(d.Text),
        From = d.From?.AddYears(years),
        To = d.To?.AddYears(years),
    };

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex YearPattern();
}
