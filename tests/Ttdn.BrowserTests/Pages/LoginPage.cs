using Microsoft.Playwright;

namespace Ttdn.BrowserTests.Pages;

/// <summary>/Accounts/Login — the sign-in form and its GOV.UK-style error summary.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Accounts/Login";

    public ILocator UserName => page.GetByLabel("Tên đăng nhập", new() { Exact = true });
    public ILocator Password => page.GetByLabel("Mật khẩu", new() { Exact = true });
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true });

    /// <summary>The error summary (role alert) shown above the form after a failed attempt.</summary>
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);

    public async Task<LoginPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Fills and submits the form; stays wherever the app sends the browser.</summary>
    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Opens the sign-in page, signs in and waits until the app has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        var login = await new LoginPage(page).GotoAsync();
        await login.SubmitAsync(userName, password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith(Path, StringComparison.OrdinalIgnoreCase));
    }
}
