using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Ttdn.Data;

namespace Ttdn.Monitoring.Search;

/// <summary>
/// Indexes the items the search index does not hold yet: all of them after a migration rebuilt the index (M0006 added
/// facets), none on an ordinary start. Items are indexed in the transaction that stores them, in id order, so every
/// item above the highest indexed id is missing and none below it is.
/// </summary>
public static class SearchIndexCatchUp
{
    public const int BatchSize = 2_000;

    public static async Task<int> RunAsync(AppDb db, ILogger logger, CancellationToken ct = default)
    {
        var engine = MediaSearch.For(db);
        var last = await HighestIndexedAsync(db, ct);
        var missing = await db.MediaItems.CountAsync(i => i.Id > last, ct);
        if (missing == 0)
        {
            await engine.AfterWriteAsync(db.Database.GetDbConnection(), ct, logger); // e.g. a phrase index added by a migration
            return 0;
        }
        if (last == 0) await engine.ClearingAsync(db.Database.GetDbConnection(), ct);
        logger.LogInformation("Xây lại chỉ mục tìm kiếm cho {Missing} tin (rebuilding the search index)", missing);
        var done = 0;
        while (true)
        {
            var batch = await db.MediaItems.AsNoTracking().Where(i => i.Id > last).OrderBy(i => i.Id).Take(BatchSize)
                .Select(i => new { i.Id, i.Title, i.Text, i.PublishedAt, i.Language, i.SourceId, i.Provinces }).ToListAsync(ct);
            if (batch.Count == 0) break;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await engine.IndexAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), batch.Select(i => new SearchDocument(i.Id, i.Title, i.Text,
                    new SearchFacets(i.PublishedAt, i.Language, i.SourceId, i.Provinces.Split(' ', StringSplitOptions.RemoveEmptyEntries)))).ToList(), ct);
                await transaction.CommitAsync(ct);
            }
            await engine.AfterWriteAsync(db.Database.GetDbConnection(), ct, logger);
            last = batch[^1].Id;
            done += batch.Count;
            if (done % 50_000 < BatchSize || done == missing)
                logger.LogInformation("Chỉ mục tìm kiếm: {Done}/{Missing} tin (search index)", done, missing);
        }
        return done;
    }

    private static async Task<long> HighestIndexedAsync(AppDb db, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT COALESCE(max(\"ItemId\"), 0) AS \"Value\" FROM \"MediaSearch\""
            : "SELECT COALESCE((SELECT rowid FROM MediaSearch ORDER BY rowid DESC LIMIT 1), 0) AS \"Value\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
    }
}
