namespace Ttdn.Plans.Import;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>Something the importer could not understand, or understood with low confidence: where, how sure, what to do.</summary>
public sealed record ImportDiagnostic(string Location, DiagnosticSeverity Severity, string Message);

/// <summary>
/// What <see cref="PlanImporter.Import"/> read. <see cref="Plan"/> names agencies as the document writes them (courtesy words such as
/// "Đề nghị" removed); <see cref="ImportMatcher.MatchAsync"/> replaces them by the directory's canonical names as of the plan's date and
/// lists in <see cref="UnmatchedAgencies"/> those it could not place.
/// </summary>
public sealed record ImportResult
{
    public required PlanDocument Plan { get; init; }
    public required string Encoding { get; init; }
    public List<ImportDiagnostic> Diagnostics { get; init; } = [];
    public bool LooksLikeNews { get; init; }
    /// <summary>The source as read, one entry per paragraph, for showing beside the parsed plan.</summary>
    public List<SourceLine> Source { get; init; } = [];
    /// <summary>Filled by <see cref="ImportMatcher"/>: agency names (as in <see cref="Plan"/>) not found in the directory.</summary>
    public HashSet<string> UnmatchedAgencies { get; init; } = [];
    public bool Matched { get; init; }
}
