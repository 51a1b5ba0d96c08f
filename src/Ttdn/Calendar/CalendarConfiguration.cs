using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ttdn.Organisations;

namespace Ttdn.Calendar;

internal sealed class CalendarConfiguration :
    IEntityTypeConfiguration<AnniversaryEntry>, IEntityTypeConfiguration<CalendarEvent>, IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<AnniversaryEntry> e)
    {
        e.ToTable("Anniversaries");
        e.Property(x => x.Name).HasMaxLength(500);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Calendar).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.SourceNote).HasMaxLength(1000);
        e.Property(x => x.SeedKey).HasMaxLength(600);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.SeedKey).IsUnique();
        e.HasIndex(x => x.ProvinceId);
    }

    public void Configure(EntityTypeBuilder<CalendarEvent> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Place).HasMaxLength(300);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrganisationId, x.StartDate });
        e.HasIndex(x => x.StartDate);
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.HasKey(x => x.OrganisationId);
        e.Property(x => x.Token).HasMaxLength(64);
        e.HasIndex(x => x.Token).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
