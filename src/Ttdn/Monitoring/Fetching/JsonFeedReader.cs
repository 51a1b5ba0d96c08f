using System.Text.Json;

namespace Ttdn.Monitoring.Fetching;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), including 1.0's single "author".</summary>
internal static class JsonFeedReader
{
    public static ParsedFeed Read(string text, Uri baseUrl, List<string> warnings)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException(
                $"JSON hỏng ở dòng {ex.LineNumber + 1}, không đọc được mục nào; hãy báo cho quản trị nguồn (broken JSON at line {ex.LineNumber + 1}: {ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(String(root, "version")?.StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase) == true
                     || root.TryGetProperty("items", out _)))
            {
                throw new FeedFormatException("Nội dung là JSON nhưng không phải JSON Feed (thiếu \"version\" và \"items\") (the content is JSON but not a JSON Feed: no \"version\" or \"items\")");
            }

            var language = String(root, "language");
            var entries = new List<FeedEntry>();
            int withoutLink = 0;
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    var id = String(item, "id");
                    var url = EntryCollector.Resolve(baseUrl, String(item, "url"))
                        ?? EntryCollector.Resolve(baseUrl, String(item, "external_url"))
                        ?? (id is not null && Uri.TryCreate(id, UriKind.Absolute, out _) ? EntryCollector.Resolve(baseUrl, id) : null);
                    if (url is null)
                    {
                        withoutLink++;
                        continue;
                    }

                    var contentText = String(item, "content_text");
                    entries.Add(new FeedEntry(
                        url,
                        HtmlText.ToPlain(String(item, "title")),
                        HtmlText.ToPlain(String(item, "summary") ?? contentText),
                        String(item, "content_html") ?? (contentText is null ? null : System.Net.WebUtility.HtmlEncode(contentText)),
                        FeedDates.Parse(String(item, "date_published") ?? String(item, "date_modified")),
                        id ?? url,
                        String(item, "language") ?? language,
                        Author(item)));
                }
            }

            if (withoutLink > 0) warnings.Add($"{withoutLink} mục bị bỏ vì không có liên kết http(s) hợp lệ ({withoutLink} items skipped: no valid http(s) link)");
            if (entries.Count == 0 && withoutLink == 0) warnings.Add("Nguồn không có mục nào (the feed has no items)");
            return new ParsedFeed(FeedKind.JsonFeed, HtmlText.ToPlain(String(root, "title")), language, entries, warnings);
        }
    }

    private static string? Author(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")).OfType<string>().ToList();
            if (names.Count > 0) return string.Join(", ", names);
        }

        return item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
