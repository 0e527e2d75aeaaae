using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasOne(membership => membership.Body).WithMany().HasForeignKey(membership => membership.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(membership => membership.From).HasColumnName("from_date");
        builder.Property(membership => membership.To).HasColumnName("to_date");
        builder.HasOne(membership => membership.Person).WithMany().HasForeignKey(membership => membership.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(membership => new { membership.BodyId, membership.PersonId, membership.Role, membership.From }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(membership => membership.PersonId);
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("ck_memberships_dates", "to_date IS NULL OR from_date IS NULL OR to_date >= from_date");
            table.HasCheckConstraint("ck_memberships_officer_in_attendance_does_not_vote", "role <> 'OfficerInAttendance' OR NOT has_vote");
        });
    }
}

internal sealed class SeatChangeConfiguration : IEntityTypeConfiguration<SeatChange>
{
    public void Configure(EntityTypeBuilder<SeatChange> builder)
    {
        builder.HasOne(change => change.Membership).WithMany().HasForeignKey(change => change.MembershipId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(change => change.Change).HasMaxLength(200);
        builder.Property(change => change.Reason).HasMaxLength(2000);
    }
}
