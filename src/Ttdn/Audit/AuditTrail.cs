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
        return pending;
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
