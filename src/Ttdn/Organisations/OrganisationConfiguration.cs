using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ttdn.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.ShortName).HasMaxLength(100);
        e.Property(o => o.NameKey).HasMaxLength(300);
        e.Property(o => o.ShortNameKey).HasMaxLength(100);
        e.Property(o => o.Note).HasMaxLength(2000);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasIndex(o => o.NameKey);
        e.HasIndex(o => o.ShortNameKey);
        e.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> e)
    {
        e.Property(a => a.Text).HasMaxLength(300);
        e.Property(a => a.Key).HasMaxLength(300);
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(a => a.Key);
    }
}

internal sealed class SuccessionConfiguration : IEntityTypeConfiguration<Succession>
{
    public void Configure(EntityTypeBuilder<Succession> e)
    {
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(s => s.DutyArea).HasMaxLength(200);
        e.Property(s => s.DutyAreaKey).HasMaxLength(200);
        e.Property(s => s.Note).HasMaxLength(2000);
        e.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => new { s.PredecessorId, s.EffectiveOn });
    }
}
