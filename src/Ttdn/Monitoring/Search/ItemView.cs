using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Monitoring.Search;

/// <summary>An item as lists, the API and the command line show it.</summary>
public sealed record ItemView(long Id, string Url, string Title, string Snippet, string Language, DateTime PublishedAt, int SourceId, string Source,
    bool Foreign, IReadOnlyList<string> Provinces, long ClusterId, Tone Tone, bool ToneOverridden)
{
    /// <summary>The items of <paramref name="ids"/> in that order, with a snippet around the first match of <paramref name="query"/>.</summary>
    public static async Task<List<ItemView>> LoadAsync(AppDb db, IReadOnlyList<long> ids, SearchQuery? query, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.ToArray();
        var rows = await db.MediaItems.AsNoTracking().Where(i => wanted.Contains(i.Id))
            .Join(db.MediaSources, i => i.SourceId, s => s.Id, (i, s) => new
            {
                i.Id, i.Url, i.Title, i.Text, i.Language, i.PublishedAt, i.SourceId, Source = s.Name, i.Foreign, i.Provinces, i.ClusterId, i.Tone,
                Overridden = i.ToneOverriddenAt != null,
            })
            .ToDictionaryAsync(r => r.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new ItemView(r.Id, r.Url, r.Title,
                Highlighter.Snippet(r.Text, query), r.Language, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc), r.SourceId, r.Source, r.Foreign,
                r.Provinces.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.ClusterId, r.Tone, r.Overridden))
            .ToList();
    }
}
