using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Tasks/{id} — one duty: its details, occurrences, the progress form and the progress history.</summary>
public sealed partial class TaskPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    // The progress form ("Cập nhật tiến độ").
    public ILocator Percent => page.GetByLabel("Tỷ lệ hoàn thành (%)", new() { Exact = true });
    public ILocator Narrative => page.GetByLabel("Kết quả thực hiện", new() { Exact = true });
    public ILocator EvidenceLinks => page.GetByLabel("Đường dẫn minh chứng", new() { Exact = true });
    public ILocator Completed => page.GetByRole(AriaRole.Checkbox, new() { Name = "Đã hoàn thành", Exact = true });
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Lưu tiến độ", Exact = true });

    /// <summary>The flash message after a save ("Đã cập nhật tiến độ.", "Đã ghi nhận hoàn thành nhiệm vụ.").</summary>
    public ILocator Notice => page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = NoticeText() });

    /// <summary>The status tag in the task's summary ("Tình trạng").</summary>
    public ILocator SummaryStatus => page.Locator("dl.summary .status");

    public ILocator HistoryHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Lịch sử cập nhật tiến độ", Exact = true });
    public ILocator EvidenceLink(string url) => page.GetByRole(AriaRole.Link, new() { Name = url, Exact = true });

    public int TaskId => int.Parse(UrlPattern().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The plan the duty belongs to, from the "Kế hoạch …" link above the heading.</summary>
    public async Task<int> PlanIdAsync()
    {
        var href = await page.Locator("main a[href^='/Plans/']").First.GetAttributeAsync("href") ?? "";
        return int.Parse(PlanHref().Match(href).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Fills the progress form (empty arguments are left alone) and saves; waits for the page to come back.</summary>
    public async Task RecordProgressAsync(int? percent, string? narrative, string? evidenceLink, bool completed)
    {
        if (percent is { } p) await Percent.FillAsync(p.ToString(CultureInfo.InvariantCulture));
        if (narrative is not null) await Narrative.FillAsync(narrative);
        if (evidenceLink is not null) await EvidenceLinks.FillAsync(evidenceLink);
        if (completed) await Completed.CheckAsync();
        await SaveButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [GeneratedRegex(@"/Tasks/(\d+)(\?|#|$)")]
    public static partial Regex UrlPattern();

    [GeneratedRegex(@"^/Plans/(\d+)$")]
    private static partial Regex PlanHref();

    [GeneratedRegex("^Đã (cập nhật tiến độ|ghi nhận hoàn thành)")]
    private static partial Regex NoticeText();
}
