namespace Ttdn.Monitoring.Processing;

/// <summary>
/// The tone lexicon as two hash tables of word sequences: one by spelling with diacritics (used when the text's
/// words have diacritics) and one by folded words (for text typed without them).
/// </summary>
internal sealed class PhraseTable
{
    private enum Role : byte
    {
        Positive,
        Negative,
        Negation,
        Intensifier,
        Neutral,
    }

    private const int MaxWords = 3;

    private readonly Dictionary<ulong, Role> spelled = [];
    private readonly Dictionary<ulong, Role> folded = [];

    // Folded first words of all phrases: almost every word of a text is rejected by this one lookup.
    private readonly HashSet<ulong> firstWords = [];

    public PhraseTable(string[] positive, string[] negative)
    {
        Add(positive, Role.Positive);
        Add(negative, Role.Negative);
        Add(ToneLexicon.Negations, Role.Negation);
        Add(ToneLexicon.Intensifiers, Role.Intensifier);
        Add(ToneLexicon.Neutral, Role.Neutral);
    }

    /// <summary>Positive and negative weight of an NFC text.</summary>
    public (double Positive, double Negative) Score(string nfc)
    {
        var words = ToneWords.Split(nfc);
        double positive = 0, negative = 0;
        int negateUntil = -1, intensifyUntil = -1;
        for (int i = 0; i < words.Count; i++)
        {
            if (!firstWords.Contains(words[i].Folded))
            {
                continue;
            }

            for (int n = Math.Min(MaxWords, words.Count - i); n >= 1; n--)
            {
                if (!Lookup(words, i, n, out var role))
                {
                    continue;
                }

                switch (role)
                {
                    case Role.Negation:
                        negateUntil = i + n + 3;
                        break;
                    case Role.Intensifier:
                        intensifyUntil = i + n + 2;
                        break;
                    case Role.Positive or Role.Negative:
                        double weight = i < intensifyUntil ? 2 : 1;
                        bool isPositive = (role == Role.Positive) ^ (i < negateUntil);
                        if (isPositive)
                        {
                            positive += weight;
                        }
                        else
                        {
                            negative += weight;
                        }

                        negateUntil = intensifyUntil = -1;
                        break;
                }

                i += n - 1;
                break;
            }
        }

        return (positive, negative);
    }

    private bool Lookup(List<ToneWords.Item> words, int start, int n, out Role role)
    {
        ulong spelledKey = WordScanner.FnvOffset, foldedKey = WordScanner.FnvOffset;
        bool plain = true;
        for (int j = start; j < start + n; j++)
        {
            spelledKey = WordScanner.Extend(spelledKey, words[j].Spelled);
            foldedKey = WordScanner.Extend(foldedKey, words[j].Folded);
            plain &= words[j].Plain;
        }

        return plain ? folded.TryGetValue(foldedKey, out role) : spelled.TryGetValue(spelledKey, out role);
    }

    private void Add(string[] phrases, Role role)
    {
        foreach (string phrase in phrases)
        {
            var words = ToneWords.Split(Ttdn.Vietnamese.Text.VietnameseText.Normalize(phrase));
            ulong spelledKey = WordScanner.FnvOffset, foldedKey = WordScanner.FnvOffset;
            foreach (var w in words)
            {
                spelledKey = WordScanner.Extend(spelledKey, w.Spelled);
                foldedKey = WordScanner.Extend(foldedKey, w.Folded);
            }

            firstWords.Add(words[0].Folded);
            spelled.TryAdd(spelledKey, role);
            folded.TryAdd(foldedKey, role);
        }
    }
}
