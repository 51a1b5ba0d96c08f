using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Plans/{id}/Dashboard — the leader's dashboard: headline numbers, tables per agency and per theme, overdue list.</summary>
public sealed partial class DashboardPage(IPage page)
{
    public const string DoneOnTime = "Hoàn thành đúng hạn";
    public const string DoneLate = "Hoàn thành quá hạn";
    public const string Overdue = "Đang thực hiện – quá hạn";
    public const string InProgress = "Đang thực hiện – trong hạn";
    public const string NotStarted = "Chưa thực hiện";

    public static string Path(int planId) => $"/Plans/{planId}/Dashboard";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều hành thực hiện kế hoạch", Exact = true, Level = 1 });
    public ILocator AsOf => page.GetByLabel("Số liệu tính đến ngày", new() { Exact = true });
    public ILocator PlanPicker => page.GetByLabel("Kế hoạch", new() { Exact = true });

    /// <summary>The table per lead agency (its caption starts "Tình hình thực hiện theo cơ quan chủ trì").</summary>
    public ILocator AgencyTable => page.GetByRole(AriaRole.Table, new() { NameRegex = AgencyCaption() });
    public ILocator ThemeTable => page.GetByRole(AriaRole.Table, new() { NameRegex = ThemeCaption() });
    public ILocator OverdueTable => page.GetByRole(AriaRole.Table, new() { NameRegex = OverdueCaption() });

    public async Task<DashboardPage> GotoAsync(int planId, string? asOf = null)
    {
        await page.GotoAsync(Path(planId) + (asOf is null ? "" : "?asOf=" + Uri.EscapeDataString(asOf)));
        return this;
    }

    /// <summary>The row of one agency: its name is the row header.</summary>
    public ILocator AgencyRow(string agency) =>
        AgencyTable.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = agency, Exact = true }) });

    /// <summary>The number in an agency's row under a column (e.g. <see cref="DoneOnTime"/>), found by the column header's text.</summary>
    public async Task<int> AgencyCountAsync(string agency, string column)
    {
        var headers = await AgencyTable.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var index = headers.Select(h => h.Replace("▼", "", StringComparison.Ordinal).Replace("▲", "", StringComparison.Ordinal).Trim()).ToList().IndexOf(column);
        if (index < 0) throw new InvalidOperationException($"No column \"{column}\" in the agency table: {string.Join(" | ", headers)}");
        var text = await AgencyRow(agency).Locator("th, td").Nth(index).InnerTextAsync();
        return int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"));
    }

    /// <summary>The traffic light of an agency, in words ("Xanh – đúng tiến độ" …).</summary>
    public Task<string> AgencyLightAsync(string agency) => AgencyRow(agency).Locator("td").First.InnerTextAsync();

    [GeneratedRegex("^Tình hình thực hiện theo cơ quan chủ trì")]
    private static partial Regex AgencyCaption();

    [GeneratedRegex("^Tình hình thực hiện theo nội dung")]
    private static partial Regex ThemeCaption();

    [GeneratedRegex("^Việc quá hạn")]
    private static partial Regex OverdueCaption();
}
