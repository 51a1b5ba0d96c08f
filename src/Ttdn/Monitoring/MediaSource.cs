using Ttdn.Shared;

namespace Ttdn.Monitoring;

public enum SourceKind { Press, GovernmentPortal, SocialAccount, Blog, Other }

/// <summary>How a source is read. <see cref="Import"/> sources are filled only by bulk imports (social-platform exports).</summary>
public enum SourceFormat { Auto, Rss, Atom, JsonFeed, Sitemap, Listing, Import }

/// <summary>
/// An outlet or feed in the directory. Fetch state (validators, schedule, last outcome) lives on the source so the
/// directory page shows health without reading the fetch log. All times in this feature are UTC.
/// </summary>
public sealed class MediaSource
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Feed, sitemap or listing page; null for import-only sources.</summary>
    public string? Url { get; set; }
    public SourceKind Kind { get; set; }
    public SourceFormat Format { get; set; }
    /// <summary>ISO 3166 alpha-2; "VN" is domestic, anything else foreign.</summary>
    public string Country { get; set; } = "VN";
    /// <summary>The language the source usually writes in; items are still detected one by one.</summary>
    public string Language { get; set; } = "vi";
    /// <summary>Free tags separated by commas ("báo Đảng, trung ương").</summary>
    public string Tags { get; set; } = "";
    public bool Active { get; set; } = true;
    public int PollMinutes { get; set; } = 60;
    /// <summary>Whether to download each entry's page and extract the article (feeds that carry only a summary).</summary>
    public bool FetchArticles { get; set; }

    public string? ETag { get; set; }
    public DateTime? LastModified { get; set; }
    public DateTime? NextFetchAt { get; set; }
    public DateTime? LastFetchAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastItemAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public bool IsForeign => !string.Equals(Country, "VN", StringComparison.OrdinalIgnoreCase);

    public const int MinPollMinutes = 5;

    /// <summary>Checks what an officer typed; a bad source would otherwise fail only later, in the background.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new DomainException("Nhập tên nguồn tin (Enter the source's name).");
        if (Format != SourceFormat.Import)
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new DomainException("Nhập địa chỉ đầy đủ của nguồn, bắt đầu bằng http:// hoặc https:// (Enter the full http(s) address of the feed or page).");
        }
        if (Country.Length != 2 || !Country.All(char.IsAsciiLetter))
            throw new DomainException("Mã quốc gia gồm 2 chữ cái, ví dụ VN, US, CN, KR (Country is a two-letter code such as VN, US, CN, KR).");
        if (PollMinutes < MinPollMinutes)
            throw new DomainException($"Chu kỳ lấy tin tối thiểu {MinPollMinutes} phút (Poll at most every {MinPollMinutes} minutes).");
        Country = Country.ToUpperInvariant();
        Name = Name.Trim();
        Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
    }

    /// <summary>Records a fetch: the next one is due after the poll interval, or after a backoff that grows with each failure in a row.</summary>
    public void RecordFetch(DateTime at, bool succeeded, string? error, int newItems, int failuresInARow)
    {
        LastFetchAt = at;
        if (succeeded)
        {
            LastSuccessAt = at;
            if (newItems > 0) LastItemAt = at;
            NextFetchAt = at.AddMinutes(PollMinutes);
        }
        else
        {
            LastErrorAt = at;
            LastError = error;
            // 1×, 2×, 4× … the interval, at most a day: a broken source is retried, not hammered.
            var factor = Math.Min(1 << Math.Min(failuresInARow, 10), 24 * 60 / Math.Max(PollMinutes, 1));
            NextFetchAt = at.AddMinutes(PollMinutes * Math.Max(factor, 1));
        }
    }
}

/// <summary>One attempt to read a source: what the health panel and the "goes quiet" alert are computed from.</summary>
public sealed class FetchRun
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    public bool NotModified { get; set; }
    public int? HttpStatus { get; set; }
    public int Entries { get; set; }
    public int NewItems { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}
