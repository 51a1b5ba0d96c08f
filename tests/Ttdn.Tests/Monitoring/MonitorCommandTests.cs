using System.Text.Json;
using Ttdn.Tests.Infrastructure;

namespace Ttdn.Tests.Monitoring;

/// <summary><c>ttdn monitor import</c> and <c>ttdn monitor search</c>, run as the real executable on an embedded database.</summary>
public sealed class MonitorCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "ttdn-monitor-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Import_counts_imported_duplicates_and_rejected_lines_then_search_finds_items_written_with_diacritics()
    {
        Directory.CreateDirectory(_dataDir);
        var file = Path.Combine(_dataDir, "fanpage.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"url":"https://facebook.com/dienbien/posts/1","source":"Fanpage Điện Biên (thử)","title":"Mường Phăng đón đoàn khảo sát Ngàn Hoa","text":"Xã Mường Phăng, tỉnh Điện Biên đón đoàn khảo sát Ngàn Hoa.","publishedAt":"2026-11-20T09:00:00+07:00"}""",
            """{"url":"https://facebook.com/dienbien/posts/2","title":"Ngàn Hoa Điện Biên: lễ hội mùa xuân","text":"Lễ hội Ngàn Hoa tại Điện Biên.","language":"vi"}""",
            """{"url":"https://facebook.com/dienbien/posts/1?utm_source=share","title":"lặp lại","text":"bài đăng lại cùng địa chỉ"}""",
            """{"title":"không có địa chỉ"}""",
            """{"url":"https://facebook.com/x", "title": "broken""",
        ]);

        var (exit, output) = await TtdnProcess.RunAsync("monitor", "import", file, "--json", "--data-dir", _dataDir);
        Assert.Equal(0, exit);
        var counts = JsonDocument.Parse(output).RootElement;
        Assert.Equal((2, 1, 2), (counts.GetProperty("imported").GetInt32(), counts.GetProperty("duplicates").GetInt32(), counts.GetProperty("rejected").GetInt32()));
        var reasons = counts.GetProperty("rejections").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Contains("url", reasons[4]);
        Assert.Contains("JSON", reasons[5]);

        var (searchExit, found) = await TtdnProcess.RunAsync("monitor", "search", "ngan hoa dien bien", "--json", "--data-dir", _dataDir);
        Assert.Equal(0, searchExit);
        var items = JsonDocument.Parse(found).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Contains("dien-bien", i.GetProperty("provinces").EnumerateArray().Select(p => p.GetString())));
        Assert.All(items, i => Assert.Equal("vi", i.GetProperty("language").GetString()));
        Assert.All(items, i => Assert.True(i.GetProperty("clusterId").GetInt64() > 0));
        Assert.Contains(items, i => i.GetProperty("url").GetString() == "https://facebook.com/dienbien/posts/1");

        var (limitExit, limited) = await TtdnProcess.RunAsync("monitor", "search", "ngan hoa", "--limit", "1", "--json", "--data-dir", _dataDir);
        Assert.Equal(0, limitExit);
        Assert.Single(JsonDocument.Parse(limited).RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_or_unsupported_file_exits_2_with_the_reason()
    {
        var (exit, output) = await TtdnProcess.RunAsync("monitor", "import", Path.Combine(_dataDir, "none.jsonl"), "--data-dir", _dataDir);
        Assert.Equal(2, exit);
        Assert.Contains("Không tìm thấy tệp", output);

        Directory.CreateDirectory(_dataDir);
        var xlsx = Path.Combine(_dataDir, "posts.xlsx");
        await File.WriteAllTextAsync(xlsx, "x");
        (exit, output) = await TtdnProcess.RunAsync("monitor", "import", xlsx, "--data-dir", _dataDir);
        Assert.Equal(2, exit);
        Assert.Contains(".jsonl", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
