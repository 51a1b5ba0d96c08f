using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Organisations/Details/{id} — an organisation, its aliases and succession.</summary>
public sealed partial class OrganisationDetailsPage(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });
    public ILocator AliasesHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Tên gọi khác", Exact = true, Level = 2 });
    public ILocator NewAliasText => page.GetByLabel("Thêm tên gọi khác", new() { Exact = true });
    public ILocator NewAliasKind => page.GetByLabel("Loại tên", new() { Exact = true });
    public ILocator AddAliasButton => page.GetByRole(AriaRole.Button, new() { Name = "Thêm tên gọi khác", Exact = true });

    /// <summary>The aliases table follows the "Tên gọi khác" heading.</summary>
    public ILocator AliasCell(string alias) => page.GetByRole(AriaRole.Cell, new() { Name = alias, Exact = true });

    public ILocator Notice => page.GetByRole(AriaRole.Status).First;

    public int Id => int.Parse(IdInUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public async Task AddAliasAsync(string alias, string? kindLabel = null)
    {
        await NewAliasText.FillAsync(alias);
        if (kindLabel is not null) await NewAliasKind.SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await AddAliasButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [GeneratedRegex(@"/Organisations/Details/(\d+)")]
    private static partial Regex IdInUrl();
}
