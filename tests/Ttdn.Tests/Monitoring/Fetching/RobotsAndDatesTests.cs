using Ttdn.Monitoring.Fetching;

namespace Ttdn.Tests.Monitoring.Fetching;

public sealed class RobotsAndDatesTests
{
    private const string Robots = """
        # comment
        User-agent: Googlebot
        Disallow: /

        User-agent: *
        Disallow: /admin/
        Disallow: /*.pdf$
        Disallow: /tin-tuc/
        Allow: /tin-tuc/rss
        Crawl-delay: 5
        """;

    [Theory]
    [InlineData("https://x.example/tin-tuc/rss/thoi-su.rss", true)] // longer Allow beats shorter Disallow
    [InlineData("https://x.example/tin-tuc/bai-viet-1.html", false)]
    [InlineData("https://x.example/admin/login", false)]
    [InlineData("https://x.example/files/bao-cao.pdf", false)]
    [InlineData("https://x.example/files/bao-cao.pdf?v=2", true)] // "$" anchors at the end
    [InlineData("https://x.example/robots.txt", true)]
    [InlineData("https://x.example/", true)]
    public void Star_group_rules_longest_match_wins(string url, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, "TTDN-monitor");
        Assert.Equal(allowed, rules.IsAllowed(new Uri(url)));
        Assert.Equal(TimeSpan.FromSeconds(5), rules.CrawlDelay);
    }

    [Fact]
    public void A_group_for_our_token_replaces_the_star_group_and_matching_is_case_insensitive()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: ttdn-monitor\nUser-agent: other\nDisallow: /private\n", "TTDN-monitor");
        Assert.True(rules.IsAllowed(new Uri("https://x.example/rss")));
        Assert.False(rules.IsAllowed(new Uri("https://x.example/private/a")));
        Assert.True(RobotsRules.Parse("User-agent: *\nDisallow:\n", "TTDN-monitor").IsAllowed(new Uri("https://x.example/any")));
    }

    [Fact]
    public void Percent_encoded_vietnamese_paths_match_their_decoded_rules()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /tìm-kiếm\n", "TTDN-monitor");
        Assert.False(rules.IsAllowed(new Uri("https://x.example/t%C3%ACm-ki%E1%BA%BFm?q=a")));
    }

    [Theory]
    [InlineData("Sun, 22 Nov 2026 16:30:00 +0700", "2026-11-22T16:30:00+07:00")]
    [InlineData("22 Nov 2026 08:00:00 GMT", "2026-11-22T08:00:00+00:00")]
    [InlineData("Sat, 21 Nov 26 10:15 EST", "2026-11-21T10:15:00-05:00")]
    [InlineData("Sun,22 Nov 2026 16:30:00 ICT", "2026-11-22T16:30:00+07:00")]
    [InlineData("2026-11-21T09:30:00+07:00", "2026-11-21T09:30:00+07:00")]
    [InlineData("2026-11-22", "2026-11-22T00:00:00+00:00")]
    [InlineData("22/11/2026 16:30", "2026-11-22T16:30:00+07:00")]
    [InlineData("16:30 22/11/2026", "2026-11-22T16:30:00+07:00")]
    public void Feed_dates_as_written_in_the_wild(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hôm qua")]
    [InlineData("32/13/2026")]
    public void Unreadable_dates_are_null(string text) => Assert.Null(FeedDates.Parse(text));
}
