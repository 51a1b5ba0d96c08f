using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Fetching;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Monitoring.Processing;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Polling;

/// <summary>What one poll of a source did, as the source page and the "Lấy tin ngay" button report it.</summary>
public sealed record PollOutcome(bool Succeeded, bool NotModified, int Entries, int NewItems, int Duplicates, string? Error, IReadOnlyList<string> Warnings,
    int? HttpStatus = null);

/// <summary>
/// Reads one source: fetch (politely, with its validators), parse, optionally fetch each new article's page and extract
/// its text, ingest, and record the outcome on the source and in the fetch log. Every failure ends up there with its
/// reason; nothing here throws for a bad feed.
/// </summary>
public sealed class SourcePoller(PoliteFetcher fetcher, MediaIngest ingest, TimeProvider clock)
{
    /// <summary>A feed's summary shorter than this is not the article: with "fetch articles" on, the page is read.</summary>
    public const int ShortSummary = 600;
    public const int MaxArticlesPerPoll = 30;
    public const int MaxChildSitemaps = 5;

    public async Task<PollOutcome> PollAsync(AppDb db, int sourceId, CancellationToken ct = default)
    {
        var source = await db.MediaSources.SingleOrDefaultAsync(s => s.Id == sourceId, ct)
            ?? throw new DomainException("Không tìm thấy nguồn tin. (Source not found.)", 404);
        if (source.Format == SourceFormat.Import || source.Url is null)
            throw new DomainException("Nguồn này chỉ nhận tin nhập từ tệp, không lấy tin tự động được. (This source is filled by imports only.)");

        var started = clock.GetUtcNow();
        PollOutcome outcome;
        try
        {
            outcome = await FetchAndIngestAsync(db, source, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not DomainException)
        {
            // A bug or a database error must still show on the source, not only in a log nobody reads.
            outcome = new PollOutcome(false, false, 0, 0, 0, $"Lỗi khi xử lý tin: {e.Message} (processing failed)", []);
            db.ChangeTracker.Clear();
            source = await db.MediaSources.SingleAsync(s => s.Id == sourceId, ct);
        }

        var failuresBefore = await db.FetchRuns.Where(r => r.SourceId == sourceId).OrderByDescending(r => r.Id).Take(10)
            .Select(r => r.Succeeded).ToListAsync(ct);
        var inARow = outcome.Succeeded ? 0 : 1 + failuresBefore.TakeWhile(s => !s).Count();
        var at = started.UtcDateTime;
        source.RecordFetch(at, outcome.Succeeded, outcome.Error, outcome.NewItems, inARow);
        var warnings = outcome.Warnings.Count == 0 ? null : "Cảnh báo (warnings): " + string.Join("; ", outcome.Warnings);
        db.FetchRuns.Add(new FetchRun
        {
            SourceId = sourceId, At = at, Succeeded = outcome.Succeeded, NotModified = outcome.NotModified, HttpStatus = outcome.HttpStatus, Entries = outcome.Entries,
            NewItems = outcome.NewItems, Error = Cut(outcome.Error ?? warnings),
            DurationMs = (int)(clock.GetUtcNow() - started).TotalMilliseconds,
        });
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    private async Task<PollOutcome> FetchAndIngestAsync(AppDb db, MediaSource source, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri(source.Url!), source.ETag,
            source.LastModified is { } lm ? new DateTimeOffset(DateTime.SpecifyKind(lm, DateTimeKind.Utc)) : null), ct);
        if (result.Status == FetchStatus.NotModified) return new PollOutcome(true, true, 0, 0, 0, null, [], result.HttpStatus);
        if (result.Status != FetchStatus.Ok) return new PollOutcome(false, false, 0, 0, 0, result.Error, [], result.HttpStatus);

        ParsedFeed feed;
        var warnings = new List<string>();
        try
        {
            feed = FeedParser.Parse(result.Body ?? [], result.ContentType, result.FinalUrl);
            warnings.AddRange(feed.Warnings);
            if (feed.IsSitemapIndex) feed = await ChildSitemapsAsync(feed, warnings, ct);
        }
        catch (FeedFormatException e)
        {
            return new PollOutcome(false, false, 0, 0, 0, e.Message, [], result.HttpStatus);
        }

        var fresh = await NewEntriesAsync(db, feed.Entries, ct);
        var items = new List<IncomingItem>();
        var articles = 0;
        foreach (var entry in fresh)
        {
            var text = Fetching.HtmlText.ToPlain(entry.ContentHtml) ?? Fetching.HtmlText.ToPlain(entry.Summary) ?? "";
            var title = Fetching.HtmlText.ToPlain(entry.Title);
            DateTime? published = entry.PublishedAt?.UtcDateTime;
            if (source.FetchArticles && text.Length < ShortSummary && articles < MaxArticlesPerPoll)
            {
                articles++;
                var page = await fetcher.FetchAsync(new FetchRequest(new Uri(entry.Url)), ct);
                if (page is { Status: FetchStatus.Ok, Body: { } body })
                {
                    var article = ArticleExtractor.Extract(Fetching.TextDecoding.Decode(body, page.ContentType), page.FinalUrl);
                    if (article.Text.Length > text.Length) text = article.Text;
                    title ??= article.Title;
                    published ??= article.PublishedAt?.UtcDateTime;
                }
                else warnings.Add($"{entry.Url}: {page.Error}");
            }
            items.Add(new IncomingItem(entry.Url, title, text, published, entry.Language ?? feed.Language));
        }
        var ingested = await ingest.IngestAsync(db, source, items, null, ct);
        warnings.AddRange(ingested.Rejected.Select(r => $"{r.Url}: {r.Reason}"));
        source.ETag = result.ETag;
        source.LastModified = result.LastModified?.UtcDateTime;
        return new PollOutcome(true, false, feed.Entries.Count, ingested.Imported, feed.Entries.Count - fresh.Count + ingested.Duplicates, null, warnings, result.HttpStatus);
    }

