using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Article text from an HTML page: drops site chrome (navigation, asides, footers, scripts, forms, and blocks
/// whose class or id says menu/sidebar/ads/share/related/comment…), scores each container by the paragraph text
/// it holds (links count against it), keeps the best container's paragraphs. Title from og:title, the first h1,
/// then &lt;title&gt;; publication time from meta tags, &lt;time datetime&gt;, JSON-LD, then a Vietnamese
/// "dd/MM/yyyy HH:mm" date line (read as UTC+7). Never throws on bad HTML.
/// </summary>
public static class ArticleExtractor
{
    private static readonly string[] ChromeTags =
        ["script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg", "button", "select", "template", "object", "embed"];

    private static readonly string[] ChromeHints =
    [
        "nav", "menu", "footer", "sidebar", "side-bar", "widget", "advert", "ads", "banner", "share", "social",
        "comment", "related", "breadcrumb", "popup", "cookie", "subscribe", "copyright", "login", "toolbar", "tags",
        "quangcao", "quang-cao", "lienquan", "lien-quan", "tinlienquan", "tin-khac", "tinkhac", "footer", "print",
    ];

    public static ExtractedArticle Extract(string html, Uri? url)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html ?? string.Empty);
        string? title = ArticleMetadata.Title(document);
        var published = ArticleMetadata.PublishedAt(document);
        string? declared = ArticleMetadata.DeclaredLanguage(document);

        RemoveChrome(document);
        string text = ArticleBody.Text(document, title);
        published ??= ArticleMetadata.DateInText(document.Body?.TextContent ?? string.Empty);

        string detected = LanguageDetector.Detect(text.Length > 0 ? text : title ?? string.Empty);
        string? language = detected != "und" ? detected : declared;
        _ = url; // reserved for site-specific rules; relative links are not resolved in plain text
        return new ExtractedArticle(title, text, published, language);
    }

    private static void RemoveChrome(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(',', ChromeTags)).ToList())
        {
            element.Remove();
        }

        foreach (var element in document.QuerySelectorAll("header").ToList())
        {
            if (element.Closest("article") is null)
            {
                element.Remove();
            }
        }

        foreach (var element in document.QuerySelectorAll("[class],[id],[role]").ToList())
        {
            if (element.LocalName is "body" or "html" or "article" or "main" || element.ParentElement is null)
            {
                continue;
            }

            string role = element.GetAttribute("role") ?? string.Empty;
            if (role is "navigation" or "complementary" or "contentinfo" or "banner" || IsChromeName(element))
            {
                element.Remove();
            }
        }
    }

    private static bool IsChromeName(IElement element)
    {
        string names = ((element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty)).ToLowerInvariant();
        foreach (string token in names.Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string hint in ChromeHints)
            {
                // Whole token or a dash-separated part: "main-nav", "ads-box", but not "header-adsense"… nor "loads".
                if (token == hint || token.StartsWith(hint + "-", StringComparison.Ordinal) || token.EndsWith("-" + hint, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
