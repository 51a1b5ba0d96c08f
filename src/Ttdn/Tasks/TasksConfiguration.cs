using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ttdn.Plans;

namespace Ttdn.Tasks;

internal sealed class TasksConfiguration :
    IEntityTypeConfiguration<TaskOccurrence>, IEntityTypeConfiguration<ProgressUpdate>, IEntityTypeConfiguration<Attachment>,
    IEntityTypeConfiguration<ExtensionRequest>, IEntityTypeConfiguration<ExplanationRequest>, IEntityTypeConfiguration<TaskComment>,
    IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<TaskOccurrence> e)
    {
        e.Property(o => o.QuantityAchieved).HasPrecision(18, 2);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasIndex(o => new { o.PlanTaskId, o.Start }).IsUnique();
        e.HasIndex(o => o.Due);
    }

    public void Configure(EntityTypeBuilder<ProgressUpdate> e)
    {
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Narrative).HasMaxLength(8000);
        e.Property(x => x.Quantity).HasPrecision(18, 2);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<TaskOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ProgressUpdateId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanTaskId, x.AtUtc });
    }

    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<ExtensionRequest> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.Property(x => x.DecisionNote).HasMaxLength(4000);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<TaskOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExplanationRequest> e)
    {
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.AnsweredBy).HasMaxLength(256);
        e.Property(x => x.Question).HasMaxLength(4000);
        e.Property(x => x.Answer).HasMaxLength(8000);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TaskComment> e)
    {
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReminderLog> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Recipient).HasMaxLength(256);
        e.HasIndex(x => new { x.OccurrenceId, x.Kind, x.Recipient, x.SentOn }).IsUnique();
    }
}
