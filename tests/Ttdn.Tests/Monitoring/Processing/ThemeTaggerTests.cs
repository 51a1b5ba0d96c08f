using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

public class ThemeTaggerTests
{
    private static readonly ThemeKeywords Tourism = ThemeKeywords.FromName(1, "Quảng bá hình ảnh, du lịch, văn hóa Thái Nguyên", ["Hồ Núi Cốc", "chè Tân Cương"]);
    private static readonly ThemeKeywords Border = ThemeKeywords.FromName(2, "Tuyên truyền về biên giới, chủ quyền lãnh thổ", ["cửa khẩu"]);
    private static readonly ThemeKeywords Investment = new(3, ["thu hút đầu tư"]);

    [Fact]
    public void Keywords_come_from_the_folded_name()
    {
        Assert.Contains("quang ba", Tourism.Keywords);
        Assert.Contains("hinh anh", Tourism.Keywords);
        Assert.Contains("ho nui coc", Tourism.Keywords);
        Assert.DoesNotContain("tuyen truyen", Border.Keywords);
        Assert.Contains("chu quyen", Border.Keywords);
    }

    [Theory]
    [InlineData("Thái Nguyên quảng bá hình ảnh qua Festival Trà", new long[] { 1 })]
    [InlineData("Quang ba hinh anh du lich Ho Nui Coc", new long[] { 1 })]
    [InlineData("Tuyên truyền pháp luật về biên giới tại cửa khẩu Tây Trang", new long[] { 2 })]
    [InlineData("Hội nghị thu hút đầu tư và quảng bá hình ảnh tỉnh", new long[] { 1, 3 })]
    [InlineData("Người dân đi du lịch", new long[0])]
    [InlineData("", new long[0])]
    public void Tags_texts_with_two_keywords_of_a_theme(string text, long[] expected)
    {
        Assert.Equal(expected, ThemeTagger.Tag(text, [Tourism, Border, Investment]));
    }

    [Fact]
    public void Keywords_match_whole_words_only()
    {
        var theme = new ThemeKeywords(9, ["biên"]);
        Assert.Empty(ThemeTagger.Tag("Điện Biên Phủ", [new ThemeKeywords(9, ["bien gioi"])]));
        Assert.Equal([9L], ThemeTagger.Tag("vùng BIÊN cương", [theme]));
    }
}
