using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

public class FoldTests
{
    [Theory]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch", "so van hoa, the thao va du lich")]
    [InlineData("ĐIỆN BIÊN", "dien bien")]
    [InlineData("Điện Biên", "dien bien")]
    [InlineData("Thái  Nguyên\n", "thai nguyen")]
    [InlineData("Đảng Cộng sản Việt Nam", "dang cong san viet nam")]
    [InlineData("Ủy ban nhân dân", "uy ban nhan dan")]
    [InlineData("Uỷ ban nhân dân", "uy ban nhan dan")]
    [InlineData("Quảng Bình", "quang binh")]
    [InlineData("Thông tin đối ngoại", "thong tin doi ngoai")]
    [InlineData("Bộ đội Biên phòng", "bo doi bien phong")]
    [InlineData("Kỷ niệm 92 năm Ngày thành lập Đảng", "ky niem 92 nam ngay thanh lap dang")]
    public void Removes_diacritics_folds_d_and_lower_cases(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("ă â ê ô ơ ư", "a a e o o u")]
    [InlineData("Ă Â Ê Ô Ơ Ư", "a a e o o u")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Ấ Ầ Ẩ Ẫ Ậ Ắ Ằ Ẳ Ẵ Ặ", "a a a a a a a a a a")]
    [InlineData("ỨỪỬỮỰ ớờởỡợ", "uuuuu ooooo")]
    public void Vowel_marks_are_removed_as_well_as_tone_marks(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Every_vietnamese_vowel_with_every_tone_folds_to_its_ascii_letter()
    {
        foreach ((char vowel, char plain) in AllVowels())
        {
            Assert.Equal(plain.ToString(), VietnameseText.Fold(vowel.ToString()));
            Assert.Equal(plain.ToString(), VietnameseText.Fold(Nfd(vowel.ToString())));
        }
    }

    [Theory]
    [InlineData("văn hoá", "văn hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("quý", "qúy")]
    [InlineData("Uỷ ban nhân dân", "Ủy ban nhân dân")]
    [InlineData("sức khoẻ", "sức khỏe")]
    [InlineData("hoà bình", "HÒA BÌNH")]
    public void Both_tone_placements_give_the_same_key(string a, string b)
    {
        Assert.Equal(VietnameseText.Fold(a), VietnameseText.Fold(b));
    }

    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Thái Nguyên")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("ĐIỆN BIÊN PHỦ")]
    [InlineData("Nghị định số 72/2015/NĐ-CP")]
    [InlineData("Việt Nam – 태국 – 泰原")]
    public void Nfd_input_gives_the_same_key_as_nfc(string nfc)
    {
        Assert.Equal(VietnameseText.Fold(nfc), VietnameseText.Fold(Nfd(nfc)));
    }

    [Theory]
    [InlineData(" \t Thái\u00A0\u00A0Nguyên \r\n", "thai nguyen")]
    [InlineData("Thái\u3000Nguyên", "thai nguyen")]
    [InlineData("Thái\u2003\u2009Nguyên", "thai nguyen")]
    [InlineData("Thái\u200BNguyên", "thai nguyen")]
    [InlineData("a\n\n\nb", "a b")]
    public void White_space_runs_collapse_to_one_space_and_are_trimmed(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n\u00A0")]
    [InlineData("\u0301\u0300")]
    public void Null_empty_and_blank_give_an_empty_key(string? text)
    {
        Assert.Equal(string.Empty, VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData("Sở VH-TT&DL", "so vh-tt&dl")]
    [InlineData("241/KH-UBND", "241/kh-ubnd")]
    [InlineData("Số: 241 /KH-UBND", "so: 241 /kh-ubnd")]
    [InlineData("(03/02/1930 - 03/02/2022)", "(03/02/1930 - 03/02/2022)")]
    [InlineData("“Hà Nội”…", "“ha noi”…")]
    [InlineData("**I. MỤC ĐÍCH, YÊU CẦU**", "**i. muc dich, yeu cau**")]
    public void Punctuation_and_digits_are_kept(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("Việt Nam - 태국", "viet nam - 태국")]
    [InlineData("泰原 Thái Nguyên", "泰原 thai nguyen")]
    [InlineData("MOCKBA Москва", "mockba москва")]
    [InlineData("ΕΛΛΆΔΑ", "ελλάδα")]
    [InlineData("Lào ລາວ", "lao ລາວ")]
    public void Letters_of_other_scripts_are_kept_and_lower_cased_where_that_applies(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Nfd_korean_gives_the_same_key_as_nfc_korean()
    {
        Assert.Equal("태국", VietnameseText.Fold(Nfd("태국")));
    }

    [Theory]
    [InlineData("Café Crème", "cafe creme")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("Ñandú", "nandu")]
    public void Diacritics_of_other_latin_languages_are_removed_too(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("\u00D0i\u1EC7n Bi\u00EAn", "dien bien")] // Ð (eth) that legacy converters put for Đ
    [InlineData("\u0189\u1EA3ng", "dang")]                  // Ɖ (African D)
    public void Look_alikes_of_d_with_stroke_fold_to_d(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Theory]
    [InlineData("Ngu\u00ADyên", "nguyen")]
    [InlineData("\uFEFFThái Nguyên", "thai nguyen")]
    [InlineData("Thái\u2060Nguyên", "thainguyen")]
    public void Invisible_soft_hyphens_bom_and_word_joiners_are_dropped(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Combining_marks_that_do_not_compose_are_removed()
    {
        Assert.Equal("x q", VietnameseText.Fold("x\u0303 q\u0323\u0301"));
    }

    [Fact]
    public void Supplementary_characters_are_kept_and_lower_cased()
    {
        Assert.Equal("😀 ha noi 𠀀 \U00010428", VietnameseText.Fold("😀 Hà Nội 𠀀 \U00010400"));
    }

    [Fact]
    public void Unpaired_surrogates_do_not_throw_and_are_kept()
    {
        Assert.Equal("ha\uD800 noi \uDC00", VietnameseText.Fold("Ha\u0300\uD800 Nội \uDC00"));
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("Ha\u0300\uFFFE No\u0302\u0323i")]
    [InlineData("\uFEFF\uFFFETha\u0301i Nguye\u0302n")]
    public void A_byte_order_mark_read_backwards_does_not_throw_and_the_rest_still_folds(string text)
    {
        // .NET's normaliser refuses U+FFFE outright; text decoded with the wrong byte order contains it.
        string words = VietnameseText.FoldToWords(text);
        Assert.Equal(VietnameseText.FoldToWords(text.Replace("\uFFFE", " ", StringComparison.Ordinal)), words);
        Assert.Contains("\uFFFE", VietnameseText.Fold(text), StringComparison.Ordinal);
        Assert.Equal(VietnameseText.Normalize(text.Replace("\uFFFE", "", StringComparison.Ordinal)), VietnameseText.Normalize(text).Replace("\uFFFE", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_text_folds_like_its_parts()
    {
        const string part = "Ủy ban nhân dân tỉnh Thái Nguyên; văn hoá, THUỶ lợi. ";
        string text = string.Concat(Enumerable.Repeat(part, 100));
        string expected = string.Join(" ", Enumerable.Repeat(VietnameseText.Fold(part), 100));

        Assert.Equal(expected, VietnameseText.Fold(text));
        Assert.Equal(expected, VietnameseText.Fold(Nfd(text)));
    }

    [Theory]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("ĐIỆN BIÊN")]
    [InlineData("Sở VH-TT&DL  241/KH-UBND")]
    public void Folding_a_key_again_changes_nothing(string text)
    {
        string key = VietnameseText.Fold(text);

        Assert.Equal(key, VietnameseText.Fold(key));
    }

    [Fact]
    public void A_string_that_is_already_a_key_is_returned_as_the_same_instance()
    {
        string key = "so van hoa, the thao va du lich";

        Assert.Same(key, VietnameseText.Fold(key));
    }
}
