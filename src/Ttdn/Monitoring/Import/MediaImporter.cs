using Microsoft.EntityFrameworkCore;
using Ttdn.Data;
using Ttdn.Monitoring.Ingestion;
using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Import;

/// <summary>
/// Bulk import of an export file: each line's source is found in the directory by name (insensitive to diacritics) or
/// added as an import-only source, then items go through the same ingestion as fed items.
/// </summary>
public sealed class MediaImporter(MediaIngest ingest, TimeProvider clock)
{
    public const string DefaultSourceName = "Nhập từ tệp (imported file)";

    public async Task<IngestResult> ImportAsync(AppDb db, Stream file, string fileName, string? defaultSource = null,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // Gathered in lists: IngestResult.Add copies every id so far, and a 1 M-line file made ~11,000 of those copies
        // (one per source per flush), megabytes each, which the garbage collector then had to clear away.
        int imported = 0, duplicates = 0;
        var ids = new List<long>();
        var refused = new List<Rejection>();
        var sources = new Dictionary<string, MediaSource>(StringComparer.Ordinal);
        var pending = new List<IncomingItem>();
        var read = 0;

        async Task FlushAsync()
        {
            foreach (var group in pending.GroupBy(i => i.Source ?? defaultSource ?? DefaultSourceName))
            {
                var source = await SourceAsync(db, sources, group.Key, ct);
                var result = await ingest.IngestAsync(db, source, group, null, ct);
                (imported, duplicates) = (imported + result.Imported, duplicates + result.Duplicates);
                ids.AddRange(result.NewIds);
                refused.AddRange(result.Rejected);
            }
            pending.Clear();
            progress?.Report(read);
        }

        var rejected = new List<Rejection>();
        foreach (var line in ImportFile.Read(file, fileName))
        {
            ct.ThrowIfCancellationRequested();
            read++;
            if (line.Rejected is { } r) rejected.Add(r);
            else pending.Add(line.Item!);
            if (pending.Count >= MediaIngest.BatchSize * 4) await FlushAsync();
        }
        await FlushAsync();
        return new IngestResult(imported, duplicates, [.. rejected, .. refused], ids);
    }

    private async Task<MediaSource> SourceAsync(AppDb db, Dictionary<string, MediaSource> known, string name, CancellationToken ct)
    {
        var key = VietnameseText.FoldToWords(name);
        if (known.TryGetValue(key, out var cached)) return cached;
        // Few sources: folding in memory is simpler than a stored key and exact for every spelling.
        var all = await db.MediaSources.AsNoTracking().ToListAsync(ct);
        var found = all.FirstOrDefault(s => VietnameseText.FoldToWords(s.Name) == key);
        if (found is null)
        {
            found = new MediaSource { Name = name.Trim(), Kind = SourceKind.SocialAccount, Format = SourceFormat.Import, CreatedAt = clock.GetUtcNow().UtcDateTime };
            found.Validate();
            db.MediaSources.Add(found);
            await db.SaveChangesAsync(ct);
            db.Entry(found).State = EntityState.Detached;
        }
        return known[key] = found;
    }
}
