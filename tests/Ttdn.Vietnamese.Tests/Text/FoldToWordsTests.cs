using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

public class FoldToWordsTests
{
    [Theory]
    [InlineData("Sở VH-TT&DL", "so vh tt dl")]
    [InlineData("241/KH-UBND", "241 kh ubnd")]
    [InlineData("Số: 241 /KH-UBND", "so 241 kh ubnd")]
    [InlineData("Nghị định số 72/2015/NĐ-CP", "nghi dinh so 72 2015 nd cp")]
    [InlineData("Thông tư số 22/2016/TT-BTTTT", "thong tu so 22 2016 tt btttt")]
    [InlineData("(03/02/1930 - 03/02/2022)", "03 02 1930 03 02 2022")]
    [InlineData("Việt Nam - Hàn Quốc", "viet nam han quoc")]
    [InlineData("**I. MỤC ĐÍCH, YÊU CẦU**", "i muc dich yeu cau")]
    [InlineData("“Hà Nội”… và  Điện Biên!", "ha noi va dien bien")]
    [InlineData("Sở Văn hoá, Thể thao và Du lịch", "so van hoa the thao va du lich")]
    [InlineData("- Lưu: VT, CNN.", "luu vt cnn")]
    public void Keeps_letters_and_digits_and_turns_every_other_run_into_one_space(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.FoldToWords(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - / & ... ")]
    [InlineData("“”…–")]
    public void Text_without_letters_or_digits_gives_an_empty_string(string? text)
    {
        Assert.Equal(string.Empty, VietnameseText.FoldToWords(text));
    }

    [Theory]
    [InlineData("泰原, 태국!", "泰原 태국")]
    [InlineData("Lào (ລາວ)", "lao ລາວ")]
    [InlineData("Москва-Hà Nội", "москва ha noi")]
    [InlineData("😀Hà Nội😀", "ha noi")]
    [InlineData("𠀀 Nôm", "𠀀 nom")]
    public void Letters_of_other_scripts_are_words_and_symbols_are_separators(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.FoldToWords(input));
    }

    [Fact]
    public void Soft_hyphen_inside_a_word_does_not_split_it()
    {
        Assert.Equal("thai nguyen", VietnameseText.FoldToWords("Thái Ngu\u00ADyên"));
    }

    [Theory]
    [InlineData("Sở VH-TT&DL")]
    [InlineData("Kế hoạch số 241/KH-UBND ngày 28/12/2021")]
    public void Nfd_input_gives_the_same_words(string nfc)
    {
        Assert.Equal(VietnameseText.FoldToWords(nfc), VietnameseText.FoldToWords(Nfd(nfc)));
    }

    [Fact]
    public void Words_splits_the_folded_words()
    {
        Assert.Equal(["so", "vh", "tt", "dl"], VietnameseText.Words("Sở VH-TT&DL"));
        Assert.Equal(["241", "kh", "ubnd"], VietnameseText.Words("241/KH-UBND"));
        Assert.Equal(["uy", "ban", "nhan", "dan"], VietnameseText.Words("  Uỷ ban\tnhân  dân. "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Words_of_text_without_words_is_empty(string? text)
    {
        Assert.Empty(VietnameseText.Words(text));
    }

    [Fact]
    public void Words_never_contains_empty_strings_or_spaces()
    {
        IReadOnlyList<string> words = VietnameseText.Words(" -- Kỷ niệm 92 năm (03/02/1930 - 03/02/2022) -- ");

        Assert.Equal(["ky", "niem", "92", "nam", "03", "02", "1930", "03", "02", "2022"], words);
        Assert.All(words, w => Assert.False(string.IsNullOrEmpty(w) || w.Contains(' ')));
    }
}
