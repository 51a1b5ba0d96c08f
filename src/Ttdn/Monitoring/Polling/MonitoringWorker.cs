using Microsoft.EntityFrameworkCore;
using Ttdn.Audit;
using Ttdn.Data;
using Ttdn.Shared;

namespace Ttdn.Monitoring.Polling;

/// <summary>Monitoring:PollSeconds (how often due sources are looked for; 0 turns polling off) and Monitoring:Concurrency.</summary>
public sealed record MonitoringOptions(TimeSpan Interval, int SourcesPerPass)
{
    public static MonitoringOptions From(IConfiguration config) => new(
        TimeSpan.FromSeconds(int.TryParse(config["Monitoring:PollSeconds"], out var s) && s >= 0 ? s : 60),
        int.TryParse(config["Monitoring:SourcesPerPass"], out var n) && n > 0 ? n : 20);
}

/// <summary>
/// Polls the sources that are due, on the node holding the "monitoring" lease, then checks alert rules. Each source's
/// outcome is recorded on it (SourcePoller); a pass that fails as a whole is logged with its reason and retried.
/// </summary>
public sealed class MonitoringWorker(IServiceScopeFactory scopes, TimeProvider clock, MonitoringOptions options, ILogger<MonitoringWorker> logger) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval == TimeSpan.Zero) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(options.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Lượt lấy tin bị lỗi, sẽ chạy lại sau {Interval}: {Reason}", options.Interval, e.Message);
                await Task.Delay(options.Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One pass: the due sources, oldest due first. Returns how many were polled (0 when another node holds the lease).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().BackgroundActor = "monitoring";
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await JobLease.TryAcquireAsync(db, "monitoring", _holder, now, options.Interval + TimeSpan.FromMinutes(10), ct)) return 0;
        var due = await db.MediaSources.AsNoTracking()
            .Where(s => s.Active && s.Format != SourceFormat.Import && s.Url != null && (s.NextFetchAt == null || s.NextFetchAt <= now))
            .OrderBy(s => s.NextFetchAt).Select(s => s.Id).Take(options.SourcesPerPass).ToListAsync(ct);
        var poller = scope.ServiceProvider.GetRequiredService<SourcePoller>();
        foreach (var id in due)
        {
            var outcome = await poller.PollAsync(db, id, ct);
            db.ChangeTracker.Clear();
            if (!outcome.Succeeded) logger.LogWarning("Nguồn {Source}: {Reason}", id, outcome.Error);
        }
        await scope.ServiceProvider.GetRequiredService<Alerts.AlertRules>().EvaluateAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<Digests.DigestJob>().RunAsync(db, ct);
        return due.Count;
    }
}
