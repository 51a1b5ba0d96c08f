using System.Text;
using AngleSharp.Dom;

namespace Ttdn.Monitoring.Processing;

/// <summary>Picks the container holding the most paragraph text and returns its paragraphs.</summary>
internal static class ArticleBody
{
    private const string BlockSelector = "p,h2,h3,h4,li,blockquote,pre,figcaption,td";

    public static string Text(IDocument document, string? title)
    {
        var body = document.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var best = BestContainer(body);
        var paragraphs = Paragraphs(best ?? body);
        // The title usually repeats at the top of the article: keep it once, in Title.
        if (paragraphs.Count > 0 && title is not null && Clean(paragraphs[0]) == Clean(title))
        {
            paragraphs.RemoveAt(0);
        }

        return string.Join("\n\n", paragraphs);
    }

    private static IElement? BestContainer(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var block in body.QuerySelectorAll("p,pre,td,div"))
        {
            // A div counts as a paragraph only when it holds text directly (sites that use <div> or <br> for paragraphs).
            string own = block.LocalName == "div" ? DirectText(block) : block.TextContent;
            string text = Clean(own);
            if (text.Length < 25)
            {
                continue;
            }

            double score = 1 + Math.Min(text.Length, 1000) / 100.0 + text.Count(c => c is ',' or '.') * 0.2;
            score *= 1 - LinkDensity(block);
            var parent = block.LocalName == "div" ? block : block.ParentElement;
            if (parent is null)
            {
                continue;
            }

            scores[parent] = scores.GetValueOrDefault(parent) + score;
            if (parent.ParentElement is { } grand && block.LocalName != "div")
            {
                scores[grand] = scores.GetValueOrDefault(grand) + score / 2;
            }
        }

        return scores.Count == 0 ? null : scores.MaxBy(s => s.Value).Key;
    }

    private static List<string> Paragraphs(IElement container)
    {
        var result = new List<string>();
        var blocks = container.QuerySelectorAll(BlockSelector).Where(b => b.QuerySelector(BlockSelector) is null).ToList();
        if (blocks.Count == 0)
        {
            blocks = [container];
        }

        foreach (var block in blocks)
        {
            if (LinkDensity(block) > 0.5)
            {
                continue;
            }

            foreach (string line in LinesOf(block))
            {
                string text = Clean(line);
                if (text.Length > 0)
                {
                    result.Add(text);
                }
            }
        }

        // Direct text of the container itself (a <div> with <br> line breaks and no <p>).
        if (result.Count == 0 || DirectText(container).Trim().Length > 200)
        {
            foreach (string line in DirectText(container).Split('\n'))
            {
                string text = Clean(line);
                if (text.Length > 0 && !result.Contains(text))
                {
                    result.Add(text);
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> LinesOf(IElement block)
    {
        var sb = new StringBuilder();
        foreach (var node in block.ChildNodes)
        {
            Append(sb, node);
        }

        return sb.ToString().Split('\n');
    }

    private static void Append(StringBuilder sb, INode node)
    {
        if (node is IElement { LocalName: "br" })
        {
            sb.Append('\n');
        }
        else if (node is IElement element)
        {
            foreach (var child in element.ChildNodes)
            {
                Append(sb, child);
            }
        }
        else if (node.NodeType == NodeType.Text)
        {
            sb.Append(node.TextContent);
        }
    }

    private static string DirectText(IElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                sb.Append(node.TextContent);
            }
            else if (node is IElement { LocalName: "br" })
            {
                sb.Append('\n');
            }
            else if (node is IElement { LocalName: "b" or "strong" or "i" or "em" or "span" or "a" or "u" } inline)
            {
                sb.Append(inline.TextContent);
            }
        }

        return sb.ToString();
    }

    private static double LinkDensity(IElement element)
    {
        int total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        int linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1, (double)linked / total);
    }

    /// <summary>Collapses white space runs (including non-breaking spaces) and trims.</summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
