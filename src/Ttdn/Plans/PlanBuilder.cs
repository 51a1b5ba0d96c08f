using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;

namespace Ttdn.Plans;

/// <summary>Turns a <see cref="PlanDocument"/> into a draft plan: agencies matched to the directory as of the plan's date.</summary>
public static class PlanBuilder
{
    public static async Task<Plan> BuildAsync(AppDb db, PlanDocument doc, int provinceId, int leadOrganisationId, DateTime nowUtc, CancellationToken ct = default)
    {
        var start = doc.PeriodStart ?? new DateOnly((doc.IssuedOn?.Year ?? DateTime.UtcNow.Year) + 1, 1, 1);
        var end = doc.PeriodEnd ?? new DateOnly(start.Year, 12, 31);
        var asOf = doc.IssuedOn ?? start;
        var issuerId = doc.Issuer is null ? null : (int?)(await MatchAsync(db, doc.Issuer, provinceId, asOf, ct));

        var plan = new Plan(doc.Kind, doc.Title, start, end, leadOrganisationId, nowUtc);
        plan.SetHeader(doc.Kind, doc.Title, start, end, doc.Number, doc.IssuedOn, doc.Place, issuerId, null);
        plan.SetIntroduction(doc.Introduction);
        plan.SetSigner(doc.Signer?.Name, doc.Signer?.Authority, doc.Signer?.Title);
        plan.LegalBases.AddRange(doc.LegalBases.Select((b, i) => new LegalBasis
            { Order = i + 1, Kind = b.Kind, Number = b.Number, Date = b.Date, Issuer = b.Issuer, Title = b.Title, IsProposal = b.IsProposal }));
        plan.Statements.AddRange(doc.Purposes.Select((t, i) => new PlanStatement { Kind = StatementKind.Purpose, Order = i + 1, Text = t }));
        plan.Statements.AddRange(doc.Requirements.Select((t, i) => new PlanStatement { Kind = StatementKind.Requirement, Order = i + 1, Text = t }));
        plan.Themes.AddRange(doc.Themes.Select((t, i) => new Theme { Order = i + 1, Number = t.Number, Title = t.Title, Items = t.Items }));
        plan.Channels.AddRange(doc.Channels.Select((c, i) => new PlanChannel
            { Order = i + 1, Number = c.Number, Title = c.Title, CatalogueCode = c.CatalogueCode ?? ChannelCatalogue.Match(c.Title)?.Code, Items = c.Items }));
        plan.Funding.AddRange(doc.Funding.Select((f, i) => new FundingItem { Order = i + 1, Text = f.Text, Source = f.Source }));
        foreach (var (text, i) in doc.Recipients.Select((t, i) => (t, i)))
            plan.Recipients.Add(new Recipient { Order = i + 1, Text = text, OrganisationId = await TryMatchAsync(db, text, provinceId, asOf, ct) });
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var order = 0;
        foreach (var (a, i) in doc.Assignments.Select((a, i) => (a, i)))
        {
            var agencyId = await MatchAsync(db, a.Agency, provinceId, asOf, ct);
            var assignment = new Assignment { PlanId = plan.Id, Order = i + 1, Number = a.Number, AgencyId = agencyId, AgencyAsWritten = a.AgencyAsWritten ?? a.Agency };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync(ct);
            foreach (var t in a.Tasks)
            {
                var task = new PlanTask(plan.Id, assignment.Id, ++order, t.Text, agencyId);
                var coordinators = new List<int>();
                foreach (var name in t.CoordinatingAgencies ?? []) coordinators.Add(await MatchAsync(db, name, provinceId, asOf, ct));
                task.Assign(agencyId, coordinators);
                task.Classify(
                    plan.Themes.Where(th => (t.Themes ?? []).Contains(th.Number)).Select(th => th.Id),
                    plan.Channels.Where(ch => (t.Channels ?? []).Contains(ch.Number)).Select(ch => ch.Id));
                task.SetTargets((t.Targets ?? []).Select(x => new Target { Quantity = x.Quantity, Unit = x.Unit, Languages = x.Languages }), null, null);
                var deadline = t.Deadline is null ? DeadlinePhrase.FindIn(t.Text, start, end) : DeadlinePhrase.Parse(t.Deadline, start, end);
                task.SetDeadline(deadline, start, end);
                db.PlanTasks.Add(task);
            }
            await db.SaveChangesAsync(ct);
        }
        return plan;
    }

    /// <summary>The organisation a name refers to, as of a date, within a province (or national); refuses with a clear message.</summary>
    public static async Task<int> MatchAsync(AppDb db, string name, int provinceId, DateOnly asOf, CancellationToken ct = default) =>
        await TryMatchAsync(db, name, provinceId, asOf, ct)
        ?? throw new DomainException($"Không tìm thấy cơ quan \"{name}\" trong danh mục tổ chức (tại ngày {asOf:dd/MM/yyyy}): hãy thêm tổ chức hoặc tên gọi khác của nó. (Organisation not found.)");

    public static async Task<int?> TryMatchAsync(AppDb db, string name, int provinceId, DateOnly asOf, CancellationToken ct = default)
    {
        var candidates = await OrganisationDirectory.FindAsync(db, StripCourtesy(name), null, asOf, 20, ct);
        var exact = candidates.Where(m => m.Exact).ToList();
        return (exact.FirstOrDefault(m => m.ProvinceId == provinceId || m.Id == provinceId) ?? exact.FirstOrDefault(m => m.ProvinceId is null))?.Id;
    }

    /// <summary>"Đề nghị Ban Tuyên giáo Tỉnh ủy" names Ban Tuyên giáo Tỉnh ủy: the courtesy verb is not part of the name.</summary>
    public static string StripCourtesy(string name)
    {
        var trimmed = name.Trim().TrimEnd(';', '.', ':').Trim();
        foreach (var prefix in new[] { "Đề nghị ", "Đề nghị các ", "Giao " })
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return trimmed[prefix.Length..].Trim();
        return trimmed.StartsWith("- ", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }
}
