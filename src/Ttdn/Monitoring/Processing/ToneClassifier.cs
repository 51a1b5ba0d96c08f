using Ttdn.Vietnamese.Text;

namespace Ttdn.Monitoring.Processing;

/// <summary>
/// Tone by lexicon and three rules: a negation ("không", "chưa", "not") flips the next tone word within three
/// words, an intensifier ("rất", "very") doubles it, and the text is Positive or Negative only when that side
/// outweighs the other by half again and by at least one whole word; otherwise Neutral. Longest phrase wins, so
/// "mất an toàn" is negative although "an toàn" is positive, and "không khí" (air) is no negation.
/// </summary>
public static class ToneClassifier
{
    private static readonly PhraseTable Vietnamese = new(ToneLexicon.VietnamesePositive, ToneLexicon.VietnameseNegative);
    private static readonly PhraseTable English = new(ToneLexicon.EnglishPositive, ToneLexicon.EnglishNegative);
    private static readonly PhraseTable Both = new([.. ToneLexicon.VietnamesePositive, .. ToneLexicon.EnglishPositive],
        [.. ToneLexicon.VietnameseNegative, .. ToneLexicon.EnglishNegative]);

    public static Tone Classify(string text, string language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Tone.Neutral;
        }

        double positive, negative;
        switch (language)
        {
            case "zh" or "ja":
                (positive, negative) = CountSubstrings(text, ToneLexicon.ChinesePositive, ToneLexicon.ChineseNegative);
                break;
            case "ko":
                (positive, negative) = CountSubstrings(text, ToneLexicon.KoreanPositive, ToneLexicon.KoreanNegative);
                break;
            default:
                var table = language switch { "vi" => Vietnamese, "en" => English, _ => Both };
                (positive, negative) = table.Score(VietnameseText.Normalize(text));
                break;
        }

        if (positive >= 1 && positive >= 1.5 * negative && positive - negative >= 1)
        {
            return Tone.Positive;
        }

        return negative >= 1 && negative >= 1.5 * positive && negative - positive >= 1 ? Tone.Negative : Tone.Neutral;
    }

    private static (double Positive, double Negative) CountSubstrings(string text, string[] positive, string[] negative)
    {
        static int Count(string text, string[] words) =>
            words.Sum(w => (text.Length - text.Replace(w, "", StringComparison.Ordinal).Length) / w.Length);
        return (Count(text, positive), Count(text, negative));
    }
}
