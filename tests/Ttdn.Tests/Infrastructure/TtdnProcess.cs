using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ttdn.Tests.Infrastructure;

/// <summary>Runs the real `ttdn` executable (the build output of src/Ttdn) as a child process.</summary>
public sealed class TtdnProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private TtdnProcess(Process process) => _process = process;

    public string Output { get { lock (_gate) return _output.ToString(); } }
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static string AppDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ttdn.sln"))) dir = dir.Parent;
            var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Ttdn.sln not found above the test directory"),
                "src", "Ttdn", "bin", configuration, "net10.0", "ttdn.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built: build the solution first");
        }
    }

    public static TtdnProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var process = new Process { StartInfo = start };
        var result = new TtdnProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (result._gate) result._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (result._gate) result._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs a command to its end and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // flushes the asynchronous output readers
        return (process._process.ExitCode, process.Output);
    }

    /// <summary>Waits until the output contains <paramref name="text"/>, or fails with what was printed.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"ttdn exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"ttdn did not print '{text}':\n{Output}");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
