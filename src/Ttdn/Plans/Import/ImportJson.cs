namespace Ttdn.Plans.Import;

/// <summary>
/// The parsed plan as <c>ttdn plan import --dry-run --json</c> and <c>POST /api/plans/import?dryRun=true</c> give it (issue 4, item 5):
/// deadlines resolved against the plan period, agencies canonical (null while unmatched) beside their written form.
/// </summary>
public sealed record ImportJson(
    string? Number, DateOnly? IssuedOn, string? Place, string? Issuer, string Title, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    List<ImportJson.ImportedLegalBasis> LegalBases, List<string> Purposes, List<string> Requirements, List<ImportJson.ImportedTheme> Themes,
    List<ImportJson.ImportedChannel> Channels, List<string> Funding, List<ImportJson.ImportedAssignment> Assignments, List<string> Recipients,
    ImportJson.ImportedSigner? Signer, string Encoding, List<ImportJson.ImportedDiagnostic> Diagnostics)
{
    public sealed record ImportedLegalBasis(string Kind, string Number, DateOnly? Date, string? Issuer, bool IsProposal);
    public sealed record ImportedTheme(string Number, string Title, List<string> Items);
    public sealed record ImportedChannel(string Number, string Title, string? CatalogueCode, List<string> Items);
    public sealed record ImportedAssignment(string Number, string? Agency, string? AgencyAsWritten, List<ImportedTask> Tasks);
    public sealed record ImportedTask(string Text, ImportedDeadline? Deadline, string? Recurrence, List<ImportedTarget> Targets, List<string> CoordinatingAgencies);
    public sealed record ImportedDeadline(string? Text, DateOnly? From, DateOnly? To);
    public sealed record ImportedTarget(decimal Quantity, string Unit, List<string> Languages);
    public sealed record ImportedSigner(string? Name, string? Authority, string? Title);
    public sealed record ImportedDiagnostic(string Location, string Severity, string Message);

    public static ImportJson From(ImportResult r)
    {
        var p = r.Plan;
        var start = p.PeriodStart ?? new DateOnly(DateTime.UtcNow.Year, 1, 1);
        var end = p.PeriodEnd ?? new DateOnly(start.Year, 12, 31);
        string? Canonical(string name) => r.Matched && r.UnmatchedAgencies.Contains(name) ? null : name;
        ImportedTask TaskOf(PlanDocument.TaskItem t)
        {
            var d = t.Deadline is null ? null : DeadlinePhrase.Parse(t.Deadline, start, end);
            return new ImportedTask(t.Text, d is null ? null : new ImportedDeadline(d.Text, d.From, d.To),
                d is { Recurrence: not Recurrence.None } ? d.Recurrence.ToString() : null,
                (t.Targets ?? []).Select(x => new ImportedTarget(x.Quantity, x.Unit, x.Languages)).ToList(),
                (t.CoordinatingAgencies ?? []).ToList());
        }
        return new ImportJson(p.Number, p.IssuedOn, p.Place, p.Issuer, p.Title, p.PeriodStart, p.PeriodEnd,
            p.LegalBases.Select(b => new ImportedLegalBasis(b.Kind.ToString(), b.Number, b.Date, b.Issuer, b.IsProposal)).ToList(),
            p.Purposes, p.Requirements,
            p.Themes.Select(t => new ImportedTheme(t.Number, t.Title, t.Items)).ToList(),
            p.Channels.Select(c => new ImportedChannel(c.Number, c.Title, c.CatalogueCode, c.Items)).ToList(),
            p.Funding.Select(f => f.Text).ToList(),
            p.Assignments.Select(a => new ImportedAssignment(a.Number, Canonical(a.Agency), a.AgencyAsWritten, a.Tasks.Select(TaskOf).ToList())).ToList(),
            p.Recipients,
            p.Signer is { } s ? new ImportedSigner(s.Name, s.Authority, s.Title) : null,
            r.Encoding,
            r.Diagnostics.Select(d => new ImportedDiagnostic(d.Location, d.Severity.ToString(), d.Message)).ToList());
    }
}
