using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ttdn.BrowserTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ttdn.BrowserTests;

/// <summary>The foundation end to end in a real browser: sign-in, roles, organisations with aliases, diacritic-free search, language.</summary>
public sealed partial class FoundationBrowserTests(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : BrowserTest(server, browser, output)
{
    private const string ProvinceName = "Ủy ban nhân dân tỉnh Thái Nguyên";

    [Fact]
    public Task Administrator_creates_an_organisation_with_an_alias_finds_it_without_diacritics_and_switches_to_English() => RunAsync(async page =>
    {
        const string name = "Trung tâm Văn hóa Nghệ thuật tỉnh";
        const string alias = "Trung tâm VHNT Thái Nguyên";
        await LoginPage.SignInAsync(page, AppServer.AdminUserName, AppServer.AdminPassword);

        var list = await new OrganisationsPage(page).GotoAsync();
        await Expect(list.Heading()).ToBeVisibleAsync();
        var edit = await list.StartAddingAsync();
        var details = await edit.CreateAsync(name, "Sở", ProvinceName);
        await Expect(details.Heading(name)).ToBeVisibleAsync();
        var id = details.Id;

        await Expect(details.AliasesHeading).ToBeVisibleAsync();
        await details.AddAliasAsync(alias, "Viết tắt");
        await Expect(page).ToHaveURLAsync(new Regex($@"/Organisations/Details/{id}(#aliases)?$"));
        await Expect(details.AliasCell(alias)).ToBeVisibleAsync();

        list = await new OrganisationsPage(page).GotoAsync();
        await list.SearchAsync("trung tam vhnt thai nguyen");
        await Expect(list.SearchBox()).ToHaveValueAsync("trung tam vhnt thai nguyen");
        var link = list.ResultLink(name);
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", $"/Organisations/Details/{id}");
        await Expect(list.ResultRows).ToHaveCountAsync(1);
        Assert.Equal(1, await list.ResultCountAsync());
        await Expect(list.ResultsTable).Not.ToContainTextAsync("Báo Thái Nguyên");

        await list.LanguageLink("English").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(list.Heading(OrganisationsPage.HeadingEn)).ToBeVisibleAsync();
        await Expect(list.SearchBox(OrganisationsPage.SearchLabelEn)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Organisations", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
        // The language switch returns to the same search.
        await Expect(list.SearchBox(OrganisationsPage.SearchLabelEn)).ToHaveValueAsync("trung tam vhnt thai nguyen");
        await Expect(list.ResultLink(name)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Anonymous_visitor_is_sent_to_sign_in() => RunAsync(async page =>
    {
        await page.GotoAsync(OrganisationsPage.Path);
        await Expect(page).ToHaveURLAsync(LoginUrl());
        var login = new LoginPage(page);
        await Expect(login.UserName).ToBeVisibleAsync();
        await Expect(login.SignInButton).ToBeVisibleAsync();
    });

    [Fact]
    public Task Agency_officer_sees_no_admin_actions_and_cannot_open_admin_pages() => RunAsync(async page =>
    {
        await LoginPage.SignInAsync(page, "canbo", AppServer.DemoPassword);

        var list = await new OrganisationsPage(page).GotoAsync();
        await Expect(list.Heading()).ToBeVisibleAsync();
        await Expect(list.AddOrganisationLink).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/Admin/Users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = AccessDeniedHeading(), Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(403, response?.Status);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thêm người dùng" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_shows_an_error_summary_linked_to_the_field() => RunAsync(async page =>
    {
        var login = await new LoginPage(page).GotoAsync();
        await login.SubmitAsync("lanhdao", "not-the-password");

        await Expect(page).ToHaveURLAsync(LoginUrl());
        var summary = login.ErrorSummary;
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
        await Expect(summary).ToBeFocusedAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Tên đăng nhập hoặc mật khẩu không đúng") });
        await Expect(link).ToHaveAttributeAsync("href", "#UserName");
        await Expect(login.UserName).ToHaveValueAsync("lanhdao");

        // The link really leads to the field it names.
        await link.ClickAsync();
        await Expect(login.UserName).ToBeFocusedAsync();
    });

    [GeneratedRegex(@"/Accounts/Login(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrl();

    [GeneratedRegex("^Bạn không có quyền")]
    private static partial Regex AccessDeniedHeading();
}
