using System.Text;
using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

public class NormalizeTests
{
    [Theory]
    [InlineData("hoá", "hóa")]
    [InlineData("văn hoá", "văn hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("loà", "lòa")]
    [InlineData("hoạ", "họa")]
    [InlineData("toả", "tỏa")]
    [InlineData("uỷ ban", "ủy ban")]
    [InlineData("Uỷ ban nhân dân tỉnh Thái Nguyên", "Ủy ban nhân dân tỉnh Thái Nguyên")]
    [InlineData("thoả thuận", "thỏa thuận")]
    [InlineData("toạ đàm", "tọa đàm")]
    [InlineData("Khoá học", "Khóa học")]
    [InlineData("hoà bình", "hòa bình")]
    [InlineData("Thuỳ", "Thùy")]
    [InlineData("tuỳ", "tùy")]
    [InlineData("huỷ bỏ", "hủy bỏ")]
    [InlineData("xoè", "xòe")]
    [InlineData("hoè", "hòe")]
    [InlineData("loẹ", "lọe")]
    [InlineData("nhoẻ", "nhỏe")]
    [InlineData("đoà", "đòa")]
    [InlineData("thuỹ", "thũy")]
    public void Open_oa_oe_uy_rhymes_carry_the_tone_on_the_first_vowel(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("HOÁ", "HÓA")]
    [InlineData("Hoà", "Hòa")]
    [InlineData("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN")]
    [InlineData("Uỷ", "Ủy")]
    [InlineData("uỶ", "ủY")]
    [InlineData("KHOẺ", "KHỎE")]
    [InlineData("SỞ VĂN HOÁ", "SỞ VĂN HÓA")]
    public void Moving_a_tone_keeps_the_case_of_every_letter(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("qúy", "quý")]
    [InlineData("Qúy", "Quý")]
    [InlineData("QÚY", "QUÝ")]
    [InlineData("qũy", "quỹ")]
    [InlineData("qủa", "quả")]
    [InlineData("qùa", "quà")]
    [InlineData("Qùynh", "Quỳnh")]
    [InlineData("qúyêt định", "quyết định")]
    [InlineData("qụân", "quận")]
    [InlineData("qủang bá", "quảng bá")]
    [InlineData("qúai", "quái")]
    [InlineData("qụeo", "quẹo")]
    [InlineData("qủơ", "quở")]
    public void A_tone_on_the_u_of_qu_moves_to_the_vowel_after_it(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("gía", "giá")]
    [InlineData("gịa", "giạ")]
    [InlineData("gìa", "già")]
    [InlineData("Gỉai", "Giải")]
    [InlineData("gĩưa", "giữa")]
    [InlineData("gìau", "giàu")]
    [InlineData("gíup", "giúp")]
    [InlineData("gìương", "giường")]
    [InlineData("gíao", "giáo")]
    [InlineData("gịăc", "giặc")]
    public void A_tone_on_the_i_of_gi_moves_to_the_vowel_after_it(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("hóa")]
    [InlineData("thủy")]
    [InlineData("ủy")]
    [InlineData("hoàn")]
    [InlineData("Hoàng")]
    [InlineData("thoáng")]
    [InlineData("toán")]
    [InlineData("soát")]
    [InlineData("khoét")]
    [InlineData("huýt")]
    [InlineData("huỳnh")]
    [InlineData("thuyền")]
    [InlineData("Nguyễn")]
    [InlineData("khuỷu")]
    [InlineData("ngoài")]
    [InlineData("ngoại")]
    [InlineData("xoáy")]
    [InlineData("ngoẹo")]
    [InlineData("hoạt")]
    [InlineData("hoạch")]
    [InlineData("đoàn")]
    [InlineData("khuya")]
    [InlineData("thuở")]
    [InlineData("Huế")]
    [InlineData("mùa")]
    [InlineData("mía")]
    [InlineData("bưởi")]
    [InlineData("người")]
    [InlineData("quý")]
    [InlineData("quỳnh")]
    [InlineData("Quỳnh")]
    [InlineData("quà")]
    [InlineData("quả")]
    [InlineData("quận")]
    [InlineData("quyết")]
    [InlineData("giá")]
    [InlineData("già")]
    [InlineData("giạ")]
    [InlineData("giữa")]
    [InlineData("giường")]
    [InlineData("giếng")]
    [InlineData("gì")]
    [InlineData("gìn giữ")]
    [InlineData("ghì")]
    [InlineData("nghiêng")]
    public void Canonical_syllables_are_left_as_they_are(string text)
    {
        Assert.Equal(text, VietnameseText.Normalize(text));
    }

    [Theory]
    [InlineData("Chloé")]
    [InlineData("Zoé")]
    [InlineData("José")]
    [InlineData("café crème")]
    [InlineData("résumé")]
    [InlineData("hoáx")]
    [InlineData("hoáhoá")]
    [InlineData("hóá")]
    [InlineData("Ελλάδα")]
    [InlineData("Москва")]
    [InlineData("태국")]
    [InlineData("泰原")]
    [InlineData("Lào – ລາວ")]
    public void Words_that_are_not_one_Vietnamese_syllable_are_left_as_they_are(string text)
    {
        Assert.Equal(text, VietnameseText.Normalize(text));
    }

    [Fact]
    public void Spacing_punctuation_and_digits_around_a_moved_tone_are_kept()
    {
        Assert.Equal("  Văn hóa,\tthể thao!\n(thủy)2022  ", VietnameseText.Normalize("  Văn hoá,\tthể thao!\n(thuỷ)2022  "));
        Assert.Equal("“Hòa” - hóa/khỏe.", VietnameseText.Normalize("“Hoà” - hoá/khoẻ."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Null_and_empty_give_an_empty_string(string? text)
    {
        Assert.Equal(string.Empty, VietnameseText.Normalize(text));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void White_space_is_kept(string text)
    {
        Assert.Equal(text, VietnameseText.Normalize(text));
    }

    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Thái Nguyên")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("Điện Biên")]
    [InlineData("Đảng Cộng sản Việt Nam")]
    [InlineData("Nghị định số 72/2015/NĐ-CP")]
    public void Nfd_input_comes_out_as_the_same_nfc_text(string nfc)
    {
        string nfd = Nfd(nfc);
        Assert.NotEqual(nfc, nfd);

        string normalized = VietnameseText.Normalize(nfd);

        Assert.Equal(nfc, normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Nfd_input_in_the_other_tone_style_is_composed_and_canonicalised()
    {
        Assert.Equal("Ủy ban nhân dân, văn hóa, thủy lợi, quý", VietnameseText.Normalize(Nfd("Uỷ ban nhân dân, văn hoá, thuỷ lợi, qúy")));
    }

    [Fact]
    public void Text_mixing_nfc_and_nfd_is_composed()
    {
        string mixed = "văn hoá " + Nfd("văn hoá");

        Assert.Equal("văn hóa văn hóa", VietnameseText.Normalize(mixed));
    }

    [Fact]
    public void Nfd_hangul_is_recomposed()
    {
        Assert.Equal("태국", VietnameseText.Normalize(Nfd("태국")));
    }

    [Theory]
    [InlineData("văn hoá", "văn hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("qúy", "quý")]
    [InlineData("Uỷ ban nhân dân", "Ủy ban nhân dân")]
    [InlineData("khoẻ", "khỏe")]
    public void Both_tone_placements_normalise_to_the_same_text(string a, string b)
    {
        Assert.Equal(VietnameseText.Normalize(a), VietnameseText.Normalize(b));
        Assert.Equal(VietnameseText.Normalize(Nfd(a)), VietnameseText.Normalize(b));
    }

    [Fact]
    public void Every_single_vowel_letter_with_every_tone_is_unchanged()
    {
        foreach ((char vowel, _) in AllVowels())
        {
            string text = vowel.ToString();
            Assert.Equal(text, VietnameseText.Normalize(text));
        }
    }

    [Theory]
    [InlineData("oa", 'a', 'o')]
    [InlineData("oe", 'e', 'o')]
    [InlineData("uy", 'y', 'u')]
    public void Every_tone_on_an_open_rhyme_moves_to_the_first_vowel(string rhyme, char second, char first)
    {
        string[] tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        foreach (string initial in new[] { "", "h", "th", "kh", "ng", "t", "l", "x" })
        {
            foreach (string tone in tones)
            {
                string secondStyle = Nfc(initial + rhyme[0] + second + tone);
                string firstStyle = Nfc(initial + first + tone + rhyme[1]);
                Assert.Equal(firstStyle, VietnameseText.Normalize(secondStyle));
                Assert.Equal(firstStyle, VietnameseText.Normalize(firstStyle));
            }
        }
    }

    [Fact]
    public void Text_that_needs_no_change_is_returned_as_the_same_instance()
    {
        string ascii = "UBND tinh Thai Nguyen 241/KH-UBND";
        string vietnamese = "Ủy ban nhân dân tỉnh Thái Nguyên";

        Assert.Same(ascii, VietnameseText.Normalize(ascii));
        Assert.Same(vietnamese, VietnameseText.Normalize(vietnamese));
    }

    [Fact]
    public void Unpaired_surrogates_do_not_throw_and_are_kept()
    {
        string text = "ho" + "a\u0301" + "\uD800 thuỷ \uDC00" + "e\u0301";

        string normalized = VietnameseText.Normalize(text);

        Assert.Equal("hóa\uD800 thủy \uDC00é", normalized);
    }

    [Fact]
    public void Supplementary_characters_are_kept()
    {
        Assert.Equal("😀 văn hóa 𠀀", VietnameseText.Normalize("😀 văn hoá 𠀀"));
    }

    [Fact]
    public void Normalize_is_idempotent_on_long_text()
    {
        string text = string.Concat(Enumerable.Repeat("Uỷ ban nhân dân tỉnh; văn hoá, thuỷ lợi, sức khoẻ. ", 200));

        string once = VietnameseText.Normalize(text);

        Assert.Equal(once, VietnameseText.Normalize(once));
        Assert.DoesNotContain("hoá", once);
        Assert.Equal(text.Length, once.Length);
    }
}
