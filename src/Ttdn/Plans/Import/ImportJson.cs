namespace Ttdn.Plans.Import;

/// <summary>
/// The parsed plan as <c>ttdn plan import --dry-run --json</c> and <c>POST /api/plans/import?dryRun=true</c> give it (issue 4, item 5):
/// deadlines resolved against the plan period, agencies canonical (null while unmatched) beside their written form.
/// </summary>
public sealed record ImportJson(
    string? Number, DateOnly? IssuedOn, string? Place, string? Issuer, string Title, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    List<ImportJson.LegalBasis> LegalBases, List<string> Purposes, List<string> Requirements, List<ImportJson.Theme> Themes,
    List<ImportJson.Channel> Channels, List<string> Funding, List<ImportJson.Assignment> Assignments, List<string> Recipients,
    ImportJson.SignerJson? Signer, string Encoding, List<ImportJson.Diagnostic> Diagnostics)
{
    public sealed record LegalBasis(string Kind, string Number, DateOnly? Date, string? Issuer, bool IsProposal);
    public sealed record Theme(string Number, string Title, List<string> Items);
    public sealed record Channel(string Number, string Title, string? CatalogueCode, List<string> Items);
    public sealed record Assignment(string Number, string? Agency, string? AgencyAsWritten, List<Task> Tasks);
    public sealed record Task(string Text, DeadlineJson? Deadline, string? Recurrence, List<Target> Targets, List<string> CoordinatingAgencies);
    public sealed record DeadlineJson(string? Text, DateOnly? From, DateOnly? To);
    public sealed record Target(decimal Quantity, string Unit, List<string> Languages);
    public sealed record SignerJson(string? Name, string? Authority, string? Title);
    public sealed record Diagnostic(string Location, string Severity, string Message);

    public static ImportJson From(ImportResult r)
    {
        var p = r.Plan;
        var start = p.PeriodStart ?? new DateOnly(DateTime.UtcNow.Year, 1, 1);
        var end = p.PeriodEnd ?? new DateOnly(start.Year, 12, 31);
        string? Canonical(string name) => r.Matched && r.UnmatchedAgencies.Contains(name) ? null : name;
        Task TaskOf(PlanDocument.TaskItem t)
        {
            var d = t.Deadline is null ? null : DeadlinePhrase.Parse(t.Deadline, start, end);
            return new Task(t.Text, d is null ? null : new DeadlineJson(d.Text, d.From, d.To),
                d is { Recurrence: not Recurrence.None } ? d.Recurrence.ToString() : null,
                (t.Targets ?? []).Select(x => new Target(x.Quantity, x.Unit, x.Languages)).ToList(),
                (t.CoordinatingAgencies ?? []).ToList());
        }
        return new ImportJson(p.Number, p.IssuedOn, p.Place, p.Issuer, p.Title, p.PeriodStart, p.PeriodEnd,
            p.LegalBases.Select(b => new LegalBasis(b.Kind.ToString(), b.Number, b.Date, b.Issuer, b.IsProposal)).ToList(),
            p.Purposes, p.Requirements,
            p.Themes.Select(t => new Theme(t.Number, t.Title, t.Items)).ToList(),
            p.Channels.Select(c => new Channel(c.Number, c.Title, c.CatalogueCode, c.Items)).ToList(),
            p.Funding.Select(f => f.Text).ToList(),
            p.Assignments.Select(a => new Assignment(a.Number, Canonical(a.Agency), a.AgencyAsWritten, a.Tasks.Select(TaskOf).ToList())).ToList(),
            p.Recipients,
            p.Signer is { } s ? new SignerJson(s.Name, s.Authority, s.Title) : null,
            r.Encoding,
            r.Diagnostics.Select(d => new Diagnostic(d.Location, d.Severity.ToString(), d.Message)).ToList());
    }
}
