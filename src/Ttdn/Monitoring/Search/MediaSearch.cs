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
/// </summary>
public sealed record SearchStatements(string Ids, string Count, IReadOnlyDictionary<string, object> Parameters, bool Relevance,
    string? Settings = null, bool CountInIds = false);

/// <summary>One searchable item: its id and its title and text as they were collected.</summary>
public sealed record SearchDocument(long Id, string Title, string Text);

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
            command.CommandText = statements.Ids;
            var ids = new List<long>();
            long? counted = null;
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

    /// <summary>The SQL a search runs, also for running the very same statements in sqlite3 or psql (the benchmark does).</summary>
    public SearchStatements Statements(MediaFilter filter)
    {
        var query = SearchQuery.Parse(filter.Text);
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var parameters = new Dictionary<string, object>();
        var where = Filters(parameters, filter, query, out var onItems);
        // Every indexed id is an item, so text alone is answered from the index: no lookup of thousands of item rows.
        var idsOnly = query.IsEmpty || onItems ? Select(query, score: false) : IndexOnly;
        var relevance = filter.Order == SearchOrder.Relevance && !query.IsEmpty;
        var page = $"LIMIT {limit} OFFSET {Math.Max(filter.Offset, 0)}";
        var count = $"SELECT count(*) FROM ({idsOnly} WHERE {where} LIMIT {CountCap + 1}) AS counted";
        if (!relevance)
            return new SearchStatements($"{Select(query, score: false)} WHERE {where} ORDER BY {NewestFirst} {page}", count, parameters, false, Settings);

        // One walk of the index in id order, newest first, stopping after CountCap + 1 matches, gives both the count and
        // the RankWindow-th newest match, from which on matches are ranked (docs/decisions/0021, 0022). The count
        // statement runs only when the page comes back empty.
        var window = $"WITH w(id) AS MATERIALIZED ({idsOnly} WHERE {where} ORDER BY {IndexId} DESC LIMIT {CountCap + 1}) ";
        var floor = $"(SELECT COALESCE(min(id), 0) FROM (SELECT id FROM w ORDER BY id DESC LIMIT {RankWindow}) AS newest)";
        return new SearchStatements(
            $"{window}{Select(query, score: true, total: "(SELECT count(*) FROM w)")} WHERE {where} AND {IndexId} >= {floor} ORDER BY {RelevanceFirst} {page}",
            count, parameters, true, Settings, CountInIds: true);
    }

    /// <summary>Planner settings for a search, applied for its statements only; null when the engine needs none.</summary>
    protected virtual string? Settings => null;

    /// <summary>
    /// SELECT of item id (then the score, then the given total column, when asked) from the items, joined to the index
    /// when there is text to match; the item alias is i.
    /// </summary>
    protected abstract string Select(SearchQuery query, bool score, string? total = null);
    /// <summary>The index's own id column, so "newest matches" walks the full-text index in order instead of sorting.</summary>
    protected abstract string IndexId { get; }
    /// <summary>SELECT of the matching ids from the index alone (alias s), for text without filters on the items.</summary>
    protected abstract string IndexOnly { get; }
    protected abstract string RelevanceFirst { get; }
    protected abstract string MatchCondition(IDictionary<string, object> parameters, SearchQuery query);
    protected abstract string Q(string identifier);
    private string NewestFirst => $"i.{Q("PublishedAt")} DESC, i.{Q("Id")} DESC";

    private string Filters(Dictionary<string, object> parameters, MediaFilter f, SearchQuery query, out bool onItems)
    {
        var conditions = new List<string>();
        if (!query.IsEmpty) conditions.Add(MatchCondition(parameters, query));
        var match = conditions.Count;
        void Add(string sql, string name, object value)
        {
            conditions.Add(sql);
            parameters[name] = value;
        }
        if (f.From is { } from) Add($"i.{Q("PublishedAt")} >= @from", "from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        if (f.To is { } to) Add($"i.{Q("PublishedAt")} < @to", "to", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        if (f.SourceId is { } source) Add($"i.{Q("SourceId")} = @source", "source", source);
        if (!string.IsNullOrWhiteSpace(f.Language)) Add($"i.{Q("Language")} = @language", "language", f.Language.Trim().ToLowerInvariant());
        if (f.Tone is { } tone) Add($"i.{Q("Tone")} = @tone", "tone", (int)tone);
        if (f.Foreign is { } foreign) Add($"i.{Q("Foreign")} = @foreign", "foreign", foreign);
        if (f.ClusterId is { } cluster) Add($"i.{Q("ClusterId")} = @cluster", "cluster", cluster);
        if (f.AfterId is { } after) Add($"i.{Q("Id")} > @after", "after", after);
        if (!string.IsNullOrWhiteSpace(f.ProvinceKey))
            Add($"EXISTS (SELECT 1 FROM {Q("MediaMentions")} m WHERE m.{Q("ItemId")} = i.{Q("Id")} AND m.{Q("ProvinceKey")} = @province)", "province", f.ProvinceKey);
        if (f.ThemeId is { } theme)
            Add($"EXISTS (SELECT 1 FROM {Q("MediaItemThemes")} t WHERE t.{Q("ItemId")} = i.{Q("Id")} AND t.{Q("ThemeId")} = @theme)", "theme", theme);
        onItems = conditions.Count > match;
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

/// <summary>FTS5, contentless (the text is in MediaItems already): the table holds only the index.</summary>
public sealed class SqliteMediaSearch : MediaSearch
{
    public override async Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO MediaSearch(rowid, Title, Body) VALUES (@id, @title, @body)";
        var id = command.CreateParameter(); id.ParameterName = "id"; command.Parameters.Add(id);
        var title = command.CreateParameter(); title.ParameterName = "title"; command.Parameters.Add(title);
        var body = command.CreateParameter(); body.ParameterName = "body"; command.Parameters.Add(body);
        await command.PrepareAsync(ct);
        foreach (var d in documents)
        {
            id.Value = d.Id;
            title.Value = SearchText.ForIndex(d.Title);
            body.Value = SearchText.ForIndex(d.Text);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    protected override string Select(SearchQuery query, bool score, string? total = null) => query.IsEmpty
        ? "SELECT i.Id FROM MediaItems i"
        : $"SELECT i.Id{(score ? ", s.rank AS score" : "")}{(total is null ? "" : $", {total} AS total")} FROM MediaSearch s JOIN MediaItems i ON i.Id = s.rowid";

    protected override string IndexId => "s.rowid";
    protected override string IndexOnly => "SELECT s.rowid FROM MediaSearch s";

    protected override string RelevanceFirst => "score, i.PublishedAt DESC, i.Id DESC";

    protected override string MatchCondition(IDictionary<string, object> parameters, SearchQuery query)
    {
        parameters["match"] = query.ToFts5();
        return "MediaSearch MATCH @match";
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}

/// <summary>A tsvector per item with a GIN index; the query goes through unaccent too, so text typed in psql finds the same rows.</summary>
public sealed class PostgresMediaSearch : MediaSearch
{
    public override async Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0) return;
        var folded = documents.Select(d => (d.Id, Title: SearchText.ForIndex(d.Title), Body: SearchText.ForIndex(d.Text))).ToList();
        var built = new List<(long Id, string Vector)>(folded.Count);
        var parsed = new List<(long Id, string Title, string Body)>();
        foreach (var d in folded)
        {
            if (TsVectorText.TryBuild(d.Title, d.Body, out var vector)) built.Add((d.Id, vector));
            else parsed.Add(d);
        }
        if (built.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "MediaSearch" ("ItemId", "Document")
                SELECT d.id, d.vector::tsvector FROM unnest(@ids, @vectors) AS d(id, vector)
                """;
            AddParameter(command, "ids", built.Select(d => d.Id).ToArray());
            AddParameter(command, "vectors", built.Select(d => d.Vector).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
        if (parsed.Count == 0) return;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Title words weigh more (A) than body words (D) in ts_rank_cd.
            command.CommandText = """
                INSERT INTO "MediaSearch" ("ItemId", "Document")
                SELECT d.id, setweight(to_tsvector('simple', d.title), 'A') || to_tsvector('simple', d.body)
                FROM unnest(@ids, @titles, @bodies) AS d(id, title, body)
                """;
            AddParameter(command, "ids", parsed.Select(d => d.Id).ToArray());
            AddParameter(command, "titles", parsed.Select(d => d.Title).ToArray());
            AddParameter(command, "bodies", parsed.Select(d => d.Body).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    protected override string Select(SearchQuery query, bool score, string? total = null) => query.IsEmpty
        ? "SELECT i.\"Id\" FROM \"MediaItems\" i"
        : $"SELECT i.\"Id\"{(score ? ", ts_rank_cd(s.\"Document\", to_tsquery('simple', unaccent(@tsquery))) AS score" : "")}{(total is null ? "" : $", {total} AS total")} FROM \"MediaSearch\" s JOIN \"MediaItems\" i ON i.\"Id\" = s.\"ItemId\"";

    /// <summary>
    /// A search is a few milliseconds of work on rows already in memory. JIT compiling its plan took ~40 ms, and parallel
    /// workers cost more to start than they save (docs/decisions/0022).
    /// </summary>
    protected override string? Settings => "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0";

    protected override string IndexId => "s.\"ItemId\"";
    protected override string IndexOnly => "SELECT s.\"ItemId\" FROM \"MediaSearch\" s";

    protected override string RelevanceFirst => "score DESC, i.\"PublishedAt\" DESC, i.\"Id\" DESC";

    protected override string MatchCondition(IDictionary<string, object> parameters, SearchQuery query)
    {
        parameters["tsquery"] = query.ToTsQuery();
        return "s.\"Document\" @@ to_tsquery('simple', unaccent(@tsquery))";
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
