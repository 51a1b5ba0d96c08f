namespace Ttdn.Audit;

/// <summary>One recorded change: who, when, what, and each changed value before → after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>A human label of the changed thing at the time (its name), so the trail reads well after deletion.</summary>
    public string? Summary { get; set; }
    /// <summary>JSON object: property → {"from": …, "to": …}.</summary>
    public string Changes { get; set; } = "{}";
}

public enum AuditAction { Created, Updated, Deleted }
