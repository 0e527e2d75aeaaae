using KentMedwayCommissioning.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(entry => entry.UserId).HasMaxLength(450);
        builder.Property(entry => entry.Actor).HasMaxLength(256);
        builder.Property(entry => entry.Command).HasMaxLength(200);
        builder.Property(entry => entry.Request).HasColumnType("jsonb");
        builder.Property(entry => entry.Result).HasColumnType("jsonb");
        builder.Property(entry => entry.Changes).HasColumnType("jsonb");
        // The viewer filters by actor, command and time, newest first.
        builder.HasIndex(entry => entry.At);
        builder.HasIndex(entry => new { entry.Command, entry.Id });
        builder.HasIndex(entry => new { entry.Actor, entry.Id });
    }
}
