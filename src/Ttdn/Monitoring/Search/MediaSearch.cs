using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Monitoring.Search;

public enum SearchOrder { Relevance, Newest }

/// <summary>What to look for. Text may be empty (filters only, newest first).</summary>
public sealed record MediaFilter(string? Text = null, DateTime? From = null, DateTime? To = null, int? SourceId = null,
    string? Language = null, string? ProvinceKey = null, Tone? Tone = null, int? ThemeId = null, bool? Foreign = null,
    long? ClusterId = null, long? AfterId = null, SearchOrder Order = SearchOrder.Relevance, int Limit = 50, int Offset = 0);

/// <summary>
/// Matching item ids in order, and how many match in all (counted up to <see cref="MediaSearch.CountCap"/>).
/// <see cref="RankedNewestOnly"/>: more items matched than <see cref="MediaSearch.RankWindow"/>, so relevance was ranked
/// among the newest of them.
/// </summary>
public sealed record SearchHits(IReadOnlyList<long> Ids, int Total, bool TotalIsAtLeast, bool RankedNewestOnly = false);

/// <summary>
/// The two statements a search runs (the page of ids, the capped count) and their parameters, by name without "@".
/// <see cref="Settings"/>: planner settings the engine applies for this search only (null when none).
/// <see cref="CountInIds"/>: each row of the ids statement carries the capped count as its last column, so the count
/// statement is needed only when the page is empty.
/// <see cref="IdsDense"/>: newest first with text, the page found by walking the items by date and testing each against
/// the index; used instead of <see cref="Ids"/> when the count statement (run first) shows the matches are dense.
/// </summary>
public sealed record SearchStatements(string Ids, string Count, IReadOnlyDictionary<string, object> Parameters, bool Relevance,
    string? Settings = null, bool CountInIds = false, string? IdsDense = null);

/// <summary>One searchable item: its id, its title and text as they were collected, and what filters can find it by.</summary>
public sealed record SearchDocument(long Id, string Title, string Text, SearchFacets? Facets = null);

/// <summary>
/// Full-text search over collected items: SQLite FTS5 on the embedded database, PostgreSQL full-text (tsvector, GIN,
/// unaccent) on the server. Both index <see cref="SearchText.ForIndex"/> output, so they return the same items for the
/// same query (docs/decisions/0016-one-search-two-engines.md).
/// </summary>
public abstract class MediaSearch
{
    public const int MaxLimit = 500;
    /// <summary>
    /// Relevance is ranked among at most this many of the newest matches (docs/decisions/0021): ranking every match of a
    /// common word costs time in proportion to the collection (seconds at a million items), and officers want recent
    /// coverage first anyway. Both engines pick the same window, so they still return the same items.
    /// </summary>
    public const int RankWindow = 2_000;
    /// <summary>
    /// Matches are counted up to this many ("2.000+"): the same walk as the rank window, so counting costs no more than
    /// finding the window (docs/decisions/0022); beyond it an officer narrows the search rather than reads a number.
    /// </summary>
    public const int CountCap = RankWindow;

    public static MediaSearch For(AppDb db) => db.Database.IsNpgsql() ? new PostgresMediaSearch() : new SqliteMediaSearch();

