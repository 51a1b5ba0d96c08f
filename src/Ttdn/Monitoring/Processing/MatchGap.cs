namespace Ttdn.Monitoring.Processing;

/// <summary>What may stand between two words of one name: spaces, hyphens, dots ("TP.HCM"), not a comma or a line.</summary>
internal static class MatchGap
{
    public static bool IsJoining(string text, int end, int start)
    {
        if (start - end > 4)
        {
            return false;
        }

        for (int k = end; k < start; k++)
        {
            char c = text[k];
            if (c is ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '"' or '“' or '”' or '|' or '/' or '\n' or '\r' or '\t')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only white space between the two words (no punctuation at all).</summary>
    public static bool IsSpace(string text, int end, int start)
    {
        if (start - end > 3)
        {
            return false;
        }

        for (int k = end; k < start; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
