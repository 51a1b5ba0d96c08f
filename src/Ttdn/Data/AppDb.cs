using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ttdn.Accounts;
using Ttdn.Audit;
using Ttdn.Calendar;
using Ttdn.Monitoring;
using Ttdn.Shared;
using Ttdn.Organisations;
using Ttdn.Plans;
using Ttdn.Reports;
using Ttdn.Tasks;

namespace Ttdn.Data;

/// <summary>The one DbContext. Features use it directly: no repositories in between.</summary>
public sealed class AppDb(DbContextOptions<AppDb> options, AuditTrail audit) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();
    public DbSet<Succession> Successions => Set<Succession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<PlanChannel> PlanChannels => Set<PlanChannel>();
    public DbSet<TaskOccurrence> TaskOccurrences => Set<TaskOccurrence>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<ExplanationRequest> ExplanationRequests => Set<ExplanationRequest>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<AnniversaryEntry> Anniversaries => Set<AnniversaryEntry>();
    public DbSet<CalendarEvent> CalendarEvents => Set<CalendarEvent>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<AgencyReport> AgencyReports => Set<AgencyReport>();
    public DbSet<ReportFigure> ReportFigures => Set<ReportFigure>();
    public DbSet<ConsolidatedReport> ConsolidatedReports => Set<ConsolidatedReport>();
    public DbSet<MediaSource> MediaSources => Set<MediaSource>();
    public DbSet<FetchRun> FetchRuns => Set<FetchRun>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<MediaMention> MediaMentions => Set<MediaMention>();
    public DbSet<MediaItemTheme> MediaItemThemes => Set<MediaItemTheme>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<MonitoringAlert> MonitoringAlerts => Set<MonitoringAlert>();
    public DbSet<DigestRecipient> DigestRecipients => Set<DigestRecipient>();
    public DbSet<Digest> Digests => Set<Digest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Every save writes its audit entries in the same transaction: a change never lands without its trail.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            DataGeneration.Bump(this); // also after a failed save: part of it may have landed outside a transaction
        }
    }

    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = audit.Capture(ChangeTracker);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(audit.Complete(pending));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
