using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Organisations/Edit[/{id}] — add or edit an organisation.</summary>
public sealed partial class OrganisationEditPage(IPage page)
{
    public ILocator Name => page.GetByLabel("Tên đầy đủ", new() { Exact = true });
    public ILocator ShortName => page.GetByLabel("Tên viết tắt (không bắt buộc)", new() { Exact = true });
    public ILocator Kind => page.GetByLabel("Loại tổ chức", new() { Exact = true });
    public ILocator Province => page.GetByLabel("Thuộc tỉnh", new() { Exact = true });
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true });

    /// <summary>Fills the form, saves and returns the details page the app redirects to.</summary>
    public async Task<OrganisationDetailsPage> CreateAsync(string name, string kindLabel, string provinceName, string? shortName = null)
    {
        await Name.FillAsync(name);
        if (shortName is not null) await ShortName.FillAsync(shortName);
        await Kind.SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await Province.SelectOptionAsync(new SelectOptionValue { Label = provinceName });
        await SaveButton.ClickAsync();
        await page.WaitForURLAsync(DetailsUrl());
        return new OrganisationDetailsPage(page);
    }

    [GeneratedRegex(@"/Organisations/Details/\d+")]
    private static partial Regex DetailsUrl();
}
