namespace Ttdn.Monitoring.Ingestion;

/// <summary>An item as a feed, a page or an import file gives it, before any checking.</summary>
public sealed record IncomingItem(string? Url, string? Title, string? Text, DateTime? PublishedAt, string? Language, int Line = 0, string? Source = null);

/// <summary>Why an item was not stored, with the line of the import file it came from (0 for feeds).</summary>
public sealed record Rejection(int Line, string? Url, string Reason);

/// <summary>What one ingestion did: counts for the user, and the ids of the new items for alerting.</summary>
public sealed record IngestResult(int Imported, int Duplicates, IReadOnlyList<Rejection> Rejected, IReadOnlyList<long> NewIds);
