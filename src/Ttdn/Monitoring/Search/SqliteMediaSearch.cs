using System.Data.Common;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// FTS5, contentless (the text is in MediaItems already): the table holds only the index. Title and Body hold the
/// folded words, Facets the item's facet tokens (<see cref="SearchFacets"/>); typed text is matched in Title and Body
/// only (migration M0006).
/// </summary>
public sealed class SqliteMediaSearch : MediaSearch
{
    public override async Task IndexAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO MediaSearch(rowid, Title, Body, Facets) VALUES (@id, @title, @body, @facets)";
        var id = command.CreateParameter(); id.ParameterName = "id"; command.Parameters.Add(id);
        var title = command.CreateParameter(); title.ParameterName = "title"; command.Parameters.Add(title);
        var body = command.CreateParameter(); body.ParameterName = "body"; command.Parameters.Add(body);
        var facets = command.CreateParameter(); facets.ParameterName = "facets"; command.Parameters.Add(facets);
        await command.PrepareAsync(ct);
        foreach (var d in documents)
        {
            id.Value = d.Id;
            title.Value = SearchText.ForIndex(d.Title);
            body.Value = SearchText.ForIndex(d.Text);
            facets.Value = d.Facets is null ? "" : string.Join(' ', d.Facets.Tokens());
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    protected override string Index => "MediaSearch s";
    protected override string IndexId => "s.rowid";
    /// <summary>The title's own doclists, walked only over the window's id range.</summary>
    protected override (string Join, string InTitle) TitleMatch(IDictionary<string, object> parameters, SearchQuery query, string floor)
    {
        parameters["title"] = "{Title} : (" + query.ToFts5() + ")";
        return ("", $"(w.id IN (SELECT t.rowid FROM MediaSearch t WHERE MediaSearch MATCH @title AND t.rowid >= {floor}))");
    }

    protected override string MatchCondition(IDictionary<string, object> parameters, SearchQuery query, IReadOnlyList<IReadOnlyList<string>> facets)
    {
        var match = "{Title Body} : (" + query.ToFts5() + ")";
        foreach (var group in facets) match += " AND Facets : (" + string.Join(" OR ", group.Select(t => "\"" + t + "\"")) + ")";
        parameters["match"] = match;
        return "MediaSearch MATCH @match";
    }

    protected override string Q(string identifier) => "\"" + identifier + "\"";
}
