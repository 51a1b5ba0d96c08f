using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Organisations — the searchable list. Texts default to Vietnamese; pass English ones after switching language.</summary>
public sealed partial class OrganisationsPage(IPage page)
{
    public const string Path = "/Organisations";
    public const string HeadingVi = "Tổ chức";
    public const string HeadingEn = "Organisations";
    public const string SearchLabelVi = "Tìm theo tên, tên viết tắt hoặc tên gọi khác";
    public const string SearchLabelEn = "Search by name, abbreviation or alias";

    public ILocator Heading(string text = HeadingVi) =>
        page.GetByRole(AriaRole.Heading, new() { Name = text, Exact = true, Level = 1 });

    public ILocator SearchBox(string label = SearchLabelVi) => page.GetByLabel(label, new() { Exact = true });
    public ILocator SearchButton => page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true });
    public ILocator AddOrganisationLink => page.GetByRole(AriaRole.Link, new() { Name = "Thêm tổ chức", Exact = true });

    /// <summary>The results table ("Danh sách tổ chức" caption).</summary>
    public ILocator ResultsTable => page.GetByRole(AriaRole.Table);

    /// <summary>One row per organisation found (header row excluded).</summary>
    public ILocator ResultRows => ResultsTable.Locator("tbody").GetByRole(AriaRole.Row);

    /// <summary>The link to an organisation's details page in the results.</summary>
    public ILocator ResultLink(string name) => ResultsTable.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The "N kết quả" / "N results" status line.</summary>
    public ILocator ResultCountStatus => page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = CountPattern() });

    /// <summary>"Tiếng Việt" or "English" in the header (same names in both languages).</summary>
    public ILocator LanguageLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<OrganisationsPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    public async Task SearchAsync(string text)
    {
        await SearchBox().FillAsync(text);
        await SearchButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=", StringComparison.Ordinal));
    }

    public async Task<int> ResultCountAsync()
    {
        var text = await ResultCountStatus.InnerTextAsync();
        return int.Parse(CountPattern().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<OrganisationEditPage> StartAddingAsync()
    {
        await AddOrganisationLink.ClickAsync();
        await page.WaitForURLAsync("**/Organisations/Edit");
        return new OrganisationEditPage(page);
    }

    [GeneratedRegex(@"^\s*(\d+)\s+(kết quả|results)\s*$")]
    private static partial Regex CountPattern();
}
