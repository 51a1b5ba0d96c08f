using System.Data.Common;
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
        if (parsed.Count == 0) return;
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
    /// workers cost more to start than they save (docs/decisions/0022).
    /// </summary>
    protected override string? Settings => "SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0";

    protected override string Index => "\"MediaSearch\" s";
    protected override string IndexId => "s.\"ItemId\"";
    /// <summary>Title words carry weight A in the tsvector, so the query with every word limited to A matches the title only.</summary>
    protected override (string Join, string InTitle) TitleMatch(IDictionary<string, object> parameters, SearchQuery query, string floor)
    {
        parameters["title"] = query.ToTsQuery(weight: 'A');
        return (" JOIN \"MediaSearch\" s ON s.\"ItemId\" = w.id", "(s.\"Document\" @@ to_tsquery('simple', unaccent(@title)))::int");
    }

    protected override string MatchCondition(IDictionary<string, object> parameters, SearchQuery query, IReadOnlyList<IReadOnlyList<string>> facets)
    {
        parameters["tsquery"] = query.ToTsQuery();
        if (facets.Count == 0) return "s.\"Document\" @@ to_tsquery('simple', unaccent(@tsquery))";
        parameters["facets"] = string.Join(" & ", facets.Select(g => "(" + string.Join(" | ", g.Select(t => "'#" + t + "'")) + ")"));
        return "s.\"Document\" @@ (to_tsquery('simple', unaccent(@tsquery)) && @facets::tsquery)";
    }

    /// <summary>
    /// Block by block (see <see cref="BlockBits"/>), newest first, in chunks of 1, 2, 4, 8, then 16 blocks: the first
    /// chunks hold the newest matches of a common word, and a rare one reaches the oldest blocks in ~20 scans at 1 M
    /// items. Chunks stop at 16 blocks because a phrase's rows are checked again against the whole condition, blocks
    /// included, and an OR of more blocks costs more per row. Chunks are disjoint id ranges taken in order and each
    /// is sorted, so the nested loop's first rows are the newest matches; an empty chunk runs no scan.
    /// </summary>
    protected override string NewestMatches(string matches, string where, int limit) =>
        $"SELECT m.id FROM (SELECT max(\"ItemId\") >> {BlockBits} AS top FROM \"MediaSearch\") t " +
        "CROSS JOIN LATERAL generate_series(0, (5 + (t.top >> 4))::int) AS c(n) " +
        "CROSS JOIN LATERAL (SELECT CASE WHEN c.n <= 4 THEN (1 << c.n) - 1 ELSE 15 + 16 * (c.n - 4) END AS newer, least(1 << least(c.n, 4), 16) AS size) o " +
        "CROSS JOIN LATERAL (SELECT string_agg('''#k' || b || '''', ' | ')::tsquery AS blocks " +
        "FROM generate_series(greatest(t.top - o.newer - o.size + 1, 0), t.top - o.newer) AS b) k " +
        $"CROSS JOIN LATERAL (SELECT {IndexId} AS id FROM {matches} WHERE k.blocks IS NOT NULL AND {where} AND s.\"Document\" @@ k.blocks " +
        $"ORDER BY {IndexId} DESC) m LIMIT {limit}";

    /// <summary>
    /// GIN keeps new entries in a pending list (up to 4 MB) that every scan reads through, and the chunked search scans
    /// up to ~20 times: a full list added ~2.8 ms to each scan (decision 0026). After an import or a feed's fetch the
    /// list is moved into the index. Not after every batch: moving 4 MB at a time is cheaper per item. Only the index's
    /// owner may do this; otherwise autovacuum does it, as before.
    /// </summary>
    public override async Task AfterWriteAsync(DbConnection connection, CancellationToken ct)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT gin_clean_pending_list('\"IX_MediaSearch_Document\"'::regclass)";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
        }
        finally
        {
            if (opened) await connection.CloseAsync(); // the caller's connection is left as it was
        }
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
