using System.CommandLine;
using Ttdn.Calendar;
using Ttdn.Hosting;

namespace Ttdn.Cli;

/// <summary>The command line of the one executable. Every command takes --data-dir (default ./data).</summary>
public static class CommandLine
{
    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Thư mục dữ liệu của cơ sở dữ liệu nhúng SQLite (Directory of the embedded database)",
        DefaultValueFactory = _ => "./data",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        // `ttdn` and `ttdn --urls …` mean `ttdn serve …`.
        if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "-h" or "--version")))
            args = ["serve", .. args];

        var root = new RootCommand("TTĐN — hệ thống quản lý công tác thông tin đối ngoại (foreign-information work)");
        root.Options.Add(DataDir);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(AdminCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(SchemaScriptCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(Reports.ReportCommand.Create());
        root.Subcommands.Add(Monitoring.MonitorCommand.Create());
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure the user can act on, in words; the details go to the error stream for the administrator.
            Console.Error.WriteLine($"Lỗi (error): {e.Message}");
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    /// <summary>The settings every command passes to the host: the data directory from the command line.</summary>
    public static Dictionary<string, string?> Settings(ParseResult parse) => new() { ["DataDir"] = parse.GetValue(DataDir) };

    public static WebApplication BuildHost(ParseResult parse, Action<WebApplicationBuilder>? customise = null) =>
        AppHost.Build(Settings(parse), b =>
        {
            // Commands other than serve print only their own output.
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            customise?.Invoke(b);
        });
}
