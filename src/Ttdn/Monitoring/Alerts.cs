namespace Ttdn.Monitoring;

/// <summary>A search an officer keeps; with <see cref="Alert"/> set, new matches raise an alert.</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public string OwnerUserName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Query { get; set; } = "";
    public string? Language { get; set; }
    public string? ProvinceKey { get; set; }
    public int? SourceId { get; set; }
    public int? Tone { get; set; }
    public bool Alert { get; set; }
    /// <summary>The newest item already alerted on, so each match alerts once.</summary>
    public long LastAlertedItemId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum AlertKind { SavedSearchMatch, NegativeForeign, VolumeSpike, SourceQuiet, SourceFailing }

/// <summary>Something an officer should look at. <see cref="Key"/> makes each alert happen once (e.g. one per item, one per source per day).</summary>
public sealed class MonitoringAlert
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    public string Key { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";
    public long? ItemId { get; set; }
    public int? SourceId { get; set; }
    public int? SavedSearchId { get; set; }
    public string? ProvinceKey { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    /// <summary>Marks the alert seen; the first person and time are kept, so "who saw it first" stays true.</summary>
    public void Acknowledge(string by, DateTime at)
    {
        if (AcknowledgedAt is not null) return;
        (AcknowledgedAt, AcknowledgedBy) = (at, by);
    }
}

/// <summary>Who receives the daily press digest ("bản tin điểm báo") by e-mail: leaders need no account to read it.</summary>
public sealed class DigestRecipient
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>One day's digest for a province; the token opens its DOCX without signing in.</summary>
public sealed class Digest
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public string ProvinceKey { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int ItemCount { get; set; }
    public string? SendError { get; set; }
}
