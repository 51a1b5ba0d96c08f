using Ttdn.Monitoring.Processing;
using Ttdn.Shared;

namespace Ttdn.Monitoring;

/// <summary>
/// A collected article or post. Written by ingestion in bulk (not audited: it is what the press wrote, not what a user
/// did); the only human change, a tone override, goes through <see cref="OverrideTone"/> and the audit trail.
/// </summary>
public sealed class MediaItem
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The URL reduced to what identifies the article (no scheme, "www.", fragment or tracking parameters), for duplicates.</summary>
    public string UrlKey { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public string Language { get; set; } = "und";
    public DateTime PublishedAt { get; set; }
    public DateTime CollectedAt { get; set; }
    /// <summary>Copied from the source when collected, so dashboards split foreign and domestic coverage without a join.</summary>
    public bool Foreign { get; set; }
    /// <summary>Province keys mentioned, space-separated (" thai-nguyen dien-bien "), for display; filters use <see cref="MediaMention"/>.</summary>
    public string Provinces { get; set; } = "";
    /// <summary>64-bit SimHash of the text, stored as a signed number.</summary>
    public long Fingerprint { get; set; }
    /// <summary>The story this item belongs to: the id of the story's first item (itself for the first).</summary>
    public long ClusterId { get; set; }
    public Tone DetectedTone { get; set; }
    public Tone Tone { get; set; }
    public string? ToneOverriddenBy { get; set; }
    public DateTime? ToneOverriddenAt { get; set; }
    public int Version { get; set; }

    public bool ToneOverridden => ToneOverriddenAt is not null;

    /// <summary>A person's reading replaces the rules' guess; the guess is kept so overrides can be counted and the rules improved.</summary>
    public void OverrideTone(Tone tone, string by, DateTime at)
    {
        if (!Enum.IsDefined(tone))
            throw new DomainException("Chọn sắc thái: tích cực, trung tính hoặc tiêu cực (Choose positive, neutral or negative).");
        Tone = tone;
        ToneOverriddenBy = by;
        ToneOverriddenAt = at;
    }
}

/// <summary>A gazetteer hit in an item: which place (or landmark, festival, product) and where, for filters and highlighting.</summary>
public sealed class MediaMention
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public string EntryKey { get; set; } = "";
    public string ProvinceKey { get; set; } = "";
    public int Start { get; set; }
    public int Length { get; set; }
}

/// <summary>A plan theme an item speaks to.</summary>
public sealed class MediaItemTheme
{
    public long ItemId { get; set; }
    public int ThemeId { get; set; }
}
