using System.Data.Common;

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
        var built = new List<(long Id, string Vector)>(documents.Count);
        var parsed = new List<(long Id, string Title, string Body, string Facets)>();
        foreach (var d in documents)
        {
            var (title, body, facets) = (SearchText.ForIndex(d.Title), SearchText.ForIndex(d.Text), Facets(d.Facets));
            if (TsVectorText.TryBuild(title, body, out var vector)) built.Add((d.Id, facets.Length == 0 ? vector : vector + " " + facets));
            else parsed.Add((d.Id, title, body, facets));
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

    /// <summary>Facet lexemes as tsvector text: '#m202603' '#lvi' … (tokens are letters and digits, so quoting is safe).</summary>
    private static string Facets(SearchFacets? facets) => facets is null ? "" : string.Join(' ', facets.Tokens().Select(t => "'#" + t + "'"));

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

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
