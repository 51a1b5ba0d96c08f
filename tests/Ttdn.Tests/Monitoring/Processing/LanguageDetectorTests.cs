using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thông tin đối ngoại năm 2022.", "vi")]
    [InlineData("tinh Thai Nguyen to chuc le hoi", "vi")]
    [InlineData("UBND tinh da ban hanh ke hoach phat trien du lich nam nay", "vi")]
    [InlineData("The provincial People's Committee issued a plan on foreign information work.", "en")]
    [InlineData("Thai Nguyen is famous for its tea and the Nui Coc lake.", "en")]
    [InlineData("越南太原省举办茶文化节，吸引了大量游客。", "zh")]
    [InlineData("베트남 타이응우옌성은 차로 유명합니다.", "ko")]
    [InlineData("ベトナムのタイグエン省はお茶で有名です。", "ja")]
    [InlineData("Le comité populaire de la province a publié un plan pour la promotion du tourisme.", "fr")]
    [InlineData("ແຂວງໄທງວຽນ ມີຊື່ສຽງດ້ານຊາ", "lo")]
    public void Detects_the_language(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("OK")]
    [InlineData("12345 67890")]
    [InlineData("Thai Nguyen")]
    public void Short_or_empty_text_is_undetermined(string text)
    {
        Assert.Equal("und", LanguageDetector.Detect(text));
    }

    [Fact]
    public void Seed_news_articles_are_vietnamese()
    {
        foreach (string file in new[] { "000_9d59c203a3daa2aa.txt", "003_d6453e487489abdc.txt" })
        {
            Assert.Equal("vi", LanguageDetector.Detect(File.ReadAllText(GazetteerTests.SeedPath(file))));
        }
    }
}
