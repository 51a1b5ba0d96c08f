using System.Text.RegularExpressions;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// A plain listing page (a news section, a portal's "Tin tức" page) read as a feed: the links of its main content
/// that look like articles — same site, deeper than the section or with an article-like slug — and not the links of
/// navigation, header, footer, sidebars, tags, search or paging. A tolerant tag scanner, not an HTML parser: listing
/// pages are routinely invalid, and only anchors and the few containers around them matter here.
/// </summary>
public static partial class ListingPageParser
{
    private static readonly HashSet<string> BoilerplateTags = new(StringComparer.OrdinalIgnoreCase) { "nav", "header", "footer", "aside", "form", "menu" };
    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track" };

    public static ParsedFeed Parse(string html, Uri pageUrl) => Parse(html, pageUrl, []);

    internal static ParsedFeed Parse(string html, Uri pageUrl, List<string> warnings)
    {
        var title = HtmlText.ToPlain(TitleTag().Match(html) is { Success: true } t ? t.Groups[1].Value : null);
        var language = HtmlLang().Match(html) is { Success: true } l ? l.Groups[1].Value : null;
        bool hasMain = MainMarker().IsMatch(html);

        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        var order = new List<string>();
        string? skipTag = null, mainTag = null;
        int skipDepth = 0, mainDepth = 0;
        string? anchorHref = null;
        var anchorText = new System.Text.StringBuilder();

        foreach (Match token in Token().Matches(html))
        {
            if (token.Groups["skip"].Success) continue;
            if (token.Groups["text"].Success)
            {
                if (anchorHref is not null) anchorText.Append(token.Value);
                continue;
            }

            var name = token.Groups["name"].Value;
            bool closing = token.Groups["close"].Length > 0;
            var attributes = token.Groups["attrs"].Value;
            bool selfClosing = attributes.EndsWith('/') || VoidTags.Contains(name);

            if (skipTag is not null)
            {
                if (name.Equals(skipTag, StringComparison.OrdinalIgnoreCase) && !selfClosing) skipDepth += closing ? -1 : 1;
                if (skipDepth == 0) skipTag = null;
                continue;
            }

            if (mainTag is not null && name.Equals(mainTag, StringComparison.OrdinalIgnoreCase) && !selfClosing)
            {
                mainDepth += closing ? -1 : 1;
                if (mainDepth == 0) mainTag = null;
            }

            if (closing)
            {
                if (anchorHref is not null && name.Equals("a", StringComparison.OrdinalIgnoreCase))
                {
                    Keep(found, order, anchorHref, HtmlText.ToPlain(anchorText.ToString()));
                    anchorHref = null;
                }
                continue;
            }

            if (!selfClosing && (BoilerplateTags.Contains(name) || IsBoilerplate(attributes)))
            {
                if (anchorHref is not null) anchorHref = null;
                skipTag = name;
                skipDepth = 1;
                continue;
            }

            if (hasMain && mainTag is null && !selfClosing
                && (name.Equals("main", StringComparison.OrdinalIgnoreCase) || AttributeValue(attributes, "role").Equals("main", StringComparison.OrdinalIgnoreCase)))
            {
                mainTag = name;
                mainDepth = 1;
                continue;
            }

            if (hasMain && mainTag is null) continue;

            if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                var href = System.Net.WebUtility.HtmlDecode(AttributeValue(attributes, "href"));
                var url = ArticleUrl(pageUrl, href);
                anchorHref = url;
                anchorText.Clear();
                if (url is not null && AttributeValue(attributes, "title") is { Length: > 0 } linkTitle) anchorText.Append(linkTitle).Append(' ');
            }
            else if (anchorHref is not null && name.Equals("img", StringComparison.OrdinalIgnoreCase) && AttributeValue(attributes, "alt") is { Length: > 0 } alt && anchorText.Length == 0)
            {
                anchorText.Append(alt);
            }
        }

        if (order.Count == 0)
        {
            throw new FeedFormatException(
                "Trang HTML không có liên kết nào giống bài viết trong phần nội dung chính; hãy nhập địa chỉ trang danh sách tin hoặc nguồn RSS (the HTML page has no article-like links in its main content; give a news listing page or an RSS feed)");
        }

