using Microsoft.AspNetCore.DataProtection;
using Ttdn.Accounts;
using Ttdn.Audit;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Shared;

namespace Ttdn.Hosting;

/// <summary>The table of contents of the web application: one AddX/MapX per feature.</summary>
public static class AppHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="settings">Configuration pairs that win over everything else (the command line's --data-dir, tests).</param>
    public static WebApplication Build(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? customise = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var database = DatabaseSettings.From(builder.Configuration);
        Directory.CreateDirectory(database.DataDirectory);

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddDbContext<AppDb>(database.Configure);
        builder.Services.AddDataProtection().SetApplicationName("ttdn")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "TTĐN API";
            doc.Info.Description = "Công tác thông tin đối ngoại — JSON API. Sign in with a cookie (POST /api/account/sign-in).";
            return Task.CompletedTask;
        }));
        builder.Services.AddAppLocalization();
        builder.Services.AddAccounts();
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
        });
        customise?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(ErrorHandling.Handle);
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseStaticFiles();
        app.UseAppLocalization();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapAccounts();
        app.MapOrganisations();
        app.MapAudit();
        app.MapLanguage();
        app.MapRazorPages();
        return app;
    }
}
