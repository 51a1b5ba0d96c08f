using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ttdn.Organisations;

namespace Ttdn.Plans;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Number).HasMaxLength(60);
        e.Property(p => p.Title).HasMaxLength(500);
        e.Property(p => p.IssuePlace).HasMaxLength(100);
        e.Property(p => p.SignerName).HasMaxLength(100);
        e.Property(p => p.SignerAuthority).HasMaxLength(100);
        e.Property(p => p.SignerTitle).HasMaxLength(100);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasIndex(p => p.Number);
        e.HasOne(p => p.Issuer).WithMany().HasForeignKey(p => p.IssuerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.LeadOrganisation).WithMany().HasForeignKey(p => p.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(p => p.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(p => p.LegalBases).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Statements).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Themes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Channels).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Funding).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Recipients).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Assignments).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Amendments).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanPartsConfiguration :
    IEntityTypeConfiguration<LegalBasis>, IEntityTypeConfiguration<PlanStatement>, IEntityTypeConfiguration<Theme>,
    IEntityTypeConfiguration<PlanChannel>, IEntityTypeConfiguration<FundingItem>, IEntityTypeConfiguration<Recipient>,
    IEntityTypeConfiguration<Assignment>, IEntityTypeConfiguration<PlanAmendment>
{
    public void Configure(EntityTypeBuilder<LegalBasis> e)
    {
        e.ToTable("LegalBases");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Number).HasMaxLength(60);
        e.Property(x => x.Issuer).HasMaxLength(300);
        e.Property(x => x.Title).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<PlanStatement> e)
    {
        e.ToTable("PlanStatements");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Theme> e)
    {
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<PlanChannel> e)
    {
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.CatalogueCode).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<FundingItem> e)
    {
        e.ToTable("FundingItems");
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Amount).HasPrecision(18, 0);
    }

    public void Configure(EntityTypeBuilder<Recipient> e)
    {
        e.ToTable("Recipients");
        e.Property(x => x.Text).HasMaxLength(500);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.Property(x => x.Number).HasMaxLength(20);
        e.Property(x => x.AgencyAsWritten).HasMaxLength(500);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PlanAmendment> e)
    {
        e.ToTable("PlanAmendments");
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.DocumentNumber).HasMaxLength(60);
        e.Property(x => x.ByUser).HasMaxLength(256);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(t => t.Text).HasMaxLength(4000);
        e.Property(t => t.DeadlineText).HasMaxLength(300);
        e.Property(t => t.DeadlineKind).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Recurrence).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.FundingSource).HasConversion<string>().HasMaxLength(30);
        e.Property(t => t.PlannedBudget).HasPrecision(18, 0);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.OwnsMany(t => t.Targets, b => b.ToJson());
        e.HasOne<Assignment>().WithMany().HasForeignKey(t => t.AssignmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(t => t.LeadAgency).WithMany().HasForeignKey(t => t.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Coordinators).WithOne().HasForeignKey(c => c.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Themes).WithOne().HasForeignKey(c => c.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Channels).WithOne().HasForeignKey(c => c.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Occurrences).WithOne(o => o.Task).HasForeignKey(o => o.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => t.LeadAgencyId);
    }
}

internal sealed class TaskLinksConfiguration :
    IEntityTypeConfiguration<TaskCoordinator>, IEntityTypeConfiguration<TaskTheme>, IEntityTypeConfiguration<TaskChannel>
{
    public void Configure(EntityTypeBuilder<TaskCoordinator> e)
    {
        e.ToTable("TaskCoordinators");
        e.HasKey(x => new { x.PlanTaskId, x.OrganisationId });
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<TaskTheme> e)
    {
        e.ToTable("TaskThemes");
        e.HasKey(x => new { x.PlanTaskId, x.ThemeId });
        e.HasOne<Theme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TaskChannel> e)
    {
        e.ToTable("TaskChannels");
        e.HasKey(x => new { x.PlanTaskId, x.PlanChannelId });
        e.HasOne<PlanChannel>().WithMany().HasForeignKey(x => x.PlanChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}
