using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Ttdn.Hosting;

namespace Ttdn.BrowserTests;

/// <summary>
/// The real application on real Kestrel (a free port on 127.0.0.1) with its own SQLite database in a temporary
/// folder, migrated and seeded with the reference organisations, the administrator and the demo users.
/// One per test class (IClassFixture), so classes never see each other's data.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string AdminUserName = Initialiser.AdminUserName;
    public const string AdminPassword = "Admin12345Test";
    public const string DemoPassword = Initialiser.DefaultDemoPassword;

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "ttdn-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;

    /// <summary>For example http://127.0.0.1:43123 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public async Task InitializeAsync()
    {
        app = AppHost.Build(
            new Dictionary<string, string?> { ["DataDir"] = dataDir, ["Admin:Password"] = AdminPassword },
            b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await Initialiser.RunAsync(app.Services);
        await app.StartAsync();
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        // SQLite pools connections; release them so the files can be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing the run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