        var entries = order.Select(url => new FeedEntry(url, found[url], null, null, null, url, language, null)).ToList();
        return new ParsedFeed(FeedKind.Listing, title, language, entries, warnings);
    }

    private static void Keep(Dictionary<string, string?> found, List<string> order, string url, string? title)
    {
        if (!found.TryGetValue(url, out var existing))
        {
            found[url] = title;
            order.Add(url);
        }
        else if ((title?.Length ?? 0) > (existing?.Length ?? 0))
        {
            found[url] = title;
        }
    }

    /// <summary>The absolute article URL the link points to, or null when it is navigation, an asset or off-site.</summary>
    internal static string? ArticleUrl(Uri page, string href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#')) return null;
        if (!Uri.TryCreate(page, href.Trim(), out var link) || link.Scheme is not ("http" or "https")) return null;
        if (!SameSite(page.Host, link.Host)) return null;

        var path = link.AbsolutePath;
        if (NotArticlePath().IsMatch(path) || AssetExtension().IsMatch(path)) return null;
        var pagePath = page.AbsolutePath.TrimEnd('/');
        if (path.TrimEnd('/').Equals(pagePath, StringComparison.OrdinalIgnoreCase)) return null;

        var section = pagePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || pagePath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
            || pagePath.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase) || pagePath.EndsWith(".php", StringComparison.OrdinalIgnoreCase)
            ? pagePath[..pagePath.LastIndexOf('.')]
            : pagePath;
        var lastSegment = path.TrimEnd('/').Split('/')[^1];
        bool deeper = section.Length > 0 && path.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase) && path.Length > section.Length + 1;
        bool slugLike = lastSegment.Count(c => c == '-') >= 3 || ArticleId().IsMatch(lastSegment);
        if (!deeper && !slugLike) return null;

        var builder = new UriBuilder(link) { Fragment = string.Empty };
        return builder.Uri.AbsoluteUri;
    }

    private static readonly HashSet<string> BoilerplateParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "social", "share", "sharing",
        "widget", "banner", "advert", "advertisement", "ads", "quangcao",
    };

    private static readonly HashSet<string> HeaderClasses = new(StringComparer.OrdinalIgnoreCase) { "header", "site-header", "page-header", "top-header", "main-header" };
    private static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase) { "navigation", "banner", "contentinfo", "complementary", "menu" };

    /// <summary>
    /// Navigation, menus, footers, sidebars, share bars and ads by class or id: a whole word of a class name
    /// ("main-menu", "footer_links"), but "header" only as the page's header ("news-header" is an article card's title).
    /// </summary>
    private static bool IsBoilerplate(string attributes)
    {
        if (BoilerplateRoles.Contains(AttributeValue(attributes, "role"))) return true;
        var names = (AttributeValue(attributes, "class") + " " + AttributeValue(attributes, "id")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return names.Any(name => HeaderClasses.Contains(name) || name.Split('-', '_').Any(BoilerplateParts.Contains));
    }

    private static bool SameSite(string a, string b) =>
        string.Equals(StripWww(a), StripWww(b), StringComparison.OrdinalIgnoreCase);

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string AttributeValue(string attributes, string name)
    {
        foreach (Match m in Attribute().Matches(attributes))
        {
            if (m.Groups[1].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"(?<skip><!--.*?-->|<(script|style|noscript|template)\b.*?</\2\s*>|<![^>]*>)|<(?<close>/?)(?<name>[A-Za-z][\w:-]*)(?<attrs>(?:[^>""']|""[^""]*""|'[^']*')*)>|(?<text>[^<]+)",
        RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Token();

    [GeneratedRegex(@"([\w:-]+)\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s""'>]+))")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<html[^>]*\slang\s*=\s*[""']?([A-Za-z-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();

    [GeneratedRegex(@"<main[\s>]|role\s*=\s*[""']?main\b", RegexOptions.IgnoreCase)]
    private static partial Regex MainMarker();

    [GeneratedRegex(@"/(tag|tags|tim-kiem|search|author|tac-gia|login|dang-nhap|dang-ky|register|rss|feed|lien-he|contact|page)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NotArticlePath();

    [GeneratedRegex(@"\.(jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|rar|mp3|mp4|css|js|xml|ico)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssetExtension();

    [GeneratedRegex(@"\d{5,}|-\d+\.(html?|aspx|php)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleId();
}
