namespace Ttdn.Monitoring.Ingestion;

/// <summary>
/// What identifies an article in its URL: the same story reached over http/https, with or without "www.", a
/// trailing slash, a #fragment or utm_* tracking parameters is one item.
/// </summary>
public static class UrlKey
{
    private static readonly string[] Tracking = ["utm_", "fbclid", "gclid", "zarsrc", "mc_cid", "mc_eid"];

    /// <summary>The key, or null when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public static string? Of(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Tracking.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal));
        var key = host + (uri.IsDefaultPort ? "" : ":" + uri.Port) + path + (query.Length > 0 ? "?" + query : "");
        return key.Length <= 2000 ? key : null;
    }
}
