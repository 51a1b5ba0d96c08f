namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// What comes before the root element: enough to pick a reader without parsing (and without letting a DTD near the
/// XML parser). Scans past the XML declaration, comments, processing instructions and a DOCTYPE.
/// </summary>
internal readonly record struct XmlProlog(string RootLocalName, bool IsHtml, bool HasInternalDtd)
{
    public static XmlProlog Read(string text, int start)
    {
        int i = start;
        bool internalDtd = false, htmlDoctype = false;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '<') break;
            if (At(text, i, "<?"))
            {
                i = After(text, i, "?>");
            }
            else if (At(text, i, "<!--"))
            {
                i = After(text, i, "-->");
            }
            else if (At(text, i, "<!DOCTYPE"))
            {
                int bracket = text.IndexOf('[', i), close = text.IndexOf('>', i);
                htmlDoctype = text.AsSpan(i + 9, Math.Min(20, text.Length - i - 9)).TrimStart().StartsWith("html", StringComparison.OrdinalIgnoreCase);
                if (bracket >= 0 && (close < 0 || bracket < close))
                {
                    internalDtd = true;
                    i = After(text, bracket, "]");
                    i = After(text, i, ">");
                }
                else
                {
                    i = close < 0 ? text.Length : close + 1;
                }
            }
            else
            {
                int end = i + 1;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or '/')) end++;
                var name = text[(i + 1)..end];
                var local = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : name;
                bool html = htmlDoctype || local.Equals("html", StringComparison.OrdinalIgnoreCase)
                    || local.Equals("head", StringComparison.OrdinalIgnoreCase) || local.Equals("body", StringComparison.OrdinalIgnoreCase);
                return new(local, html, internalDtd);
            }
        }

        return new(string.Empty, htmlDoctype, internalDtd);
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0
        || (token == "<!DOCTYPE" && text.AsSpan(i).StartsWith(token, StringComparison.OrdinalIgnoreCase));

    private static int After(string text, int i, string token)
    {
        int found = text.IndexOf(token, i, StringComparison.Ordinal);
        return found < 0 ? text.Length : found + token.Length;
    }
}
