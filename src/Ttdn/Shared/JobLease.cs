using Microsoft.EntityFrameworkCore;
using Ttdn.Data;

namespace Ttdn.Shared;

/// <summary>
/// A named lease in the database: background work (reminders, digests) runs on the node holding it, so with
/// several nodes on one PostgreSQL a job never runs twice at once. A crashed node's lease simply expires.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Takes or renews the lease; true when this holder has it until now + duration.</summary>
    public static async Task<bool> TryAcquireAsync(AppDb db, string name, string holder, DateTime nowUtc, TimeSpan duration, CancellationToken ct = default)
    {
        var until = nowUtc + duration;
        // One conditional UPDATE is atomic on both providers: only a free, expired or own lease is taken.
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return false;
        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAtUtc = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node inserted it first
        }
    }
}

internal sealed class JobLeaseConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<JobLease>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<JobLease> e)
    {
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(100);
        e.Property(l => l.Holder).HasMaxLength(200);
    }
}
