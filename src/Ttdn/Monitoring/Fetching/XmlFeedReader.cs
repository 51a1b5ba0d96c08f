using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// RSS (0.9x, 1.0, 2.0), Atom and sitemaps, streamed with a reader that never processes a DTD or resolves anything
/// external. Elements are matched by local name so feeds with odd or missing namespace declarations still read.
/// Broken XML: the items before the break are kept, and a second pass parses every item block on its own (bare
/// ampersands repaired), so one bad item does not cost the rest; whichever pass recovered more wins.
/// </summary>
internal static partial class XmlFeedReader
{
    public const string DtdRefused =
        "Tài liệu có khai báo DTD/thực thể nên bị từ chối để an toàn (có thể là tấn công “billion laughs”); nguồn tin thật không cần DTD, hãy báo cho quản trị nguồn (the document declares a DTD/entities and was refused for safety, e.g. a billion-laughs attack; real feeds need none)";

    /// <summary>The element that makes one entry, per kind: an RSS &lt;image&gt; also has a &lt;url&gt;, which is not an item.</summary>
    private static string[] ItemNames(FeedKind kind) => kind switch
    {
        FeedKind.Atom => ["entry"],
        FeedKind.Sitemap => ["url", "sitemap"],
        _ => ["item"],
    };

    internal static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static ParsedFeed Read(FeedKind kind, bool sitemapIndex, string text, Uri baseUrl, List<string> warnings)
    {
        var collector = new EntryCollector(baseUrl);
        var itemNames = ItemNames(kind);
        string? title = null, language = null;
        XmlException? broken = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings());
            bool rootSeen = false;
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (!rootSeen)
                {
                    rootSeen = true;
                    language = reader.GetAttribute("xml:lang");
                    collector.SetBase(reader.GetAttribute("xml:base"));
                    reader.Read();
                    continue;
                }

                var name = reader.LocalName;
                if (itemNames.Contains(name))
                {
                    collector.Add((XElement)XNode.ReadFrom(reader), language);
                }
                else if (reader.Depth <= 2 && name is "title" or "language")
                {
                    var value = Clean(((XElement)XNode.ReadFrom(reader)).Value);
                    if (name == "title") title ??= value;
                    else language ??= value;
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            broken = ex;
        }

        if (broken is not null)
        {
            var recovered = new EntryCollector(baseUrl);
            recovered.SetBase(collector.BaseAttribute);
            int failedBlocks = RecoverItems(text, itemNames, recovered, language);
            var best = recovered.Entries.Count > collector.Entries.Count ? recovered : collector;
            if (best.Entries.Count == 0)
            {
                throw new FeedFormatException(
                    $"XML hỏng ở dòng {broken.LineNumber}, cột {broken.LinePosition} và không đọc được mục nào; hãy báo cho quản trị nguồn ({broken.Message}) "
                    + $"(broken XML at line {broken.LineNumber}, column {broken.LinePosition}; no item could be read)");
            }

            warnings.Add($"XML hỏng ở dòng {broken.LineNumber}, cột {broken.LinePosition}; đã cứu được {best.Entries.Count} mục"
                + (failedBlocks > 0 ? $", bỏ {failedBlocks} mục hỏng" : "")
                + $" (broken XML at line {broken.LineNumber}, column {broken.LinePosition}: {broken.Message}; recovered {best.Entries.Count} items"
                + (failedBlocks > 0 ? $", skipped {failedBlocks} broken items" : "") + ")");
            collector = best;
        }

        warnings.AddRange(collector.Warnings());
        if (collector.Entries.Count == 0 && broken is null) warnings.Add("Nguồn không có mục nào (the feed has no items)");
        return new ParsedFeed(kind, title, language, collector.Entries, warnings) { IsSitemapIndex = sitemapIndex };
    }

    /// <summary>Parses each item block on its own; returns how many blocks could not be parsed even after repair.</summary>
    private static int RecoverItems(string text, string[] itemNames, EntryCollector collector, string? language)
    {
        int failed = 0;
        foreach (Match block in ItemBlock().Matches(text))
        {
            if (!itemNames.Contains(block.Groups[1].Value)) continue;
            var xml = NamedEntity().Replace(BareAmpersand().Replace(block.Value, "&amp;"), RepairEntity);
            var prefixes = Prefix().Matches(xml).Select(m => m.Groups[1].Value).Where(p => p != "xml").Distinct();
            var declarations = string.Concat(prefixes.Select(p => $" xmlns:{p}=\"urn:recovered:{p}\""));
            try
            {
                using var reader = XmlReader.Create(new StringReader($"<recovered{declarations}>{xml}</recovered>"), Settings());
                var wrapper = XElement.Load(reader);
                collector.Add((XElement)wrapper.FirstNode!, language);
            }
            catch (XmlException)
            {
                failed++;
            }
        }

        return failed;
    }

    /// <summary>HTML entities (&amp;nbsp; &amp;eacute;) are undeclared in XML: decode them, or escape the ampersand.</summary>
    private static string RepairEntity(Match m)
    {
        var name = m.Groups[1].Value;
        if (name is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
        var decoded = System.Net.WebUtility.HtmlDecode(m.Value);
        return decoded == m.Value ? "&amp;" + m.Value[1..] : System.Security.SecurityElement.Escape(decoded);
    }

    internal static string? Clean(string? text) => HtmlText.ToPlain(text);

    [GeneratedRegex(@"<(item|entry|url|sitemap)[\s>].*?</\1\s*>", RegexOptions.Singleline)]
    private static partial Regex ItemBlock();

    [GeneratedRegex(@"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex NamedEntity();

    [GeneratedRegex(@"</?([A-Za-z_][\w.-]*):")]
    private static partial Regex Prefix();
}
