namespace Ttdn.Plans.Import;

/// <summary>
/// Plain text and Markdown into <see cref="SourceLine"/>s: one per non-blank line, "#" headings and "**bold**" noted and
/// their markers dropped, the "/s/" signature marks of scanned copies and horizontal rules removed.
/// </summary>
public static class PlainTextReader
{
    public static List<SourceLine> Read(string text)
    {
        var lines = new List<SourceLine>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            var line = raw[i].Replace('\u00A0', ' ').Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.Trim('-', '*', '_', ' ').Length == 0) continue;
            int heading = 0;
            while (heading < line.Length && line[heading] == '#') heading++;
            if (heading > 0) line = line[heading..].Trim();
            bool bold = line.StartsWith("**", StringComparison.Ordinal) && (line.EndsWith("**", StringComparison.Ordinal) || !line[2..].Contains("**", StringComparison.Ordinal));
            line = line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
            if (line.EndsWith("/s/", StringComparison.Ordinal)) line = line[..^3].TrimEnd();
            line = CollapseSpaces(line);
            if (line.Length > 0) lines.Add(new SourceLine($"dòng {i + 1}", line, heading, bold));
        }
        return lines;
    }

    public static string CollapseSpaces(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            bool space = char.IsWhiteSpace(c);
            if (space && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(space ? ' ' : c);
        }
        return sb.ToString().TrimEnd();
    }
}