    /// <summary>Adds documents to the index, on the connection and transaction the caller holds open.</summary>
    public abstract Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct);

    /// <summary>
    /// After an ingestion's last batch was committed, and at start-up: work that keeps searches fast (none by default).
    /// Long work logs its progress to <paramref name="logger"/> when one is given.
    /// </summary>
    public virtual Task AfterWriteAsync(DbConnection connection, CancellationToken ct, Microsoft.Extensions.Logging.ILogger? logger = null) => Task.CompletedTask;

    /// <summary>Before an emptied index is filled again from the items: whatever is derived from it goes too (nothing by default).</summary>
    public virtual Task ClearingAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public async Task<SearchHits> SearchAsync(AppDb db, MediaFilter filter, CancellationToken ct = default)
    {
        var statements = Statements(filter);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Settings apply with SET LOCAL, which needs a transaction and ends with it: other work on the pooled connection keeps the defaults.
        var own = statements.Settings is not null && transaction is null ? await connection.BeginTransactionAsync(ct) : null;
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction ?? own;
            if (statements.Settings is not null)
            {
                command.CommandText = statements.Settings;
                await command.ExecuteNonQueryAsync(ct);
            }
            foreach (var (name, value) in statements.Parameters) AddParameter(command, name, value);
            long? counted = null;
            command.CommandText = statements.Ids;
            if (statements.IdsDense is not null)
            {
                command.CommandText = statements.Count;
                (counted, var dense) = await CountRowAsync(command, ct);
                command.CommandText = dense ? statements.IdsDense : statements.Ids;
            }
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetInt64(0));
                    if (statements.CountInIds) counted ??= Convert.ToInt64(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture);
                }

            if (counted is null)
            {
                command.CommandText = statements.Count;
                counted = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
            var total = (int)counted.Value;
            if (own is not null) await own.CommitAsync(ct);
            return new SearchHits(ids, Math.Min(total, CountCap), total > CountCap, statements.Relevance && total > RankWindow);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Newest first, a text whose newest CountCap + 1 matches span ids where at least this share of items match is
    /// dense: walking the items by date finds a page of matches within a few hundred tests, while sorting every match by
    /// date would read them all ("và": 700,000). Below it, the matches are few enough to sort (decision 0025).
    /// </summary>
    public const double DenseShare = 0.02;

    /// <summary>Whether the count statement's row (count, lowest id of the newest matches, highest item id) calls for <see cref="SearchStatements.IdsDense"/>.</summary>
    public static bool Dense(long count, long? lowestId, long highestId) =>
        count > CountCap && lowestId is { } low && count >= DenseShare * (highestId - low + 1);

    /// <summary>Runs a newest-first count statement (the command's text) and reads its row: the count, and whether the matches are dense.</summary>
    public static async Task<(long Count, bool Dense)> CountRowAsync(DbCommand command, CancellationToken ct = default)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var count = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        return (count, Dense(count, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2)));
    }

    /// <summary>The SQL a search runs, also for running the very same statements in sqlite3 or psql (the benchmark does).</summary>
    public SearchStatements Statements(MediaFilter filter)
    {
        var query = SearchQuery.Parse(filter.Text);
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var parameters = new Dictionary<string, object>();
        var where = Filters(parameters, filter, query, out var onItems);
        var items = $"{Q("MediaItems")} i";
        // Every indexed id is an item, so text alone is answered from the index: no lookup of thousands of item rows.
        var matches = query.IsEmpty ? items : onItems ? $"{Index} JOIN {items} ON i.{Q("Id")} = {IndexId}" : Index;
        var matchId = query.IsEmpty ? $"i.{Q("Id")}" : IndexId;
        var page = $"LIMIT {limit} OFFSET {Math.Max(filter.Offset, 0)}";
        var count = $"SELECT count(*) FROM (SELECT {matchId} FROM {matches} WHERE {where} LIMIT {CountCap + 1}) AS counted";
        var newestFirst = $"i.{Q("PublishedAt")} DESC, i.{Q("Id")} DESC";
        if (query.IsEmpty)
            return new SearchStatements($"SELECT i.{Q("Id")} FROM {items} WHERE {where} ORDER BY {newestFirst} {page}", count, parameters, false, Settings);
        if (filter.Order == SearchOrder.Newest)
        {
            // The count walks the newest matches by id; how far it had to go tells whether matches are dense (see Dense).
            var span = $"SELECT count(*), min(id), (SELECT max({Q("Id")}) FROM {Q("MediaItems")}) FROM " +
                $"({NewestMatches(matches, where, CountCap + 1, query)}) AS counted";
            return new SearchStatements(
                $"SELECT i.{Q("Id")} FROM {Index} JOIN {items} ON i.{Q("Id")} = {IndexId} WHERE {where} ORDER BY {newestFirst} {page}", span, parameters, false, Settings,
                IdsDense: $"SELECT i.{Q("Id")} FROM {items} WHERE EXISTS (SELECT 1 FROM {Index} WHERE {IndexId} = i.{Q("Id")} AND {where}) ORDER BY {newestFirst} {page}");
        }

        // One walk of the index in id order, newest first, stopping after CountCap + 1 matches, gives the count and the
        // RankWindow newest matches (docs/decisions/0021, 0022); among those, items with the words in their title come
        // first, then the newest (0025). The count statement runs only when the page comes back empty.
        var window = $"WITH w(id) AS MATERIALIZED ({NewestMatches(matches, where, CountCap + 1, query)})";
        var floor = $"(SELECT COALESCE(min(id), 0) FROM (SELECT id FROM w ORDER BY id DESC LIMIT {RankWindow}) AS newest)";
        var (join, inTitle) = TitleMatch(parameters, query, floor);
        return new SearchStatements(
            $"{window} SELECT i.{Q("Id")}, {inTitle} AS score, (SELECT count(*) FROM w) AS total FROM w{join} JOIN {items} ON i.{Q("Id")} = w.id " +
            $"WHERE w.id >= {floor} ORDER BY score DESC, {newestFirst} {page}",
            count, parameters, true, Settings, CountInIds: true);
    }

    /// <summary>The ids (column id) of the newest <paramref name="limit"/> index rows that match, newest first.</summary>
    protected virtual string NewestMatches(string matches, string where, int limit, SearchQuery query) =>
        $"SELECT {IndexId} AS id FROM {matches} WHERE {where} ORDER BY {IndexId} DESC LIMIT {limit}";

    /// <summary>Planner settings for a search, applied for its statements only; null when the engine needs none.</summary>
    protected virtual string? Settings => null;

    /// <summary>The full-text index with its alias s.</summary>
    protected abstract string Index { get; }
    /// <summary>The index's own id column, so "newest matches" walks the full-text index in order instead of sorting.</summary>
    protected abstract string IndexId { get; }
    /// <summary>
    /// For the ranked window rows w (ids from <paramref name="floor"/> on): a join to add after "FROM w", and an SQL
    /// expression that is 1 when the item's title holds every word and phrase of the query, else 0.
    /// </summary>
    protected abstract (string Join, string InTitle) TitleMatch(IDictionary<string, object> parameters, SearchQuery query, string floor);
    /// <summary>The condition that row s matches the text and holds the facets (each group an OR of facet tokens).</summary>
    protected abstract string MatchCondition(IDictionary<string, object> parameters, SearchQuery query, IReadOnlyList<IReadOnlyList<string>> facets);
    protected abstract string Q(string identifier);

    private string Filters(Dictionary<string, object> parameters, MediaFilter f, SearchQuery query, out bool onItems)
    {
        var conditions = new List<string>();
        // With text, filters the index answers exactly (facets, decision 0023) need not look at the item at all.
        var facets = query.IsEmpty ? new SearchFacets.Required([], SearchFacets.Exact.None) : SearchFacets.For(f);
        bool Needed(SearchFacets.Exact filter) => (facets.Exact & filter) == 0;
        if (!query.IsEmpty) conditions.Add(MatchCondition(parameters, query, facets.Groups));
        if (!query.IsEmpty && f.AfterId is { } afterMatch)
        {
            conditions.Add($"{IndexId} > @after");
            parameters["after"] = afterMatch;
        }
        var onIndex = conditions.Count;
        void Add(string sql, string name, object value)
        {
            conditions.Add(sql);
            parameters[name] = value;
        }
        if (f.From is { } from && Needed(SearchFacets.Exact.Dates)) Add($"i.{Q("PublishedAt")} >= @from", "from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        if (f.To is { } to && Needed(SearchFacets.Exact.Dates)) Add($"i.{Q("PublishedAt")} < @to", "to", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        if (f.SourceId is { } source && Needed(SearchFacets.Exact.Source)) Add($"i.{Q("SourceId")} = @source", "source", source);
        if (!string.IsNullOrWhiteSpace(f.Language) && Needed(SearchFacets.Exact.Language))
            Add($"i.{Q("Language")} = @language", "language", f.Language.Trim().ToLowerInvariant());
        if (f.Tone is { } tone) Add($"i.{Q("Tone")} = @tone", "tone", (int)tone);
        if (f.Foreign is { } foreign) Add($"i.{Q("Foreign")} = @foreign", "foreign", foreign);
        if (f.ClusterId is { } cluster) Add($"i.{Q("ClusterId")} = @cluster", "cluster", cluster);
        if (query.IsEmpty && f.AfterId is { } after) Add($"i.{Q("Id")} > @after", "after", after);
        if (!string.IsNullOrWhiteSpace(f.ProvinceKey) && Needed(SearchFacets.Exact.Province))
            Add($"EXISTS (SELECT 1 FROM {Q("MediaMentions")} m WHERE m.{Q("ItemId")} = i.{Q("Id")} AND m.{Q("ProvinceKey")} = @province)", "province", f.ProvinceKey);
        if (f.ThemeId is { } theme)
            Add($"EXISTS (SELECT 1 FROM {Q("MediaItemThemes")} t WHERE t.{Q("ItemId")} = i.{Q("Id")} AND t.{Q("ThemeId")} = @theme)", "theme", theme);
        onItems = conditions.Count > onIndex;
        return conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
    }

    protected static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
