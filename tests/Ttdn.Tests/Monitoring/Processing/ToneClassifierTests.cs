using Ttdn.Monitoring.Processing;

namespace Ttdn.Tests.Monitoring.Processing;

public class ToneClassifierTests
{
    [Theory]
    [InlineData("Festival Trà Thái Nguyên thành công tốt đẹp, thu hút đông đảo du khách.", "vi", Tone.Positive)]
    [InlineData("Du lịch Thái Nguyên tăng trưởng ấn tượng, đạt kỷ lục về lượng khách.", "vi", Tone.Positive)]
    [InlineData("Lu quet gay thiet hai nang ne, nhieu nguoi tu vong.", "vi", Tone.Negative)]
    [InlineData("Cháy lớn tại chợ, thiệt hại hàng tỷ đồng.", "vi", Tone.Negative)]
    [InlineData("Dự án chậm trễ, người dân bức xúc vì ô nhiễm.", "vi", Tone.Negative)]
    [InlineData("Dự án không hiệu quả.", "vi", Tone.Negative)]
    [InlineData("Không có thiệt hại về người.", "vi", Tone.Positive)]
    [InlineData("Không khí lễ hội sôi nổi.", "vi", Tone.Positive)]
    [InlineData("UBND tỉnh ban hành kế hoạch công tác thông tin đối ngoại năm 2022.", "vi", Tone.Neutral)]
    [InlineData("Chạy bộ buổi sáng ở công viên.", "vi", Tone.Neutral)]
    [InlineData("The tea festival was a great success and attracted many visitors.", "en", Tone.Positive)]
    [InlineData("Floods killed three people and damaged hundreds of homes.", "en", Tone.Negative)]
    [InlineData("The project was not successful.", "en", Tone.Negative)]
    [InlineData("The committee met on Monday to discuss the plan.", "en", Tone.Neutral)]
    [InlineData("太原省茶文化节取得成功，促进发展。", "zh", Tone.Positive)]
    [InlineData("洪水造成死亡和污染。", "zh", Tone.Negative)]
    [InlineData("홍수로 사고와 사망이 발생했다", "ko", Tone.Negative)]
    [InlineData("", "vi", Tone.Neutral)]
    public void Classifies_clear_sentences(string text, string language, Tone expected)
    {
        Assert.Equal(expected, ToneClassifier.Classify(text, language));
    }

    [Fact]
    public void Mixed_text_is_neutral()
    {
        Assert.Equal(Tone.Neutral, ToneClassifier.Classify("Kinh tế tăng trưởng ấn tượng nhưng ô nhiễm và tai nạn gia tăng.", "vi"));
    }
}
