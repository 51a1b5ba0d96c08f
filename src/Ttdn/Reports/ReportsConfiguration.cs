using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ttdn.Organisations;

namespace Ttdn.Reports;

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>, IEntityTypeConfiguration<TemplateIndicator>, IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> e)
    {
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Code).IsUnique();
        e.OwnsMany(x => x.Sections, b => b.ToJson());
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ConsolidatorId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TemplateIndicator> e)
    {
        e.ToTable("TemplateIndicators");
        e.HasKey(x => new { x.TemplateId, x.IndicatorId });
        e.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Unit).HasMaxLength(60);
        e.Property(x => x.Group).HasMaxLength(200);
        e.Property(x => x.TargetUnit).HasMaxLength(60);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class AgencyReportConfiguration : IEntityTypeConfiguration<AgencyReport>, IEntityTypeConfiguration<ReportFigure>,
    IEntityTypeConfiguration<ReportEvent>, IEntityTypeConfiguration<ConsolidatedReport>
{
    public void Configure(EntityTypeBuilder<AgencyReport> e)
    {
        e.Property(x => x.PeriodLabel).HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
        e.Property(x => x.ReturnComment).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsLocked);
        e.Ignore(x => x.IsEditable);
        e.Ignore(x => x.IsIn);
        e.Ignore(x => x.WasLate);
        e.OwnsMany(x => x.Narratives, b => b.ToJson());
        e.HasOne(x => x.Template).WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Figures).WithOne().HasForeignKey(x => x.AgencyReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.AgencyReportId).OnDelete(DeleteBehavior.Cascade);
        // One report per organisation, plan, template and period; also the consolidation's lookup.
        e.HasIndex(x => new { x.PlanId, x.TemplateId, x.PeriodLabel, x.OrganisationId }).IsUnique();
        e.HasIndex(x => x.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<ReportFigure> e)
    {
        e.ToTable("ReportFigures");
        e.Property(x => x.Part).HasMaxLength(100);
        e.Property(x => x.Value).HasPrecision(18, 2);
        e.Property(x => x.NameAsFiled).HasMaxLength(300);
        e.Property(x => x.UnitAsFiled).HasMaxLength(60);
        e.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.IndicatorId);
    }

    public void Configure(EntityTypeBuilder<ReportEvent> e)
    {
        e.ToTable("ReportEvents");
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Comment).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<ConsolidatedReport> e)
    {
        e.Property(x => x.PeriodLabel).HasMaxLength(20);
        e.Property(x => x.Number).HasMaxLength(60);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.OwnsMany(x => x.Texts, b => b.ToJson());
        e.HasOne<ReportTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Ttdn.Plans.Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TemplateId, x.PeriodLabel, x.OrganisationId, x.PlanId }).IsUnique();
    }
}
