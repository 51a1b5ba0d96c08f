using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ttdn.Audit;

/// <summary>
/// Turns the change tracker's pending changes into audit entries. AppDb calls it around every save, in the
/// same transaction, so no change is ever stored without its trail.
/// </summary>
public sealed class AuditTrail(TimeProvider clock, IHttpContextAccessor? http = null)
{
    // Secrets and derived keys: recording them would leak credentials or just add noise.
    private static readonly HashSet<string> Hidden =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "NormalizedName",
        "NameKey", "ShortNameKey", "Key", "DutyAreaKey", "Version", "AccessFailedCount", "Token",
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who acts when there is no web request: the command line sets it ("cli", "system").</summary>
    public string? BackgroundActor { get; set; }

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes, string? Summary);

    internal List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.Metadata.IsOwned()) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null) continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                if (Hidden.Contains(p.Metadata.Name) || p.Metadata.IsPrimaryKey()) continue;
                switch (entry.State)
                {
                    case EntityState.Added when p.CurrentValue is not null:
                        changes[p.Metadata.Name] = [null, p.CurrentValue];
                        break;
                    case EntityState.Deleted when p.OriginalValue is not null:
                        changes[p.Metadata.Name] = [p.OriginalValue, null];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                        break;
                }
            }
            if (action == AuditAction.Updated && changes.Count == 0) continue;
            pending.Add(new(entry, action.Value, changes, SummaryOf(entry)));
        }
        AddOwnedChanges(tracker, pending);
        return pending;
    }

    /// <summary>
    /// Owned values stored as JSON (a template's outline, a duty's targets) have no row of their own: an edit of them is
    /// recorded as an update of their owner ("Sections[2].Title"), so such edits are not missing from the trail.
    /// </summary>
    private static void AddOwnedChanges(ChangeTracker tracker, List<Pending> pending)
    {
        foreach (var entry in tracker.Entries().Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var ownership = entry.Metadata.FindOwnership();
            if (ownership is null || ownership.PrincipalEntityType.IsOwned()) continue;
            var ownerKey = ownership.Properties.Select(p => entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue).ToList();
            var owner = tracker.Entries().FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
                && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(ownerKey));
            // A created or deleted owner's trail already stands for its whole content.
            if (owner is null || owner.State is EntityState.Added or EntityState.Deleted) continue;
            var record = pending.FirstOrDefault(p => p.Entry == owner);
            if (record is null)
            {
                record = new(owner, AuditAction.Updated, [], SummaryOf(owner));
                pending.Add(record);
            }
            var ordinal = entry.Metadata.FindPrimaryKey()?.Properties.Where(p => !ownership.Properties.Contains(p)).Select(p => entry.Property(p.Name).CurrentValue).FirstOrDefault();
            var prefix = $"{ownership.PrincipalToDependent?.Name}{(ordinal is null ? "" : $"[{ordinal}]")}";
            foreach (var p in entry.Properties.Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey() && !Hidden.Contains(p.Metadata.Name)))
            {
                object? from = entry.State == EntityState.Added ? null : p.OriginalValue, to = entry.State == EntityState.Deleted ? null : p.CurrentValue;
                if (!Equals(from, to)) record.Changes[$"{prefix}.{p.Metadata.Name}"] = [from, to];
            }
        }
        pending.RemoveAll(p => p.Action == AuditAction.Updated && p.Changes.Count == 0);
    }

    /// <summary>Called after the save, when generated keys are known.</summary>
    internal IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = http?.HttpContext?.User;
        var userName = user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "?" : BackgroundActor ?? "system";
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        foreach (var p in pending)
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            var id = key is null ? "" : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue ?? p.Entry.Property(k.Name).OriginalValue));
            yield return new AuditEntry
            {
                AtUtc = now,
                UserId = userId,
                UserName = userName,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = id,
                Summary = p.Summary is { Length: > 300 } s ? s[..300] : p.Summary,
                Changes = JsonSerializer.Serialize(p.Changes.ToDictionary(c => c.Key, c => new { from = Format(c.Value[0]), to = Format(c.Value[1]) }), Json),
            };
        }
    }

    private static string? SummaryOf(EntityEntry entry)
    {
        foreach (var name in new[] { "Name", "UserName", "Text", "Title" })
        {
            var property = entry.Metadata.FindProperty(name);
            if (property is not null && entry.Property(name).CurrentValue is string s) return s;
        }
        return null;
    }

    private static object? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };
}
