using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Ttdn.Monitoring.Processing;

/// <summary>Title, publication time and declared language of a page.</summary>
internal static partial class ArticleMetadata
{
    // Vietnamese sites print local time without an offset.
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static string? Title(IDocument document)
    {
        string? og = Meta(document, "meta[property='og:title']", "meta[name='twitter:title']");
        if (!string.IsNullOrWhiteSpace(og))
        {
            return ArticleBody.Clean(og);
        }

        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("h1");
        if (h1 is not null && ArticleBody.Clean(h1.TextContent).Length > 0)
        {
            return ArticleBody.Clean(h1.TextContent);
        }

        string? title = document.Title;
        return string.IsNullOrWhiteSpace(title) ? null : ArticleBody.Clean(title);
    }

    public static DateTimeOffset? PublishedAt(IDocument document)
    {
        string? meta = Meta(document,
            "meta[property='article:published_time']", "meta[itemprop='datePublished']", "meta[name='pubdate']",
            "meta[name='publishdate']", "meta[name='date']", "meta[name='DC.date.issued']", "meta[property='og:published_time']");
        if (Parse(meta) is { } fromMeta)
        {
            return fromMeta;
        }

        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (Parse(time.GetAttribute("datetime")) is { } fromTime)
            {
                return fromTime;
            }
        }

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (FromJsonLd(script.TextContent) is { } fromLd)
            {
                return fromLd;
            }
        }

        return null;
    }

    public static string? DeclaredLanguage(IDocument document)
    {
        string? lang = document.DocumentElement?.GetAttribute("lang")
            ?? Meta(document, "meta[http-equiv='content-language']", "meta[property='og:locale']");
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        string code = lang.Trim().ToLowerInvariant();
        int cut = code.IndexOfAny(['-', '_']);
        return cut > 0 ? code[..cut] : code;
    }

    /// <summary>The first "dd/MM/yyyy [HH:mm]" or "HH:mm, … dd-MM-yyyy" on the page, as Vietnam time.</summary>
    public static DateTimeOffset? DateInText(string text)
    {
        var m = DateLine().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int day = int.Parse(m.Groups["d"].Value), month = int.Parse(m.Groups["m"].Value), year = int.Parse(m.Groups["y"].Value);
        int hour = 0, minute = 0;
        var time = m.Groups["t1"].Success ? m.Groups["t1"] : m.Groups["t2"];
        if (time.Success)
        {
            string[] hm = time.Value.Split(':');
            hour = int.Parse(hm[0]);
            minute = int.Parse(hm[1]);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, hour, minute, 0, Vietnam);
    }

    private static DateTimeOffset? FromJsonLd(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Find(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }

        static DateTimeOffset? Find(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    if (e.TryGetProperty("datePublished", out var p) && p.ValueKind == JsonValueKind.String && Parse(p.GetString()) is { } d)
                    {
                        return d;
                    }

                    foreach (var prop in e.EnumerateObject())
                    {
                        if (Find(prop.Value) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        if (Find(item) is { } inArray)
                        {
                            return inArray;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
    }

    private static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            // No offset written: the site's local time, Vietnam.
            bool hasOffset = value.EndsWith('Z') || OffsetSuffix().IsMatch(value);
            return hasOffset ? parsed : new DateTimeOffset(parsed.DateTime, Vietnam);
        }

        return DateInText(value);
    }

    private static string? Meta(IDocument document, params string[] selectors)
    {
        foreach (string selector in selectors)
        {
            string? content = document.QuerySelector(selector)?.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(content))
            {
                return content;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"(?:(?<t2>\b\d{1,2}:\d{2})\D{0,20}?)?\b(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>(?:19|20)\d{2})\b(?:\s*[,-]?\s*(?<t1>\d{1,2}:\d{2})\b)?")]
    private static partial Regex DateLine();
}
