using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ttdn.Monitoring.Fetching;

/// <summary>Plain text from the small HTML fragments feeds put in titles and summaries (not article extraction).</summary>
internal static partial class HtmlText
{
    public static string? ToPlain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        var text = html.Contains('<') ? Tags().Replace(ScriptOrStyle().Replace(html, " "), " ") : html;
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text.Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Spaces();
}
