namespace Ttdn.Monitoring.Processing;

/// <summary>The readable part of a web page: paragraphs separated by a blank line.</summary>
public sealed record ExtractedArticle(string? Title, string Text, DateTimeOffset? PublishedAt, string? Language);
