using System.Text;
using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

/// <summary>The gazetteer's own tokeniser and tables (decision 0020).</summary>
public class AliasIndexTests
{
    [Fact]
    public void Map_finds_every_key_among_many_that_share_slots_and_misses_absent_ones()
    {
        // Multiples of a large power of two differ only in high bits: many land on neighbouring slots.
        var entries = Enumerable.Range(0, 1000).Select(i => KeyValuePair.Create((ulong)i << 40, i)).ToList();
        entries.Add(KeyValuePair.Create(0UL, 7)); // key 0 is an ordinary key (replaces i = 0)
        entries.Add(KeyValuePair.Create(ulong.MaxValue, 1001));
        var map = new OpenAddressedMap(entries);

        Assert.Equal(7, map.Get(0));
        for (int i = 1; i < 1000; i++)
        {
            Assert.Equal(i, map.Get((ulong)i << 40));
            Assert.Equal(-1, map.Get(((ulong)i << 40) + 1));
        }

        Assert.Equal(1001, map.Get(ulong.MaxValue));
        Assert.Equal(-1, map.Get(1000UL << 40));
    }

    [Fact]
    public void Empty_map_answers_minus_one()
    {
        var map = new OpenAddressedMap([]);
        Assert.Equal(-1, map.Get(0));
        Assert.Equal(-1, map.Get(42));
    }

    [Fact]
    public void Map_rejects_negative_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenAddressedMap([KeyValuePair.Create(1UL, -1)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ,.;  \n")]
    [InlineData("\u0301\u0300 \u0301")] // combining marks alone start no word
    public void Text_without_letters_has_no_words(string text)
    {
        var words = new TextWord[0];
        Assert.Equal(0, AliasScanner.Scan(text, ref words, out int bits));
        Assert.Equal(0, bits);
    }

    [Fact]
    public void A_very_long_word_is_one_word_and_a_short_buffer_grows()
    {
        string text = "  " + new string('a', 100_000) + "b ";
        var words = new TextWord[1];
        Assert.Equal(1, AliasScanner.Scan(text, ref words, out _));
        Assert.Equal(new TextWord(2, 100_003, AliasScanner.Hash(new string('a', 100_000) + "b")), words[0]);
    }

    [Fact]
    public void Words_are_folded_nfd_marks_stay_inside_and_hashes_match_the_folded_alias()
    {
        string text = "Về THÁI NGUYÊN".Normalize(NormalizationForm.FormD) + ", ĐIỆN-Biên.";
        var words = new TextWord[4];
        int count = AliasScanner.Scan(text, ref words, out _);
        string[] folded = ["ve", "thai", "nguyen", "dien", "bien"];
        Assert.Equal(folded.Length, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(AliasScanner.Hash(folded[i]), words[i].Hash);
            Assert.True(FoldTable.FoldsTo(text.AsSpan(words[i].Start, words[i].End - words[i].Start), folded[i]));
        }
    }

    [Fact]
    public void Surrogate_pairs_and_cjk_are_word_chars_and_set_the_high_letter_bits()
    {
        string text = "tỉnh 太原市 và 𠀀𠀁 x";
        var words = new TextWord[2];
        int count = AliasScanner.Scan(text, ref words, out int bits);
        Assert.Equal(["tỉnh", "太原市", "và", "𠀀𠀁", "x"], words[..count].Select(w => text[w.Start..w.End]));
        Assert.True(bits >= 0x3040);

        AliasScanner.Scan("Thái Nguyên “Đẹp” – ỹ", ref words, out int latin);
        Assert.True(latin < 0x3040); // Vietnamese letters never reach the CJK blocks
    }

    [Fact]
    public void Word_spans_are_those_of_the_shared_word_scanner_on_mixed_text()
    {
        string[] pieces = ["Thái", "nguyên", "\u0301", " ", ", ", "-", "TP.HCM", "\u00AD", "太原", "𠀀", "하노이", "\n", "Đ", "ʼ", "x1", "…"];
        var random = new Random(7);
        var ours = new TextWord[8];
        var shared = new Word[8];
        var folded = new char[8];
        for (int n = 0; n < 300; n++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            int count = AliasScanner.Scan(text, ref ours, out _);
            int expected = WordScanner.Scan(text, ref shared, ref folded, out _);
            Assert.Equal(
                shared[..expected].Select(w => (w.Start, w.End, AliasScanner.Hash(folded.AsSpan(w.FoldStart, w.FoldLength)))),
                ours[..count].Select(w => (w.Start, w.End, w.Hash)));
        }
    }

    [Fact]
    public void Aliases_whose_words_share_a_hash_are_still_told_apart()
    {
        // Rotate-and-xor by 16 bits cancels a repeated four-char block: both words hash to 0.
        Assert.Equal(AliasScanner.Hash("abcdabcd"), AliasScanner.Hash("efghefgh"));
        var g = new Gazetteer([
            new GazetteerEntry("t:a", "t", "commune", "Abcdabcd Xyz", []),
            new GazetteerEntry("t:e", "t", "commune", "Efghefgh Xyz", []),
            new GazetteerEntry("t:s", "t", "commune", "Efghefgh", []),
        ]);

        Assert.Equal(["t:e"], g.Find("tới Efghefgh Xyz nhé").Select(h => h.EntryKey));
        Assert.Equal(["t:a"], g.Find("tới Abcdabcd Xyz nhé").Select(h => h.EntryKey));
        Assert.Equal(["t:s"], g.Find("tới Efghefgh Qqq nhé").Select(h => h.EntryKey));
        Assert.Empty(g.Find("tới Abcdabcd Qqq nhé"));
    }
}
