using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ttdn.Hosting;

namespace Ttdn.Bench;

/// <summary>
/// The servers under test, each in a process of its own (so the app's and the client's thread pools and GCs stay apart):
/// <c>serve-app</c> is the real app built by <see cref="AppHost.Build"/>, <c>serve-plain</c> the floor, a bare MapGet.
/// Both listen on a free loopback port, print "LISTENING url", and stop when their standard input closes.
/// </summary>
public static class Servers
{
    public const string Ready = "LISTENING ";

    public static async Task<int> ServeAppAsync(Args a)
    {
        var target = Target.From(a);
        var today = a.Has("today") ? a.Date("today", default) : (DateOnly?)null;
        var app = AppHost.Build(target.Settings(), b =>
        {
            b.WebHost.UseUrls($"http://127.0.0.1:{a.Int("port", 0)}");
            if (today is { } d) b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedClock(d)));
        });
        await Initialiser.RunAsync(app.Services); // as `ttdn serve` does on every start
        await app.StartAsync();
        Console.WriteLine(Ready + app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    public static async Task<int> ServePlainAsync(Args a)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{a.Int("port", 0)}");
        var app = builder.Build();
        app.MapGet("/plain", () => "ok");
        await app.StartAsync();
        Console.WriteLine(Ready + app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>The system clock moved by whole days so that "today" in Vietnam is the generator's today; time still runs.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private readonly TimeSpan _shift;

        public ShiftedClock(DateOnly today)
        {
            var vietnam = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Ttdn.Shared.Lang.VietnamTime).DateTime);
            _shift = TimeSpan.FromDays(today.DayNumber - vietnam.DayNumber);
        }

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
    }

    /// <summary>A server process this bench started; stopped by closing its standard input (and killed, by its id, if it hangs).</summary>
    public sealed class Child(Process process, string url, string name)
    {
        public string Url => url;
        public int Pid => process.Id;

        public async Task StopAsync()
        {
            try
            {
                process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"{name} (pid {process.Id}) did not stop in 20 s: killing it");
                process.Kill();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    /// <summary>Starts this executable again with <paramref name="args"/> and waits for its LISTENING line.</summary>
    public static async Task<Child> StartChildAsync(string name, IEnumerable<string> args, TextWriter log)
    {
        var self = Environment.ProcessPath ?? throw new BenchException("cannot find this executable");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Servers).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start) ?? throw new BenchException($"could not start {name}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await process.WaitForExitAsync();
                throw new BenchException($"{name} exited ({process.ExitCode}) before listening");
            }
            if (line.StartsWith(Ready, StringComparison.Ordinal))
            {
                var url = line[Ready.Length..].Trim();
                log.WriteLine($"{name}: pid {process.Id}, {url}");
                // Keep draining its output so it never blocks on a full pipe.
                _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is { } l) log.WriteLine($"  [{name}] {l}"); });
                return new Child(process, url, name);
            }
            log.WriteLine($"  [{name}] {line}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
