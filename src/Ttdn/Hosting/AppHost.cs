using Microsoft.AspNetCore.DataProtection;
using Ttdn.Accounts;
using Ttdn.Calendar;
using Ttdn.Audit;
using Ttdn.Data;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Plans.Export;
using Ttdn.Documents;
using Ttdn.Monitoring;
using Ttdn.Reports;
using Ttdn.Plans.Import;
using Ttdn.Tasks;
using Ttdn.Tasks.Reminders;
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
            // Named explicitly: when a test host starts the app, the entry assembly is the test runner, and Razor
            // Pages would look for pages there.
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            // Settings are read once at start; watching appsettings.json would cost an inotify instance per app, and a
            // test run starting hundreds of apps reaches the system's limit (128) of them.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var database = DatabaseSettings.From(builder.Configuration);
        Directory.CreateDirectory(database.DataDirectory);

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddSingleton<ReadModelCache>();
        builder.Services.AddDbContext<AppDb>(database.Configure);
        builder.Services.AddDataProtection().SetApplicationName("ttdn")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataDirectory, "keys")));
        builder.Services.AddProblemDetails();
        // Vietnamese letters go out as themselves, not as &#x...; entities (smaller pages, readable source).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Unreadable JSON or query values become an exception that ErrorHandling turns into a message saying what to fix.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "TTĐN API";
            doc.Servers = []; // the host is the caller's; keeps the committed document stable
            doc.Info.Description = "Công tác thông tin đối ngoại — JSON API. Sign in with a cookie (POST /api/account/sign-in).";
            return Task.CompletedTask;
        }));
        builder.Services.AddAppLocalization();
        builder.Services.AddAccounts();
        builder.Services.AddReminders(builder.Configuration);
        builder.Services.AddDocuments(builder.Configuration);
        builder.Services.AddCalendar(builder.Configuration);
        builder.Services.AddMonitoring(builder.Configuration);
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
        });
        customise?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(ErrorHandling.Handle);
        // The API answers bare status codes with ProblemDetails; pages get the friendly error page.
        app.UseWhen(http => IsApi(http), api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting(); // after the status-code pages, so a re-executed /Error request is routed again
        app.UseAppLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        ErrorHandling.RefuseTooLarge(app);

        app.MapHealth();
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapAccounts();
        app.MapOrganisations();
        app.MapAudit();
        app.MapPlans();
        app.MapPlanExport();
        app.MapPlanImport();
        app.MapDashboard();
        app.MapTasks();
        app.MapCalendar();
        app.MapReports();
        app.MapMonitoring();
        app.MapLanguage();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/healthz");
}
