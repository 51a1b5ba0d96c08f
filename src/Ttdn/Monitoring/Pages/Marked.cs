using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Ttdn.Monitoring.Search;

namespace Ttdn.Monitoring.Pages;

/// <summary>Text with the query's words wrapped in &lt;mark&gt;; everything else HTML-encoded.</summary>
public static class Marked
{
    // Like the pages' own encoder: Vietnamese, Chinese and Korean letters stay readable in the HTML.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Html(string text, SearchQuery? query)
    {
        var sb = new StringBuilder(text.Length + 32);
        foreach (var part in Highlighter.Parts(text, query))
        {
            var encoded = Encoder.Encode(part.Text);
            sb.Append(part.Match ? $"<mark>{encoded}</mark>" : encoded);
        }
        return new HtmlString(sb.ToString());
    }
}
