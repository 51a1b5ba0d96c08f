using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Ttdn.Data;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// A tsvector per item with a GIN index, kept inline and uncompressed (decision 0022); the query goes through unaccent
/// too, so text typed in psql finds the same rows. Facet tokens are lexemes with a '#' in front and no position
/// (<see cref="SearchFacets"/>), so typed text never matches them.
/// </summary>
public sealed class PostgresMediaSearch : MediaSearch
{
    public override async Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0) return;
        // The phrase index's lock (PostgresSearchPairs) lasts until the transaction ends, so there must be one.
        ArgumentNullException.ThrowIfNull(transaction);
        var built = new List<(long Id, byte[] Vector)>(documents.Count);
        var parsed = new List<(long Id, string Title, string Body, string Facets)>();
        foreach (var d in documents)
        {
            var (title, body) = (SearchText.ForIndex(d.Title), SearchText.ForIndex(d.Text));
            List<string> extra = [Block(d.Id), .. d.Facets?.Tokens().Select(t => "#" + t) ?? []];
            if (TsVectorBinary.TryBuild(title, body, extra) is { } vector) built.Add((d.Id, vector));
            else parsed.Add((d.Id, title, body, string.Join(' ', extra.Select(f => "'" + f + "'")))); // tokens are letters and digits: quoting is safe
        }
        // COPY hands the bytes to tsvectorrecv: written as bytea, a binary field is just its bytes (decision 0026).
        await BinaryCopy.WriteAsync(connection, "\"MediaSearch\"", "\"ItemId\", \"Document\"", built, async (copy, d) =>
        {
            await copy.WriteAsync(d.Id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(d.Vector, NpgsqlDbType.Bytea, ct);
        }, ct);
        if (parsed.Count > 0) await InsertParsedAsync(connection, transaction, parsed, ct);
        await PostgresSearchPairs.AddAsync(connection, transaction, documents.Select(d => d.Id).ToList(), built, ct);
    }

    /// <summary>Rows whose text only the server's parser can read (other scripts, huge texts).</summary>
    private static async Task InsertParsedAsync(DbConnection connection, DbTransaction? transaction, List<(long Id, string Title, string Body, string Facets)> parsed, CancellationToken ct)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Title words carry weight A, body words D: "best match" asks for the query in the title by weight (decision 0025).
            command.CommandText = """
                INSERT INTO "MediaSearch" ("ItemId", "Document")
                SELECT d.id, setweight(to_tsvector('simple', d.title), 'A') || to_tsvector('simple', d.body) || d.facets::tsvector
                FROM unnest(@ids, @titles, @bodies, @facets) AS d(id, title, body, facets)
                """;
            AddParameter(command, "ids", parsed.Select(d => d.Id).ToArray());
            AddParameter(command, "titles", parsed.Select(d => d.Title).ToArray());
            AddParameter(command, "bodies", parsed.Select(d => d.Body).ToArray());
            AddParameter(command, "facets", parsed.Select(d => d.Facets).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Items are in blocks of 4,096 consecutive ids, and each item's block is a lexeme ('#k244'). The newest matches are
    /// then found a few blocks at a time, newest blocks first, each one GIN intersection that returns only matches in
    /// those blocks: GIN hands back matches in no useful order, so without blocks finding the newest 2,000 of 30,000
    /// matches read and sorted all 30,000 (decision 0026).
    /// </summary>
    public const int BlockBits = 12;

    private static string Block(long id) => "#k" + (id >> BlockBits).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A search is a few milliseconds of work on rows already in memory. JIT compiling its plan took ~40 ms, and parallel
    /// workers cost more to start than they save (docs/decisions/0022). Memoize caches lookups for keys that come back,
    /// and no id comes back here: it cost ~1 µs per row checked through the phrase index (decision 0028).
    /// </summary>
    protected override string? Settings => "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL enable_memoize = off";

    protected override string Index => "\"MediaSearch\" s";
    protected override string IndexId => "s.\"ItemId\"";
    /// <summary>Title words carry weight A in the tsvector, so the query with every word limited to A matches the title only.</summary>
    protected override (string Join, string InTitle) TitleMatch(IDictionary<string, object> parameters, SearchQuery query, string floor)
    {
        parameters["title"] = query.ToTsQuery(weight: 'A');
        // Made once (a subquery is an InitPlan), not parsed again for each of up to 2,000 rows.
        return (" JOIN \"MediaSearch\" s ON s.\"ItemId\" = w.id", "(s.\"Document\" @@ (SELECT to_tsquery('simple', unaccent(@title))))::int");
    }

    protected override string MatchCondition(IDictionary<string, object> parameters, SearchQuery query, IReadOnlyList<IReadOnlyList<string>> facets)
    {
        parameters["tsquery"] = query.ToTsQuery();
        if (facets.Count == 0) return $"s.\"Document\" @@ {Words}";
        parameters["facets"] = string.Join(" & ", facets.Select(g => "(" + string.Join(" | ", g.Select(t => "'#" + t + "'")) + ")"));
        return $"s.\"Document\" @@ ({Words} && @facets::tsquery)";
    }

    private const string Words = "to_tsquery('simple', unaccent(@tsquery))";

    /// <summary>
    /// The condition with its tsquery made once: checked row by row, to_tsquery and unaccent otherwise run again for each
    /// row (~1.6 µs). Not where GIN reads the query, which it makes once per scan, and whose plan needs to see it.
    /// </summary>
    private static string QueryMadeOnce(string where) => where
        .Replace($"@@ ({Words} && @facets::tsquery)", $"@@ (SELECT {Words} && @facets::tsquery)", StringComparison.Ordinal)
        .Replace($"@@ {Words}", $"@@ (SELECT {Words})", StringComparison.Ordinal);

    /// <summary>
    /// Block by block (see <see cref="BlockBits"/>), newest first, in chunks of 1, 2, 4, 8, then 16 blocks: the first
    /// chunks hold the newest matches of a common word, and a rare one reaches the oldest blocks in ~20 scans at 1 M
    /// items. Chunks stop at 16 blocks because a phrase's rows are checked again against the whole condition, blocks
    /// included, and an OR of more blocks costs more per row. Chunks are disjoint id ranges taken in order and each
    /// is sorted, so the nested loop's first rows are the newest matches; an empty chunk runs no scan.
    /// A query with a phrase walks this way only the items the phrase index does not cover yet, then the covered ones
    /// through the phrase index (<see cref="PhraseMatches"/>).
    /// </summary>
    protected override string NewestMatches(string matches, string where, int limit, SearchQuery query)
    {
        var pairs = SearchPairs.Of(query);
        var floor = pairs.Length == 0 ? "0" : $"(SELECT \"Below\" >> {BlockBits} FROM \"MediaSearchPairsSealed\")";
        var walk = $"SELECT m.id FROM (SELECT max(\"ItemId\") >> {BlockBits} AS top, {floor} AS floor FROM \"MediaSearch\") t " +
            "CROSS JOIN LATERAL generate_series(0, (5 + ((t.top - t.floor) >> 4))::int) AS c(n) " +
            "CROSS JOIN LATERAL (SELECT CASE WHEN c.n <= 4 THEN (1 << c.n) - 1 ELSE 15 + 16 * (c.n - 4) END AS newer, least(1 << least(c.n, 4), 16) AS size) o " +
            "CROSS JOIN LATERAL (SELECT string_agg('''#k' || b || '''', ' | ')::tsquery AS blocks " +
            "FROM generate_series(greatest(t.top - o.newer - o.size + 1, t.floor), t.top - o.newer) AS b) k " +
            $"CROSS JOIN LATERAL (SELECT {IndexId} AS id FROM {matches} WHERE k.blocks IS NOT NULL AND {where} AND s.\"Document\" @@ k.blocks " +
            $"ORDER BY {IndexId} DESC) m";
        return pairs.Length == 0 ? $"{walk} LIMIT {limit}"
            : $"SELECT u.id FROM (({walk}) UNION ALL ({PhraseMatches(matches, where, pairs)})) u LIMIT {limit}";
    }

    /// <summary>
    /// The matches among the items the phrase index covers, newest first: block by block
    /// (<see cref="SearchPairs.BlockBits"/>), the items found in every bucket of the query's pairs, each then checked
    /// against the whole condition. The buckets are numbers computed here, written into the SQL (decision 0028).
    /// </summary>
    private string PhraseMatches(string matches, string where, int[] pairs)
    {
        var buckets = string.Join(", ", pairs.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"SELECT c.id FROM (SELECT \"Below\" >> {SearchPairs.BlockBits} AS below FROM \"MediaSearchPairsSealed\") q " +
            "CROSS JOIN LATERAL generate_series(q.below - 1, 0, -1) AS pb(k) " +
            $"CROSS JOIN LATERAL (SELECT (pb.k::bigint << {SearchPairs.BlockBits}) + o.o AS id FROM \"MediaSearchPairs\" p CROSS JOIN LATERAL unnest(p.\"Offsets\") AS o(o) " +
            $"WHERE p.\"Block\" = pb.k AND p.\"Bucket\" IN ({buckets}) GROUP BY o.o HAVING count(DISTINCT p.\"Bucket\") = {pairs.Length} ORDER BY o.o DESC) c " +
            $"CROSS JOIN LATERAL (SELECT 1 FROM {matches} WHERE {IndexId} = c.id AND {QueryMadeOnce(where)} LIMIT 1) ok";
    }

    /// <summary>
    /// Writes the phrase index's blocks whose ids are all taken (<see cref="PostgresSearchPairs"/>), then empties GIN's
    /// pending list. GIN keeps new entries in a pending list (up to 4 MB) that every scan reads through, and the chunked search scans
    /// up to ~20 times: a full list added ~2.8 ms to each scan (decision 0026). After an import or a feed's fetch the
    /// list is moved into the index. Not after every batch: moving 4 MB at a time is cheaper per item. Only the index's
    /// owner may do this; otherwise autovacuum does it, as before.
    /// </summary>
    public override Task AfterWriteAsync(DbConnection connection, CancellationToken ct, ILogger? logger = null) => OnOpenAsync(connection, async () =>
    {
        await PostgresSearchPairs.SealAsync(connection, logger, ct);
        await CleanPendingListAsync(connection, ct);
    }, ct);

    private static async Task CleanPendingListAsync(DbConnection connection, CancellationToken ct)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT gin_clean_pending_list('\"IX_MediaSearch_Document\"'::regclass)";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
        }
    }

    public override Task ClearingAsync(DbConnection connection, CancellationToken ct) =>
        OnOpenAsync(connection, () => PostgresSearchPairs.ClearAsync(connection, ct), ct);

    /// <summary>Runs work on the connection, opening it first if needed; the caller's connection is left as it was.</summary>
    private static async Task OnOpenAsync(DbConnection connection, Func<Task> work, CancellationToken ct)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
