using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

public class MatchingTests
{
    [Theory]
    [InlineData("văn hoá", "Văn Hóa")]
    [InlineData("thuỷ", "THỦY")]
    [InlineData("quý", "qúy")]
    [InlineData("Ủy ban nhân dân", "Uỷ ban nhân dân")]
    [InlineData("Ủy ban nhân dân", "UY BAN NHAN DAN")]
    [InlineData("Điện Biên", "dien bien")]
    [InlineData("Đảng", "dang")]
    [InlineData("Thái  Nguyên\n", "Thái Nguyên")]
    [InlineData(" Sở VH-TT&DL ", "so vh-tt&dl")]
    [InlineData("태국", "태국")]
    [InlineData(null, "")]
    [InlineData(null, "  ")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Equal_when_the_folded_forms_are_equal(string? a, string? b)
    {
        Assert.True(VietnameseText.EqualsFolded(a, b));
        Assert.True(VietnameseText.EqualsFolded(b, a));
    }

    [Theory]
    [InlineData("Thái Nguyên", "Thái Bình")]
    [InlineData("Sở VH-TT&DL", "so vh tt dl")]
    [InlineData("hoa", "hoa hồng")]
    [InlineData("Thái Nguyên", "ThaiNguyen")]
    [InlineData("태국", "泰國")]
    [InlineData(null, "a")]
    public void Not_equal_when_the_folded_forms_differ(string? a, string? b)
    {
        Assert.False(VietnameseText.EqualsFolded(a, b));
        Assert.False(VietnameseText.EqualsFolded(b, a));
    }

    [Fact]
    public void Nfd_text_equals_its_nfc_form()
    {
        const string text = "Ủy ban nhân dân tỉnh Điện Biên";

        Assert.True(VietnameseText.EqualsFolded(text, Nfd(text)));
        Assert.True(VietnameseText.EqualsFolded(Nfd("Uỷ ban nhân dân tỉnh Điện Biên"), text));
    }

    [Fact]
    public void Long_texts_compare_by_their_folded_forms()
    {
        string a = string.Concat(Enumerable.Repeat("Văn hoá các dân tộc Việt Nam; ", 40));
        string b = string.Concat(Enumerable.Repeat("VĂN HÓA CÁC DÂN TỘC VIỆT NAM; ", 40));

        Assert.True(VietnameseText.EqualsFolded(a, b));
        Assert.False(VietnameseText.EqualsFolded(a, b + "x"));
    }

    [Theory]
    [InlineData("Tỉnh Thái Nguyên.", "thai nguyen")]
    [InlineData("Tỉnh Thái Nguyên.", "Thái Nguyên")]
    [InlineData("Tỉnh Thái Nguyên.", "tỉnh")]
    [InlineData("Nguyễn Văn A", "nguyen")]
    [InlineData("Kế hoạch số 241/KH-UBND ngày 28/12/2021", "241/KH-UBND")]
    [InlineData("Kế hoạch số 241/KH-UBND ngày 28/12/2021", "kh ubnd")]
    [InlineData("Sở VH-TT&DL", "vh tt")]
    [InlineData("Sở VH-TT&DL", "VH-TT")]
    [InlineData("văn hoá các dân tộc Việt Nam", "văn hóa")]
    [InlineData("Ủy ban nhân dân tỉnh", "uỷ ban")]
    [InlineData("thuỷ lợi", "thủy")]
    [InlineData("quỹ qúy", "quý")]
    [InlineData("an an an", "an an")]
    [InlineData("bankban ban", "ban")]
    [InlineData("xban ban", "ban")]
    [InlineData("ban bank", "bank")]
    [InlineData("quan hệ Việt Nam - Hàn Quốc (태국)", "태국")]
    public void Finds_the_needle_on_whole_word_boundaries(string haystack, string needle)
    {
        Assert.True(VietnameseText.ContainsWords(haystack, needle));
    }

    [Theory]
    [InlineData("nguyenvan", "nguyen")]
    [InlineData("Thái Nguyên", "Thái Nguyên tỉnh")]
    [InlineData("số 2415/KH", "241")]
    [InlineData("bana", "ban")]
    [InlineData("abana", "ban")]
    [InlineData("Thái Bình", "Thái Nguyên")]
    [InlineData("Điện Biên", "dien bienphu")]
    public void Does_not_find_partial_words(string haystack, string needle)
    {
        Assert.False(VietnameseText.ContainsWords(haystack, needle));
    }

    [Theory]
    [InlineData("Thái Nguyên", null)]
    [InlineData("Thái Nguyên", "")]
    [InlineData("Thái Nguyên", "   ")]
    [InlineData("Thái Nguyên", " - ")]
    [InlineData(null, "Thái Nguyên")]
    [InlineData("", "Thái Nguyên")]
    [InlineData(null, null)]
    public void A_needle_or_haystack_without_words_matches_nothing(string? haystack, string? needle)
    {
        Assert.False(VietnameseText.ContainsWords(haystack, needle));
    }

    [Fact]
    public void Nfd_haystack_and_needle_match_their_nfc_forms()
    {
        const string haystack = "Uỷ ban nhân dân tỉnh Điện Biên ban hành Kế hoạch số 4342/KH-UBND";

        Assert.True(VietnameseText.ContainsWords(Nfd(haystack), "Ủy ban nhân dân"));
        Assert.True(VietnameseText.ContainsWords(haystack, Nfd("Điện Biên")));
    }

    [Fact]
    public void Finds_phrases_in_the_full_seed_plan()
    {
        string plan = File.ReadAllText(Seeds.Path("004_88f8ee31d7dc3369.txt"));

        Assert.True(VietnameseText.ContainsWords(plan, "thong tin doi ngoai"));
        Assert.True(VietnameseText.ContainsWords(plan, "Sở Thông tin và Truyền thông"));
        Assert.True(VietnameseText.ContainsWords(plan, "241/KH-UBND"));
        Assert.True(VietnameseText.ContainsWords(plan, "văn hóa"));
        Assert.True(VietnameseText.ContainsWords(plan, "văn hoá"));
        Assert.False(VietnameseText.ContainsWords(plan, "thong tin doi ngoaix"));
    }
}
