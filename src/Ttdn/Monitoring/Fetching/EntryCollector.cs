using System.Net;
using System.Xml.Linq;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// Turns item elements of RSS, Atom or sitemaps into entries with absolute http(s) links, counting what it had to
/// skip so the feed's warnings can say so.
/// </summary>
internal sealed class EntryCollector(Uri feedUrl)
{
    private readonly List<FeedEntry> _entries = [];
    private Uri _base = feedUrl;
    private int _withoutLink;

    public IReadOnlyList<FeedEntry> Entries => _entries;
    public string? BaseAttribute { get; private set; }

    public void SetBase(string? xmlBase)
    {
        BaseAttribute = xmlBase;
        if (xmlBase is not null && Uri.TryCreate(_base, xmlBase, out var resolved)) _base = resolved;
    }

    public IEnumerable<string> Warnings()
    {
        if (_withoutLink > 0)
        {
            yield return $"{_withoutLink} mục bị bỏ vì không có liên kết http(s) hợp lệ ({_withoutLink} items skipped: no valid http(s) link)";
        }
    }

    public void Add(XElement item, string? feedLanguage)
    {
        var entry = item.Name.LocalName switch
        {
            "entry" => Atom(item, feedLanguage),
            "url" or "sitemap" => Sitemap(item, feedLanguage),
            _ => Rss(item, feedLanguage),
        };
        if (entry is null) _withoutLink++;
        else _entries.Add(entry);
    }

    private FeedEntry? Rss(XElement item, string? feedLanguage)
    {
        var guid = Child(item, "guid");
        var link = Text(ChildNoNamespace(item, "link") ?? Child(item, "link"))
            ?? Child(item, "link")?.Attribute("href")?.Value
            ?? (guid?.Attribute("isPermaLink")?.Value is not "false" ? Text(guid) : null);
        var url = Resolve(_base, link);
        if (url is null) return null;

        var description = Raw(Child(item, "description"));
        var encoded = Raw(Child(item, "encoded"));
        return new FeedEntry(
            url,
            XmlFeedReader.Clean(Raw(Child(item, "title"))),
            XmlFeedReader.Clean(description),
            encoded ?? (description is not null && description.Contains('<') ? description : null),
            FeedDates.Parse(Text(Child(item, "pubDate")) ?? Text(Child(item, "date")) ?? Text(Child(item, "published")) ?? Text(Child(item, "updated"))),
            Text(guid) ?? url,
            Text(Child(item, "language")) ?? feedLanguage,
            XmlFeedReader.Clean(Text(Child(item, "creator")) ?? Text(Child(item, "author"))));
    }

    private FeedEntry? Atom(XElement entry, string? feedLanguage)
    {
        var entryBase = _base;
        if (entry.Attribute(XNamespace.Xml + "base")?.Value is { } xmlBase && Uri.TryCreate(_base, xmlBase, out var b)) entryBase = b;

        var links = entry.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var url = Resolve(entryBase, alternate?.Attribute("href")?.Value ?? Text(alternate));
        if (url is null) return null;

        var content = Child(entry, "content");
        var contentHtml = content is null ? null : AtomHtml(content);
        var summary = Child(entry, "summary");
        return new FeedEntry(
            url,
            XmlFeedReader.Clean(AtomHtml(Child(entry, "title"))),
            XmlFeedReader.Clean(summary is null ? null : AtomHtml(summary)),
            contentHtml,
            FeedDates.Parse(Text(Child(entry, "published")) ?? Text(Child(entry, "updated")) ?? Text(Child(entry, "issued"))),
            Text(Child(entry, "id")) ?? url,
            entry.Attribute(XNamespace.Xml + "lang")?.Value ?? feedLanguage,
            XmlFeedReader.Clean(Text(Child(Child(entry, "author"), "name")) ?? Text(Child(entry, "author"))));
    }

    private FeedEntry? Sitemap(XElement url, string? feedLanguage)
    {
        var loc = Resolve(_base, Text(Child(url, "loc")));
        if (loc is null) return null;

        var news = Child(url, "news");
        var publication = Child(news, "publication");
        return new FeedEntry(
            loc,
            XmlFeedReader.Clean(Text(Child(news, "title"))),
            null,
            null,
            FeedDates.Parse(Text(Child(news, "publication_date")) ?? Text(Child(url, "lastmod"))),
            loc,
            Text(Child(publication, "language")) ?? feedLanguage,
            null);
    }

    /// <summary>Atom text constructs: html is escaped markup, xhtml is inline markup, text is plain.</summary>
    private static string? AtomHtml(XElement? element)
    {
        if (element is null) return null;
        return (string?)element.Attribute("type") switch
        {
            "xhtml" => string.Concat((element.Elements().FirstOrDefault() ?? element).Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))),
            "html" or "text/html" => Raw(element),
            _ => Raw(element) is { } plain ? WebUtility.HtmlEncode(plain) : null,
        };
    }

    internal static string? Resolve(Uri baseUrl, string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (!Uri.TryCreate(baseUrl, link.Trim(), out var absolute)) return null;
        return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static XElement? ChildNoNamespace(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && e.Name.Namespace == XNamespace.None);

    private static string? Raw(XElement? element) => string.IsNullOrWhiteSpace(element?.Value) ? null : element.Value.Trim();

    private static string? Text(XElement? element) => Raw(element);
}
