namespace Ttdn.Monitoring.Fetching;

/// <summary>
/// robots.txt per RFC 9309: the groups naming our product token (else the "*" groups) apply; the longest matching
/// Allow/Disallow pattern wins, Allow on a tie; "*" matches any run of characters and a final "$" anchors the end.
/// Crawl-delay (not in the RFC, but widely written by Vietnamese portals) is kept to slow our requests down.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsRules(List<(bool Allow, string Pattern)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        bool lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null) continue;
            if (key is "allow" or "disallow" && value.Length > 0)
            {
                current.Rules.Add((key == "allow", Uri.UnescapeDataString(value)));
            }
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
            }
        }

        var token = productToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0) chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(chosen.SelectMany(g => g.Rules).ToList(), chosen.Select(g => g.Delay).Max());
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<(bool Allow, string Pattern)> Rules { get; } = [];
        public TimeSpan? Delay { get; set; }
    }

    public bool IsAllowed(Uri url)
    {
        var path = Uri.UnescapeDataString(url.PathAndQuery);
        if (path == "/robots.txt") return true;
        int bestLength = -1;
        bool allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (!Matches(path, pattern)) continue;
            if (pattern.Length > bestLength || (pattern.Length == bestLength && allow))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string path, string pattern)
    {
        bool anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        int position = parts[0].Length;
        for (int i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1 && anchored)
            {
                return path.Length - position >= parts[i].Length && path.EndsWith(parts[i], StringComparison.Ordinal);
            }

            int found = path.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + parts[i].Length;
        }

        return !anchored || position == path.Length;
    }
}
