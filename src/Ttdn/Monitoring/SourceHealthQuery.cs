using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Fetching;

namespace Ttdn.Monitoring;

/// <summary>Each source's health from its last five weeks of fetch log: the directory page and the alert rules read it the same way.</summary>
public static class SourceHealthQuery
{
    public static async Task<Dictionary<int, SourceHealthState>> AssessAsync(AppDb db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.UtcDateTime.AddDays(-35);
        var runs = (await db.FetchRuns.AsNoTracking().Where(r => r.At >= since)
                .Select(r => new { r.SourceId, r.At, r.Succeeded, r.NewItems, r.Error }).ToListAsync(ct))
            .ToLookup(r => r.SourceId);
        var ids = await db.MediaSources.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => SourceHealth.Assess(runs[id]
            .Select(r => new FetchOutcomeSummary(new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Succeeded, r.NewItems, r.Error)).ToList(), now));
    }
}
