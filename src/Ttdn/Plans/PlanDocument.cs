namespace Ttdn.Plans;

/// <summary>
/// A plan as a document states it: the shape the importer produces, the demo fixture is written in, and
/// <c>ttdn plan import --dry-run --json</c> prints. Agencies are names as written; <see cref="PlanBuilder"/>
/// matches them to the directory as of the plan's date.
/// </summary>
public sealed record PlanDocument
{
    public PlanKind Kind { get; init; } = PlanKind.AnnualPlan;
    public string? Number { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? Place { get; init; }
    public string? Issuer { get; init; }
    public string Title { get; init; } = "";
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public string? Introduction { get; init; }
    public List<LegalBasisItem> LegalBases { get; init; } = [];
    public List<string> Purposes { get; init; } = [];
    public List<string> Requirements { get; init; } = [];
    public List<Section> Themes { get; init; } = [];
    public List<ChannelSection> Channels { get; init; } = [];
    public List<FundingLine> Funding { get; init; } = [];
    public List<AssignmentItem> Assignments { get; init; } = [];
    public List<string> Recipients { get; init; } = [];
    public SignerInfo? Signer { get; init; }

    public sealed record LegalBasisItem(LegalBasisKind Kind, string Number, DateOnly? Date, string? Issuer, string? Title, bool IsProposal);
    public sealed record Section(string Number, string Title, List<string> Items);
    public sealed record ChannelSection(string Number, string Title, string? CatalogueCode, List<string> Items);
    public sealed record FundingLine(string Text, FundingSource? Source);
    public sealed record AssignmentItem(string Number, string Agency, string? AgencyAsWritten, List<TaskItem> Tasks);
    public sealed record TaskItem(string Text, string? Deadline, List<string>? CoordinatingAgencies, List<TargetItem>? Targets,
        List<string>? Themes, List<string>? Channels);
    public sealed record TargetItem(decimal Quantity, string Unit, List<string> Languages);
    public sealed record SignerInfo(string? Name, string? Authority, string? Title);

    public int TaskCount => Assignments.Sum(a => a.Tasks.Count);
}