    /// <summary>A sitemap index lists sitemaps: the first few (newest first as sites order them) are read for articles.</summary>
    private async Task<ParsedFeed> ChildSitemapsAsync(ParsedFeed index, List<string> warnings, CancellationToken ct)
    {
        var entries = new List<FeedEntry>();
        foreach (var child in index.Entries.Take(MaxChildSitemaps))
        {
            var result = await fetcher.FetchAsync(new FetchRequest(new Uri(child.Url)), ct);
            if (result.Status != FetchStatus.Ok) { warnings.Add($"{child.Url}: {result.Error}"); continue; }
            try
            {
                var parsed = FeedParser.Parse(result.Body ?? [], result.ContentType, result.FinalUrl);
                if (!parsed.IsSitemapIndex) entries.AddRange(parsed.Entries);
                warnings.AddRange(parsed.Warnings);
            }
            catch (FeedFormatException e)
            {
                warnings.Add($"{child.Url}: {e.Message}");
            }
        }
        return index with { Kind = FeedKind.Sitemap, Entries = entries };
    }

    /// <summary>Entries whose URL is not collected yet: their pages are the only ones worth fetching.</summary>
    private static async Task<List<FeedEntry>> NewEntriesAsync(AppDb db, IReadOnlyList<FeedEntry> entries, CancellationToken ct)
    {
        var keyed = entries.Select(e => (Entry: e, Key: UrlKey.Of(e.Url))).Where(e => e.Key is not null).ToList();
        var keys = keyed.Select(e => e.Key!).Distinct().ToArray();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
            known.UnionWith(await db.MediaItems.AsNoTracking().Where(i => chunk.Contains(i.UrlKey)).Select(i => i.UrlKey).ToListAsync(ct));
        return keyed.Where(e => !known.Contains(e.Key!)).Select(e => e.Entry).ToList();
    }

    private static string? Cut(string? s) => s is null || s.Length <= 1000 ? s : s[..999] + "…";
}
