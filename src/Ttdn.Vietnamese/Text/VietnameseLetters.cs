using System.Text;

namespace Ttdn.Vietnamese.Text;

/// <summary>
/// The twelve Vietnamese vowel letters (a ă â e ê i o ô ơ u ư y), in both cases, with each of the six tones,
/// as NFC precomposed characters. Lookups are array-indexed, no hashing, no allocation.
/// </summary>
/// <remarks>
/// The tables are built once from the runtime's own Unicode data (base letter + combining tone mark → NFC), so
/// no code points are typed in by hand. Every vowel+tone combination of Vietnamese is a single BMP character
/// below U+1F00, which is what makes in-place tone moves possible.
/// </remarks>
internal static class VietnameseLetters
{
    // Vowel indices (lower-case base letter, vowel mark included, tone excluded).
    public const int A = 0;
    public const int ABreve = 1;      // ă
    public const int ACircumflex = 2; // â
    public const int E = 3;
    public const int ECircumflex = 4; // ê
    public const int I = 5;
    public const int O = 6;
    public const int OCircumflex = 7; // ô
    public const int OHorn = 8;       // ơ
    public const int U = 9;
    public const int UHorn = 10;      // ư
    public const int Y = 11;
    private const int VowelCount = 12;

    // Tones: 0 = none (ngang), then huyền, sắc, hỏi, ngã, nặng.
    public const int NoTone = 0;
    private const int ToneCount = 6;

    private const string LowerBases = "aăâeêioôơuưy";
    private const string UpperBases = "AĂÂEÊIOÔƠUƯY";

    // Combining marks for huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot below).
    private const string ToneMarks = "\u0300\u0301\u0309\u0303\u0323";

    private const int TableSize = 0x1F00;

    // Per char below U+1F00: 0 = not a Vietnamese vowel; otherwise bits 0-3 = vowel + 1, bit 4 = upper case,
    // bits 5-7 = tone.
    private static readonly byte[] Info = BuildInfo(out Composed);

    // Composed[(upper ? VowelCount : 0) + vowel) * ToneCount + tone] = the NFC character.
    private static readonly char[] Composed;

    /// <summary>Decodes a Vietnamese vowel letter (any tone, any case). False for everything else.</summary>
    public static bool TryGetVowel(char c, out int vowel, out bool upper, out int tone)
    {
        int info = c < TableSize ? Info[c] : 0;
        if (info == 0)
        {
            vowel = 0;
            upper = false;
            tone = 0;
            return false;
        }

        vowel = (info & 0x0F) - 1;
        upper = (info & 0x10) != 0;
        tone = info >> 5;
        return true;
    }

    /// <summary>True for ă â ê ô ơ ư: the vowels whose own mark makes them the tone bearer.</summary>
    public static bool HasVowelMark(int vowel) =>
        vowel is ABreve or ACircumflex or ECircumflex or OCircumflex or OHorn or UHorn;

    /// <summary>The character for a vowel letter with the given case and tone.</summary>
    public static char Compose(int vowel, bool upper, int tone) =>
        Composed[(((upper ? VowelCount : 0) + vowel) * ToneCount) + tone];

    private static byte[] BuildInfo(out char[] composed)
    {
        var info = new byte[TableSize];
        composed = new char[2 * VowelCount * ToneCount];
        for (int upper = 0; upper < 2; upper++)
        {
            string bases = upper == 0 ? LowerBases : UpperBases;
            for (int vowel = 0; vowel < VowelCount; vowel++)
            {
                for (int tone = 0; tone < ToneCount; tone++)
                {
                    string letter = tone == NoTone
                        ? bases[vowel].ToString()
                        : string.Concat(bases[vowel], ToneMarks[tone - 1]).Normalize(NormalizationForm.FormC);
                    if (letter.Length != 1 || letter[0] >= TableSize)
                    {
                        throw new InvalidOperationException(
                            $"Unicode data of this runtime does not compose Vietnamese vowel {bases[vowel]} with tone {tone}.");
                    }

                    char c = letter[0];
                    composed[(((upper * VowelCount) + vowel) * ToneCount) + tone] = c;
                    info[c] = (byte)((vowel + 1) | (upper << 4) | (tone << 5));
                }
            }
        }

        return info;
    }
}
