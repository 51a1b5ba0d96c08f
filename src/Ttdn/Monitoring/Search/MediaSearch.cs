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

/// <summary>Matching item ids in order, and how many match in all (counted up to <see cref="MediaSearch.CountCap"/>).</summary>
public sealed record SearchHits(IReadOnlyList<long> Ids, int Total, bool TotalIsAtLeast);

/// <summary>One searchable item: its id and its title and text as they were collected.</summary>
public sealed record SearchDocument(long Id, string Title, string Text);

/// <summary>
/// Full-text search over collected items: SQLite FTS5 on the embedded database, PostgreSQL full-text (tsvector, GIN,
/// unaccent) on the server. Both index <see cref="SearchText.ForIndex"/> output, so they return the same items for the
/// same query (docs/decisions/0016-one-search-two-engines.md).
/// </summary>
public abstract class MediaSearch
{
    public const int CountCap = 10_000;
    public const int MaxLimit = 500;

    public static MediaSearch For(AppDb db) => db.Database.IsNpgsql() ? new PostgresMediaSearch() : new SqliteMediaSearch();

    /// <summary>Adds documents to the index, on the connection and transaction the caller holds open.</summary>
    public abstract Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct);

    public async Task<SearchHits> SearchAsync(AppDb db, MediaFilter filter, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(filter.Text);
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var where = Filters(command, filter, query);
            var order = filter.Order == SearchOrder.Newest || query.IsEmpty ? NewestFirst : RelevanceFirst;
            command.CommandText = $"{Select(query)} WHERE {where} ORDER BY {order} LIMIT {limit} OFFSET {Math.Max(filter.Offset, 0)}";
            var ids = new List<long>(limit);
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));

            command.CommandText = $"SELECT count(*) FROM ({Select(query)} WHERE {where} LIMIT {CountCap + 1}) AS counted";
            var total = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return new SearchHits(ids, Math.Min(total, CountCap), total > CountCap);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>SELECT of item id (and score) from the items, joined to the index when there is text to match; the item alias is i.</summary>
    protected abstract string Select(SearchQuery query);
    protected abstract string RelevanceFirst { get; }
    protected abstract string MatchCondition(DbCommand command, SearchQuery query);
    protected abstract string Q(string identifier);
    private string NewestFirst => $"i.{Q("PublishedAt")} DESC, i.{Q("Id")} DESC";

    private string Filters(DbCommand command, MediaFilter f, SearchQuery query)
    {
        var conditions = new List<string>();
        if (!query.IsEmpty) conditions.Add(MatchCondition(command, query));
        void Add(string sql, string name, object value)
        {
            conditions.Add(sql);
            AddParameter(command, name, value);
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

    protected override string Select(SearchQuery query) => query.IsEmpty
        ? "SELECT i.Id FROM MediaItems i"
        : "SELECT i.Id, s.rank AS score FROM MediaSearch s JOIN MediaItems i ON i.Id = s.rowid";

    protected override string RelevanceFirst => "score, i.PublishedAt DESC, i.Id DESC";

    protected override string MatchCondition(DbCommand command, SearchQuery query)
    {
        AddParameter(command, "match", query.ToFts5());
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

    protected override string Select(SearchQuery query) => query.IsEmpty
        ? "SELECT i.\"Id\" FROM \"MediaItems\" i"
        : "SELECT i.\"Id\", ts_rank_cd(s.\"Document\", to_tsquery('simple', unaccent(@tsquery))) AS score FROM \"MediaSearch\" s JOIN \"MediaItems\" i ON i.\"Id\" = s.\"ItemId\"";

    protected override string RelevanceFirst => "score DESC, i.\"PublishedAt\" DESC, i.\"Id\" DESC";

    protected override string MatchCondition(DbCommand command, SearchQuery query)
    {
        AddParameter(command, "tsquery", query.ToTsQuery());
        return "s.\"Document\" @@ to_tsquery('simple', unaccent(@tsquery))";
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
