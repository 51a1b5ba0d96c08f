using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ttdn.BrowserTests;

/// <summary>
/// Base of every browser test class: the app and the browser are shared by the class, each test gets a fresh
/// browser context (own cookies, so own sign-in and language). <see cref="RunAsync"/> saves a screenshot and the
/// page's HTML to bin/.../screenshots when a test fails.
/// </summary>
public abstract class BrowserTest(AppServer server, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<AppServer>, IClassFixture<BrowserFixture>
{
    protected AppServer Server { get; } = server;
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Runs <paramref name="test"/> against a new page; on failure keeps the evidence, then rethrows.</summary>
    protected async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") Log($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => Log("page error: " + error);
        try
        {
            await test(page);
        }
        catch
        {
            await SaveEvidenceAsync(page, testName);
            throw;
        }
    }

    private async Task SaveEvidenceAsync(IPage page, string testName)
    {
        try
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            var stem = Path.Combine(dir, $"{testName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            Log($"Failed at {page.Url}; screenshot {stem}.png");
        }
        catch (Exception e) when (e is PlaywrightException or IOException or TimeoutException)
        {
            Log("Could not save a screenshot: " + e.Message);
        }
    }

    private void Log(string line)
    {
        try
        {
            Output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished (late console event).
        }
    }
}
