using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;
using Ttdn.Monitoring.Search;
using Ttdn.Plans;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Ingestion;

/// <summary>
/// Turns incoming items into stored, searchable items: checks them, drops URLs already collected, then detects the
/// language, the places mentioned, the story (near-duplicate cluster), the tone and the plan themes, and writes items,
/// mentions, themes and the search index in one transaction per batch. Writes are plain SQL: a feed or an import brings
/// thousands of items, and they are the press's words, not a user's change, so they are not audited.
/// </summary>
public sealed class MediaIngest(TimeProvider clock)
{
    public const int MaxTextLength = 200_000;
    public const int BatchSize = 500;

    // One story index per database (keyed like DataGeneration): clusters are found in memory and filled from the
    // database at first use, so a restart keeps grouping re-posts with what was collected before.
    private static readonly ConcurrentDictionary<string, Lazy<Task<NearDuplicateIndex>>> Stories = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim OneWriter = new(1, 1);

    public Gazetteer Gazetteer { get; init; } = Gazetteer.Default;

    public async Task<IngestResult> IngestAsync(AppDb db, MediaSource source, IEnumerable<IncomingItem> items, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var themes = await ThemesInForceAsync(db, ct);
        // Gathered in lists, not by IngestResult.Add per batch: that copied every id so far each time (quadratic at 1 M items).
        var (imported, duplicates, rejected, ids, done) = (0, 0, new List<Rejection>(), new List<long>(), 0);
        foreach (var batch in items.Chunk(BatchSize))
        {
            var result = await IngestBatchAsync(db, source, batch, themes, ct);
            (imported, duplicates) = (imported + result.Imported, duplicates + result.Duplicates);
            rejected.AddRange(result.Rejected);
            ids.AddRange(result.NewIds);
            done += batch.Length;
            progress?.Report(done);
        }
        if (imported > 0) await MediaSearch.For(db).AfterWriteAsync(db.Database.GetDbConnection(), ct);
        return new IngestResult(imported, duplicates, rejected, ids);
    }

    private sealed record Prepared(long Id, string Url, string UrlKey, string Title, string Text, string Language, DateTime PublishedAt,
        IReadOnlyList<MentionHit> Mentions, string Provinces, ulong Fingerprint, Tone Tone, IReadOnlyList<long> Themes);

    private async Task<IngestResult> IngestBatchAsync(AppDb db, MediaSource source, IncomingItem[] batch, IReadOnlyList<ThemeKeywords> themes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<Rejection>();
        var candidates = new List<(IncomingItem Item, string Key)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var item in batch)
        {
            if (Check(item) is { } reason) { rejected.Add(new(item.Line, item.Url, reason)); continue; }
            var key = UrlKey.Of(item.Url)!;
            if (!seen.Add(key)) { duplicates++; continue; }
            candidates.Add((item, key));
        }

        await OneWriter.WaitAsync(ct); // one writer per process: the story index and id allocation assume it
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var tx = transaction.GetDbTransaction();
            var existing = await ExistingKeysAsync(db, connection, tx, candidates.Select(c => c.Key).ToList(), ct);
            var fresh = candidates.Where(c => !existing.Contains(c.Key)).ToList();
            duplicates += candidates.Count - fresh.Count;
            if (fresh.Count == 0)
            {
                await transaction.CommitAsync(ct);
                return new IngestResult(0, duplicates, rejected, []);
            }

            var ids = await AllocateIdsAsync(db, connection, tx, fresh.Count, ct);
            var stories = await StoriesAsync(db, ct);
            var prepared = new List<Prepared>(fresh.Count);
            for (var i = 0; i < fresh.Count; i++)
                prepared.Add(Prepare(ids[i], fresh[i].Item, fresh[i].Key, source, themes, now));

