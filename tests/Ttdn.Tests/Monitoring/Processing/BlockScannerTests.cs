using System.Text;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

/// <summary>
/// The vectorised tokeniser (decision 0024) against the char-by-char one it replaces: same words, same ends, same
/// hashes, same letter bits, on texts built to hit its edges (16-char vectors, 64-char masks, eight-char hashes).
/// </summary>
public class BlockScannerTests
{
    // Runs the scanners must split the same way: ASCII of both cases, digits, Vietnamese letters (through the fold
    // table inside an otherwise ASCII vector), non-ASCII separators, CJK, a surrogate pair, control chars.
    private static readonly string[] Pieces =
    [
        "a", "Z", "q", "7", "nguyen", "NGUYEN", "Thai", "x1y2", "của", "Đ", "đường", "ư", "ế", "—", "«", "»", "…",
        "\u00A0", "河内", "하노이", "\U0001F600", "\U00020000", "\t", "\n", ",", ".", "-", "/", "_", "'", "é", "ß", "\0",
    ];

    public static TheoryData<int> Lengths => [0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 127, 128, 129, 200];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void One_ascii_run_of_any_length_is_one_word_or_none(int length)
    {
        // A single run ending the text, and the same run with a separator after it, before it, and both.
        string run = new([.. Enumerable.Range(0, length).Select(i => (char)((i % 3 == 0 ? 'A' : 'a') + (i % 26)))]);
        foreach (string text in new[] { run, run + " ", " " + run, "." + run + ".", "đ" + run, run + "ư", "ư" + run + "ư" })
        {
            AssertSameWords(text);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_word_split_by_a_vector_or_mask_boundary_keeps_its_hash(int offset)
    {
        // Words of 1 to 20 chars (beyond the eight read at once for the hash) placed so they cross char 16, 32, 64…
        for (int wordLength = 1; wordLength <= 20; wordLength++)
        {
            string word = new([.. Enumerable.Range(0, wordLength).Select(i => (char)('b' + (i * 7 % 24)))]);
            string text = new string(' ', offset) + word + " " + word.ToUpperInvariant() + " x " + word;
            AssertSameWords(text);
            AssertSameWords(new string('.', offset) + word);
            AssertSameWords(new string('k', offset) + "ơ" + word);
        }
    }

    [Fact]
    public void Random_mixed_texts_give_the_same_words_as_the_char_scan()
    {
        var random = new Random(7023);
        int words = 0;
        for (int n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            int pieces = random.Next(0, 80);
            for (int p = 0; p < pieces; p++)
            {
                text.Append(random.Next(4) == 0 ? " " : Pieces[random.Next(Pieces.Length)]);
            }

            words += AssertSameWords(text.ToString());
        }

        Assert.True(words > 30_000, $"only {words} words");
    }

    [Fact]
    public void A_short_text_after_a_long_one_reads_none_of_the_long_ones_chars()
    {
        AssertSameWords(string.Concat(Enumerable.Repeat("thai nguyen ", 400)));
        AssertSameWords("ab");
        AssertSameWords("");
        AssertSameWords("abc d");
    }

    [Fact]
    public void Nfd_marks_are_left_to_the_char_scan()
    {
        string nfd = "Thái Nguyên và của".Normalize(NormalizationForm.FormD) + new string('a', 70);
        Assert.False(BlockScanner.TryScan(nfd, new TextWord[nfd.Length], out _, out _));
        Assert.False(BlockScanner.TryScan("soft\u00ADhyphen", new TextWord[16], out _, out _));

        // Scan itself still tokenises them, by char.
        var words = new TextWord[4];
        int count = AliasScanner.Scan(nfd, ref words, out _);
        var expected = new TextWord[nfd.Length / 2 + 2];
        Assert.Equal(AliasScanner.ScanByChar(nfd, expected, out _), count);
        Assert.Equal(expected.Take(count), words.Take(count));
        Assert.Equal(AliasScanner.Hash("nguyen"), words[1].Hash);
    }

    [Fact]
    public void Hashes_are_those_of_the_folded_words()
    {
        const string text = "Thái NGUYÊN 2026 xã Tân-Phú quốc tế hóa Abcdefghijklmnopqrstuvwxyz";
        var words = new TextWord[text.Length];
        Assert.True(BlockScanner.TryScan(text, words, out int count, out _));
        string[] folded = Ttdn.Vietnamese.Text.VietnameseText.FoldToWords(text).Split(' ');
        Assert.Equal(folded.Length, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(AliasScanner.Hash(folded[i]), words[i].Hash);
        }
    }

    private static int AssertSameWords(string text)
    {
        var expected = new TextWord[text.Length / 2 + 2];
        int expectedCount = AliasScanner.ScanByChar(text, expected, out int expectedBits);
        foreach (bool gather in new[] { true, false })
        {
            // Without gathers (machines without AVX2) non-ASCII lanes are folded one at a time.
            var actual = new TextWord[text.Length / 2 + 2];
            Assert.True(BlockScanner.TryScan(text, actual, out int count, out int bits, gather), text);
            Assert.Equal(expected.Take(expectedCount), actual.Take(count));
            Assert.Equal(expectedBits, bits);
        }

        return expectedCount;
    }
}
