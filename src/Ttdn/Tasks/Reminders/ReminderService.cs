using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ttdn.Audit;
using Ttdn.Data;

namespace Ttdn.Tasks.Reminders;

/// <summary>
/// Every <see cref="ReminderOptions.Interval"/>: take (or keep) the database lease "reminders" and, holding it, run
/// <see cref="ReminderJob"/>. With several nodes on one database only the holder works; if it dies its lease runs out
/// (interval + 5 minutes) and another node takes over. Errors are logged with their reason and the loop goes on.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IMailSender mail, TimeProvider clock, ReminderOptions options, ILogger<ReminderService> logger)
    : BackgroundService
{
    /// <summary>Who holds the lease: machine, process and a fresh id (two services in one process are two holders).</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The last run's outcome on this node (null: not run yet, or another node holds the lease).</summary>
    public ReminderRunResult? LastResult { get; private set; }

    private int _passes;

    /// <summary>How many passes the loop has made (held lease or not).</summary>
    public int Passes => Volatile.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        logger.LogInformation("Nhắc việc qua e-mail: bật, mỗi {Interval} (reminders on; holder {Holder})", options.Interval, Holder);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            Interlocked.Increment(ref _passes);
            try
            {
                await Task.Delay(options.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass: lease, then the job. Never throws except on shutdown.</summary>
    public async Task<ReminderRunResult?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().BackgroundActor = "reminders";
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var result = await ReminderJob.RunWithLeaseAsync(db, mail, clock, options, Holder, ct);
            if (result is null)
            {
                logger.LogDebug("Nhắc việc: nút khác đang giữ lượt chạy (another node holds the reminders lease)");
                return null;
            }
            LastResult = result;
            if (result.Sent > 0 || result.Failed > 0)
                logger.LogInformation("Nhắc việc ngày {Day}: đã gửi {Sent}, đã gửi từ trước {AlreadySent}, lỗi {Failed}",
                    result.Day, result.Sent, result.AlreadySent, result.Failed);
            foreach (var f in result.Failures)
                logger.LogWarning("Không gửi được thư nhắc {Kind} (kỳ {OccurrenceId}) tới {Recipient}: {Reason}. Sẽ gửi lại ở lượt sau.",
                    f.Kind, f.OccurrenceId, f.Recipient, f.Reason);
            if (result.WithoutRecipients.Count > 0)
                logger.LogWarning("Nhắc việc: các đơn vị sau chưa có tài khoản nào có e-mail nên không nhận được thư nhắc: {Organisations}",
                    string.Join("; ", result.WithoutRecipients));
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Lượt nhắc việc bị lỗi, sẽ chạy lại sau {Interval}: {Reason}", options.Interval, ReminderJob.Describe(ex));
            return null;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Hand the lease back so another node can take over at once instead of waiting for it to run out.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var past = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
            await db.JobLeases.Where(l => l.Name == ReminderOptions.LeaseName && l.Holder == Holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, past), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Không trả được lượt chạy nhắc việc; nó sẽ tự hết hạn: {Reason}", ReminderJob.Describe(ex));
        }
    }
}

public static class ReminderSetup
{
    /// <summary>
    /// Options (sections "Reminders" and "Smtp"), the mail sender and, when enabled (Reminders:Enabled, or by default when
    /// Smtp:Host is set), the background service. Calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ReminderOptions))) return services;
        var smtp = SmtpOptions.Read(configuration);
        var options = ReminderOptions.Read(configuration);
        services.AddSingleton(smtp);
        services.AddSingleton(options);
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        if (options.Enabled)
        {
            services.AddSingleton<ReminderService>();
            services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        }
        return services;
    }
}
