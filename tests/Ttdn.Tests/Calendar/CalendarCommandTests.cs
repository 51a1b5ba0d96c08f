using System.Text.Json;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Calendar;

/// <summary><c>ttdn calendar lunar|solar|anniversaries</c>, run as the real executable (no database needed).</summary>
public sealed class CalendarCommandTests
{
    [Fact]
    public async Task Lunar_gives_tet_2022_with_can_chi()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "lunar", "2022-02-01", "--json");
        Assert.Equal(0, exit);
        var lunar = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2022, lunar.GetProperty("year").GetInt32());
        Assert.Equal(1, lunar.GetProperty("month").GetInt32());
        Assert.Equal(1, lunar.GetProperty("day").GetInt32());
        Assert.False(lunar.GetProperty("leap").GetBoolean());
        Assert.Equal("Nhâm Dần", lunar.GetProperty("canChiYear").GetString());
        Assert.False(string.IsNullOrEmpty(lunar.GetProperty("canChiMonth").GetString()));
        Assert.False(string.IsNullOrEmpty(lunar.GetProperty("canChiDay").GetString()));
    }

    [Fact]
    public async Task Lunar_without_json_prints_a_readable_line()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "lunar", "2022-02-01");
        Assert.Equal(0, exit);
        Assert.Contains("01/02/2022", output, StringComparison.Ordinal);
        Assert.Contains("01/01/2022 âm lịch", output, StringComparison.Ordinal);
        Assert.Contains("Nhâm Dần", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solar_gives_gio_to_hung_vuong_2022()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "solar", "2022", "3", "10", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("2022-04-10", JsonDocument.Parse(output).RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Solar_accepts_the_leap_month_of_2023()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "solar", "2023", "2", "10", "--leap", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("2023-03-31", JsonDocument.Parse(output).RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Anniversaries_for_thai_nguyen_include_the_ATK_Dinh_Hoa_day()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "anniversaries", "2022", "--province", "thai nguyen", "--json");
        Assert.Equal(0, exit);
        var list = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var atk = Assert.Single(list, a => a.GetProperty("name").GetString()!.Contains("ATK Định Hóa", StringComparison.Ordinal));
        Assert.Equal(75, atk.GetProperty("years").GetInt32());
        Assert.True(atk.GetProperty("round").GetBoolean());
        Assert.Equal("1947-05-20", atk.GetProperty("baseDate").GetString());
        Assert.Equal("2022-05-20", atk.GetProperty("date").GetString());
        var party = Assert.Single(list, a => a.GetProperty("name").GetString() == "Ngày thành lập Đảng Cộng sản Việt Nam");
        Assert.Equal("Kỷ niệm 92 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2022)", party.GetProperty("text").GetString());
        Assert.False(party.GetProperty("round").GetBoolean());
    }

    [Fact]
    public async Task Anniversaries_without_a_province_are_national_only_and_readable_without_json()
    {
        var (exit, output) = await TtdnProcess.RunAsync("calendar", "anniversaries", "2022", "--json");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(JsonDocument.Parse(output).RootElement.EnumerateArray(), a => a.GetProperty("name").GetString()!.Contains("ATK", StringComparison.Ordinal));

        (exit, output) = await TtdnProcess.RunAsync("calendar", "anniversaries", "2022", "--province", "Thái Nguyên");
        Assert.Equal(0, exit);
        Assert.Contains("20/05/2022", output, StringComparison.Ordinal);
        Assert.Contains("Kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (05/09/1962 - 05/09/2022)", output, StringComparison.Ordinal);
        Assert.Contains("Lễ hội Lồng Tồng", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar", "lunar", "2022-02-30", "yyyy-MM-dd")]
    [InlineData("calendar", "lunar", "01/02/2022", "yyyy-MM-dd")]
    [InlineData("calendar", "lunar", "1899-12-31", "1900–2100")]
    [InlineData("calendar", "solar", "2022", "2", "30", "không có ngày 30")]
    [InlineData("calendar", "solar", "2022", "13", "1", "1 đến 12")]
    [InlineData("calendar", "solar", "2022", "2", "1", "--leap", "không có tháng nhuận")]
    [InlineData("calendar", "solar", "2023", "3", "1", "--leap", "chỉ có tháng 2 nhuận")]
    [InlineData("calendar", "solar", "2101", "1", "1", "1900–2100")]
    [InlineData("calendar", "solar", "abc", "1", "1", "phải là số")]
    [InlineData("calendar", "anniversaries", "1850", "1900–2100")]
    public async Task Bad_input_exits_2_with_a_message(params string[] argsThenMessage)
    {
        var (exit, output) = await TtdnProcess.RunAsync(argsThenMessage[..^1]);
        Assert.Equal(2, exit);
        Assert.Contains(argsThenMessage[^1], output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
