namespace Ttdn.Monitoring.Fetching;

public enum FeedKind { Rss, Atom, JsonFeed, Sitemap, Listing }

/// <summary>One item of a feed. <see cref="Url"/> is absolute (resolved against the feed's address) and http(s).</summary>
public sealed record FeedEntry(string Url, string? Title, string? Summary, string? ContentHtml,
    DateTimeOffset? PublishedAt, string? Id, string? Language, string? Author);

/// <summary>
/// What a feed document yielded. <see cref="Warnings"/> says, in words, what was skipped or repaired (broken XML after
/// item 12, links that were not http, an encoding label that contradicted the bytes) so nothing is lost silently.
/// </summary>
public sealed record ParsedFeed(FeedKind Kind, string? Title, string? Language, IReadOnlyList<FeedEntry> Entries,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A sitemap index: the entries are further sitemaps to fetch, not articles.</summary>
    public bool IsSitemapIndex { get; init; }
}

/// <summary>The document gave nothing usable; the message says why (Vietnamese first, English in parentheses).</summary>
public sealed class FeedFormatException(string reason) : Exception(reason);
