using System.Text;
using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

/// <summary>Properties that must hold for every line of the real seed documents.</summary>
public class SeedPropertyTests
{
    private static readonly string[] SeedFileNames =
    [
        "004_88f8ee31d7dc3369.txt",
        "000_9d59c203a3daa2aa.txt",
        "001_880a45a027e3576e.txt",
        "002_6f232b373ebce63b.txt",
        "003_d6453e487489abdc.txt",
    ];

    public static TheoryData<string> SeedFiles => new(SeedFileNames);

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Fold_of_a_line_equals_fold_of_its_nfd_form(string file)
    {
        foreach (string line in SeedLines(file))
        {
            Assert.Equal(VietnameseText.Fold(line), VietnameseText.Fold(Nfd(line)));
            Assert.Equal(VietnameseText.FoldToWords(line), VietnameseText.FoldToWords(Nfd(line)));
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Fold_of_the_normalised_line_equals_fold_of_the_line(string file)
    {
        foreach (string line in SeedLines(file))
        {
            Assert.Equal(VietnameseText.Fold(line), VietnameseText.Fold(VietnameseText.Normalize(line)));
            Assert.True(VietnameseText.EqualsFolded(line, VietnameseText.Normalize(Nfd(line))));
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Fold_output_has_no_combining_marks_no_d_with_stroke_and_no_upper_case(string file)
    {
        foreach (string line in SeedLines(file))
        {
            string key = VietnameseText.Fold(Nfd(line));
            foreach (char c in key)
            {
                Assert.False(c is >= '\u0300' and <= '\u036F', $"combining mark U+{(int)c:X4} in \"{key}\"");
                Assert.False(c is 'đ' or 'Đ', $"đ left in \"{key}\"");
            }

            Assert.Equal(key.ToLowerInvariant(), key);
            Assert.Equal(key.Trim(), key);
            Assert.DoesNotContain("  ", key);
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Vietnamese_letters_of_the_seeds_fold_to_ascii(string file)
    {
        foreach (string line in SeedLines(file))
        {
            foreach (char c in VietnameseText.Fold(line))
            {
                // The seeds are Vietnamese plus typographic punctuation (“ ” – …); no letter may survive non-ASCII.
                Assert.False(char.IsLetter(c) && c > '\u007F', $"non-ASCII letter '{c}' in folded line \"{line}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Fold_to_words_output_is_letters_and_digits_separated_by_single_spaces(string file)
    {
        foreach (string line in SeedLines(file))
        {
            string words = VietnameseText.FoldToWords(line);
            Assert.All(words.Split(' ', StringSplitOptions.None), w => Assert.True(words.Length == 0 || w.Length > 0));
            Assert.All(words, c => Assert.True(c == ' ' || char.IsLetterOrDigit(c), $"'{c}' in \"{words}\""));
            Assert.Equal(words.Length == 0 ? [] : words.Split(' '), VietnameseText.Words(line));
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Normalize_is_nfc_idempotent_length_preserving_and_ignores_input_form(string file)
    {
        foreach (string line in SeedLines(file))
        {
            string normalized = VietnameseText.Normalize(line);
            Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(normalized, VietnameseText.Normalize(normalized));
            Assert.Equal(normalized, VietnameseText.Normalize(Nfd(line)));
            Assert.Equal(Nfc(line).Length, normalized.Length);
        }
    }

    [Fact]
    public void Normalising_the_plan_unifies_its_two_spellings_of_van_hoa()
    {
        string plan = File.ReadAllText(Seeds.Path("004_88f8ee31d7dc3369.txt"));
        Assert.Contains("văn hoá", plan);
        Assert.Contains("văn hóa", plan);

        string normalized = VietnameseText.Normalize(plan);

        Assert.DoesNotContain("văn hoá", normalized);
        Assert.DoesNotContain("VĂN HOÁ", normalized);
        Assert.Contains("văn hóa", normalized);
    }

    [Fact]
    public void Normalising_the_seeds_changes_nothing_but_tone_placement()
    {
        foreach (string file in SeedFileNames)
        {
            string text = Nfc(File.ReadAllText(Seeds.Path(file)));
            string normalized = VietnameseText.Normalize(text);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != normalized[i])
                {
                    // Only a vowel may change, and only by its tone: the folded letter stays the same.
                    Assert.Equal(VietnameseText.Fold(text[i].ToString()), VietnameseText.Fold(normalized[i].ToString()));
                    Assert.Contains(char.ToLowerInvariant(VietnameseText.Fold(text[i].ToString())[0]), "aeouy");
                }
            }
        }
    }
}