            await MediaRows.InsertAsync(db, connection, tx, source, now, prepared.Select(p => new MediaRows.Row(
                p.Id, p.Url, p.UrlKey, p.Title, p.Text, p.Language, p.PublishedAt, source.IsForeign, p.Provinces,
                unchecked((long)p.Fingerprint), stories.FindOrAdd(p.Id, p.Fingerprint) ?? p.Id, p.Tone,
                p.Mentions, p.Themes)).ToList(), ct);
            await MediaSearch.For(db).IndexAsync(connection, tx, prepared.Select(p => new SearchDocument(p.Id, p.Title, p.Text,
                new SearchFacets(p.PublishedAt, p.Language, source.Id, p.Mentions.Select(m => m.ProvinceKey).ToList()))).ToList(), ct);
            await transaction.CommitAsync(ct);
            return new IngestResult(prepared.Count, duplicates, rejected, prepared.Select(p => p.Id).ToList());
        }
        catch
        {
            Stories.TryRemove(DataGeneration.KeyOf(db), out _); // the index may hold ids that were rolled back: reload it
            throw;
        }
        finally
        {
            OneWriter.Release();
        }
    }

    private Prepared Prepare(long id, IncomingItem item, string key, MediaSource source, IReadOnlyList<ThemeKeywords> themes, DateTime now)
    {
        var title = VietnameseText.Normalize(item.Title?.Trim() ?? "");
        var text = VietnameseText.Normalize(item.Text?.Trim() ?? "");
        if (title.Length > 1000) title = title[..1000];
        var whole = title.Length == 0 ? text : title + "\n" + text;
        var language = Languages.Normalise(item.Language) ?? LanguageDetector.Detect(whole);
        var mentions = Gazetteer.Find(whole);
        var provinces = mentions.Select(m => m.ProvinceKey).Distinct(StringComparer.Ordinal).ToList();
        var published = item.PublishedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : now;
        if (published > now.AddDays(1)) published = now; // a feed's clock or a typo in the future would sort it first for ever
        return new Prepared(id, item.Url!.Trim(), key, title, text, language, published, mentions,
            provinces.Count == 0 ? "" : " " + string.Join(" ", provinces) + " ",
            SimHash.Compute(whole), ToneClassifier.Classify(whole, language), ThemeTagger.Tag(whole, themes));
    }

    /// <summary>Why an item cannot be stored, in words the person who made the file can act on; null when it can.</summary>
    public static string? Check(IncomingItem item)
    {
        if (string.IsNullOrWhiteSpace(item.Url))
            return "Thiếu địa chỉ (url) của tin (the item has no url)";
        if (UrlKey.Of(item.Url) is null)
            return $"Địa chỉ \"{Shorten(item.Url)}\" không phải địa chỉ http(s) đầy đủ (url is not an absolute http(s) address)";
        if (string.IsNullOrWhiteSpace(item.Title) && string.IsNullOrWhiteSpace(item.Text))
            return "Tin không có tiêu đề và không có nội dung (the item has neither title nor text)";
        if ((item.Text?.Length ?? 0) > MaxTextLength)
            return $"Nội dung dài hơn {MaxTextLength:N0} ký tự (text longer than {MaxTextLength:N0} characters)";
        if (item.Language is { Length: > 0 } l && Languages.Normalise(l) is null)
            return $"Mã ngôn ngữ \"{Shorten(l)}\" không hợp lệ; dùng mã 2 chữ như vi, en, zh, ko (language must be a code such as vi, en, zh, ko)";
        return null;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static async Task<List<ThemeKeywords>> ThemesInForceAsync(AppDb db, CancellationToken ct) =>
        (await db.Themes.AsNoTracking()
            .Where(t => db.Plans.Any(p => p.Id == t.PlanId && (p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amended)))
            .Select(t => new { t.Id, t.Title }).ToListAsync(ct))
        .Select(t => ThemeKeywords.FromName(t.Id, t.Title)).ToList(); // the whole title verbatim would almost never match

    private static async Task<HashSet<string>> ExistingKeysAsync(AppDb db, DbConnection connection, DbTransaction tx, List<string> keys, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0) return found;
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        if (db.Database.IsNpgsql())
        {
            command.CommandText = "SELECT \"UrlKey\" FROM \"MediaItems\" WHERE \"UrlKey\" = ANY(@keys)";
            MediaRows.Parameter(command, "keys", keys.ToArray());
        }
        else
        {
            command.CommandText = $"SELECT UrlKey FROM MediaItems WHERE UrlKey IN ({string.Join(",", keys.Select((_, i) => "@k" + i))})";
            for (var i = 0; i < keys.Count; i++) MediaRows.Parameter(command, "k" + i, keys[i]);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    private static async Task<long[]> AllocateIdsAsync(AppDb db, DbConnection connection, DbTransaction tx, int count, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var ids = new long[count];
        if (db.Database.IsNpgsql())
        {
            // The identity's own sequence: other writers (another node, EF) never get the same numbers. Its name is looked
            // up once per batch, not once per id.
            command.CommandText = "SELECT nextval(q.s) FROM (SELECT pg_get_serial_sequence('\"MediaItems\"', 'Id')::regclass AS s OFFSET 0) q, generate_series(1, @n)";
            MediaRows.Parameter(command, "n", count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
            return ids;
        }
        // SQLite: the transaction holds the database's write lock, so max + 1 is ours.
        command.CommandText = "SELECT coalesce(max(Id), 0) FROM MediaItems";
        var max = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++) ids[i] = max + 1 + i;
        return ids;
    }

    private Task<NearDuplicateIndex> StoriesAsync(AppDb db, CancellationToken ct) =>
        Stories.GetOrAdd(DataGeneration.KeyOf(db), _ => new Lazy<Task<NearDuplicateIndex>>(() => LoadStoriesAsync(db, ct))).Value;

    /// <summary>Recent items' fingerprints, oldest first, so each lands in the story it was put in when collected.</summary>
    private async Task<NearDuplicateIndex> LoadStoriesAsync(AppDb db, CancellationToken ct)
    {
        var index = new NearDuplicateIndex();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-StoryWindowDays);
        await foreach (var row in db.MediaItems.AsNoTracking().Where(i => i.CollectedAt >= since).OrderBy(i => i.Id)
                           .Select(i => new { i.Id, i.Fingerprint }).AsAsyncEnumerable().WithCancellation(ct))
            index.FindOrAdd(row.Id, unchecked((ulong)row.Fingerprint));
        return index;
    }

    /// <summary>A re-post more than this many days after the story is a new story.</summary>
    public const int StoryWindowDays = 60;
}
