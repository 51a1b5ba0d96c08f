using Ttdn.Vietnamese.Text;
using static Ttdn.Vietnamese.Tests.Text.TestText;

namespace Ttdn.Vietnamese.Tests.Text;

public class VietnameseCompareTests
{
    [Fact]
    public void A_dictionary_keyed_by_names_finds_every_spelling_variant()
    {
        var agencies = new Dictionary<string, int>(VietnameseCompare.Folded)
        {
            ["Ủy ban nhân dân tỉnh Thái Nguyên"] = 1,
            ["Sở Văn hóa, Thể thao và Du lịch"] = 2,
        };

        Assert.Equal(1, agencies["UỶ BAN NHÂN DÂN TỈNH THÁI NGUYÊN"]);
        Assert.Equal(1, agencies["Uỷ ban nhân dân tỉnh Thái  Nguyên"]);
        Assert.Equal(1, agencies[Nfd("Ủy ban nhân dân tỉnh Thái Nguyên")]);
        Assert.Equal(2, agencies["so van hoa, the thao va du lich"]);
        Assert.False(agencies.ContainsKey("Ủy ban nhân dân tỉnh Thái Bình"));
    }

    [Fact]
    public void Adding_a_spelling_variant_of_an_existing_key_is_a_duplicate()
    {
        var names = new Dictionary<string, int>(VietnameseCompare.Folded) { ["văn hóa"] = 1 };

        Assert.Throws<ArgumentException>(() => names.Add("Văn hoá", 2));
    }

    [Fact]
    public void A_set_counts_variants_once()
    {
        var set = new HashSet<string>(VietnameseCompare.Folded)
        {
            "thủy", "thuỷ", "THỦY", Nfd("thuỷ"), "quý", "qúy", "Đảng", "dang",
        };

        Assert.Equal(3, set.Count);
    }

    [Theory]
    [InlineData("Điện Biên", "dien bien")]
    [InlineData("Ủy ban nhân dân", "Uỷ ban nhân dân")]
    [InlineData("a", "A ")]
    public void Equal_strings_have_equal_hash_codes(string a, string b)
    {
        StringComparer comparer = VietnameseCompare.Folded;

        Assert.True(comparer.Equals(a, b));
        Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(b));
        Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(Nfd(b)));
    }

    [Fact]
    public void Long_equal_strings_have_equal_hash_codes()
    {
        string a = string.Concat(Enumerable.Repeat("Văn hoá các dân tộc Việt Nam; ", 40));
        string b = string.Concat(Enumerable.Repeat("VĂN HÓA CÁC DÂN TỘC VIỆT NAM; ", 40));

        Assert.Equal(VietnameseCompare.Folded.GetHashCode(a), VietnameseCompare.Folded.GetHashCode(b));
    }

    [Fact]
    public void Hash_code_of_null_throws()
    {
        Assert.Throws<ArgumentNullException>(() => VietnameseCompare.Folded.GetHashCode(null!));
    }

    [Fact]
    public void Compare_orders_by_folded_key_and_is_zero_for_variants()
    {
        StringComparer comparer = VietnameseCompare.Folded;

        Assert.Equal(0, comparer.Compare("văn hoá", "VĂN HÓA"));
        Assert.Equal(0, comparer.Compare(null, ""));
        Assert.True(comparer.Compare("Đà Nẵng", "Hà Nội") < 0);
        Assert.True(comparer.Compare("Thái Nguyên", "Thái Bình") > 0);
        Assert.True(comparer.Compare(null, "a") < 0);
    }

    [Fact]
    public void Equals_treats_null_as_empty()
    {
        Assert.True(VietnameseCompare.Folded.Equals(null, null));
        Assert.True(VietnameseCompare.Folded.Equals(null, " "));
        Assert.False(VietnameseCompare.Folded.Equals(null, "a"));
    }
}
