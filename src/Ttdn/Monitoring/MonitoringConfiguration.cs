using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ttdn.Monitoring;

internal sealed class MonitoringConfiguration :
    IEntityTypeConfiguration<MediaSource>, IEntityTypeConfiguration<FetchRun>, IEntityTypeConfiguration<MediaItem>,
    IEntityTypeConfiguration<MediaMention>, IEntityTypeConfiguration<MediaItemTheme>, IEntityTypeConfiguration<SavedSearch>,
    IEntityTypeConfiguration<MonitoringAlert>, IEntityTypeConfiguration<DigestRecipient>, IEntityTypeConfiguration<Digest>
{
    public void Configure(EntityTypeBuilder<MediaSource> e)
    {
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Url).HasMaxLength(2000);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.Format).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Country).HasMaxLength(2);
        e.Property(s => s.Language).HasMaxLength(10);
        e.Property(s => s.Tags).HasMaxLength(500);
        e.Property(s => s.ETag).HasMaxLength(300);
        e.Property(s => s.LastError).HasMaxLength(1000);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => s.NextFetchAt);
        e.Ignore(s => s.IsForeign);
    }

    public void Configure(EntityTypeBuilder<FetchRun> e)
    {
        e.Property(r => r.Error).HasMaxLength(1000);
        e.HasOne<MediaSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.SourceId, r.At });
    }

    public void Configure(EntityTypeBuilder<MediaItem> e)
    {
        e.ToTable("MediaItems");
        e.Property(i => i.Url).HasMaxLength(2000);
        e.Property(i => i.UrlKey).HasMaxLength(2000);
        e.Property(i => i.Title).HasMaxLength(1000);
        e.Property(i => i.Language).HasMaxLength(10);
        e.Property(i => i.Provinces).HasMaxLength(500);
        e.Property(i => i.DetectedTone).HasConversion<int>();
        e.Property(i => i.Tone).HasConversion<int>();
        e.Property(i => i.ToneOverriddenBy).HasMaxLength(256);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Ignore(i => i.ToneOverridden);
        e.HasOne<MediaSource>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => i.UrlKey).IsUnique();
        e.HasIndex(i => i.PublishedAt);
        e.HasIndex(i => new { i.Language, i.PublishedAt }); // a language over a date range, newest first (search without text)
        e.HasIndex(i => new { i.SourceId, i.PublishedAt });
        e.HasIndex(i => i.ClusterId);
    }

    public void Configure(EntityTypeBuilder<MediaMention> e)
    {
        e.Property(m => m.EntryKey).HasMaxLength(100);
        e.Property(m => m.ProvinceKey).HasMaxLength(50);
        e.HasOne<MediaItem>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => new { m.ProvinceKey, m.ItemId });
        e.HasIndex(m => m.ItemId);
    }

    public void Configure(EntityTypeBuilder<MediaItemTheme> e)
    {
        e.HasKey(t => new { t.ItemId, t.ThemeId });
        e.HasOne<MediaItem>().WithMany().HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Plans.Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => t.ThemeId);
    }

    public void Configure(EntityTypeBuilder<SavedSearch> e)
    {
        e.Property(s => s.OwnerUserName).HasMaxLength(256);
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Query).HasMaxLength(500);
        e.Property(s => s.Language).HasMaxLength(10);
        e.Property(s => s.ProvinceKey).HasMaxLength(50);
        e.HasIndex(s => s.OwnerUserName);
    }

    public void Configure(EntityTypeBuilder<MonitoringAlert> e)
    {
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Key).HasMaxLength(200);
        e.Property(a => a.Title).HasMaxLength(500);
        e.Property(a => a.Detail).HasMaxLength(2000);
        e.Property(a => a.ProvinceKey).HasMaxLength(50);
        e.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        e.HasIndex(a => a.Key).IsUnique();
        e.HasIndex(a => a.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<DigestRecipient> e)
    {
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Email).HasMaxLength(256);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Digest> e)
    {
        e.Property(d => d.ProvinceKey).HasMaxLength(50);
        e.Property(d => d.Token).HasMaxLength(64);
        e.Property(d => d.SendError).HasMaxLength(1000);
        e.HasIndex(d => d.Token).IsUnique();
        e.HasIndex(d => new { d.ProvinceKey, d.Day }).IsUnique();
    }
}
