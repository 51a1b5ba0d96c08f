using Ttdn.Monitoring.Search;

namespace Ttdn.Tests.Monitoring;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Điện Biên Phủ", "dien bien phu")]
    [InlineData("ĐIỆN BIÊN", "dien bien")]
    [InlineData("Thái Nguyên, ngày 19/5", "thai nguyen ngay 19 5")]
    [InlineData("hoá học — thuỷ điện", "hoa hoc thuy dien")]
    [InlineData("Tha\u0301i Nguye\u0302\u0303n", "thai nguyen")] // NFD, as some phones send it
    [InlineData("越南太原省茶叶", "越 南 太 原 省 茶 叶")]
    [InlineData("타이응우옌성은 차로", "타 이 응 우 옌 성 은 차 로")]
    [InlineData("Trà 太原 tea", "tra 太 原 tea")]
    public void Index_text_is_folded_and_splits_chinese_and_korean_into_characters(string text, string expected) =>
        Assert.Equal(expected, SearchText.ForIndex(text));

    [Fact]
    public void A_query_is_words_and_quoted_phrases_all_of_which_must_match()
    {
        var q = SearchQuery.Parse("Thái Nguyên \"chè Tân Cương\" 2022");
        Assert.Equal([["thai"], ["nguyen"], ["che", "tan", "cuong"], ["2022"]], q.Groups.Select(g => g.ToArray()).ToArray());
        Assert.Equal("\"thai\" \"nguyen\" \"che tan cuong\" \"2022\"", q.ToFts5());
        Assert.Equal("('thai') & ('nguyen') & ('che' <-> 'tan' <-> 'cuong') & ('2022')", q.ToTsQuery());
    }

    [Fact]
    public void Unquoted_chinese_is_a_phrase_of_its_characters()
    {
        var q = SearchQuery.Parse("太原省 tea");
        Assert.Equal([["太", "原", "省"], ["tea"]], q.Groups.Select(g => g.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" ,;-")]
    public void A_query_without_words_is_empty(string text) => Assert.True(SearchQuery.Parse(text).IsEmpty);

    [Fact]
    public void Query_syntax_characters_cannot_reach_the_engines()
    {
        // FTS5 operators and tsquery punctuation fold away: only letters and digits are left, each group quoted.
        var q = SearchQuery.Parse("dien* OR (bien) NEAR/2 'x' & !y");
        Assert.Equal("\"dien\" \"or\" \"bien\" \"near\" \"2\" \"x\" \"y\"", q.ToFts5());
        Assert.DoesNotContain("*", q.ToTsQuery());
    }

    [Fact]
    public void Highlighting_marks_the_original_words_whatever_their_accents()
    {
        var parts = Highlighter.Parts("Lễ hội ở ĐIỆN BIÊN và Điện Biên Phủ.", SearchQuery.Parse("dien bien"));
        Assert.Equal(["ĐIỆN", "BIÊN", "Điện", "Biên"], parts.Where(p => p.Match).Select(p => p.Text).ToArray());
        Assert.Equal("Lễ hội ở ĐIỆN BIÊN và Điện Biên Phủ.", string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void A_snippet_starts_near_the_first_match()
    {
        var text = string.Join(" ", Enumerable.Repeat("nội dung không liên quan", 40)) + " tin về Thái Nguyên ở cuối bài " + string.Join(" ", Enumerable.Repeat("đuôi", 60));
        var snippet = Highlighter.Snippet(text, SearchQuery.Parse("thai nguyen"));
        Assert.Contains("Thái Nguyên", snippet);
        Assert.StartsWith("… ", snippet);
        Assert.True(snippet.Length <= Highlighter.SnippetLength + 4);
    }
}
