using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.Property(body => body.Name).HasMaxLength(200);
        builder.Property(body => body.Slug).HasMaxLength(200);
        builder.HasIndex(body => body.Slug).IsUnique();
        builder.Property(body => body.Description).HasMaxLength(4000);
        builder.Property(body => body.TermsOfReference).HasMaxLength(4000);
        builder.ComplexProperty(body => body.Rule, rule =>
        {
            rule.Property(r => r.QuorumFraction).HasColumnName("quorum_fraction").HasPrecision(4, 3);
            rule.Property(r => r.RequiresLayMember).HasColumnName("quorum_requires_lay_member");
            rule.Property(r => r.RequiresClinicalMember).HasColumnName("quorum_requires_clinical_member");
            rule.Property(r => r.MajorityThreshold).HasColumnName("majority_threshold").HasPrecision(4, 3);
            rule.Property(r => r.ChairHasCastingVote).HasColumnName("chair_has_casting_vote");
            rule.Property(r => r.WithdrawnMembersCountTowardsQuorum).HasColumnName("withdrawn_members_count_towards_quorum");
        });
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("ck_bodies_quorum_fraction", "quorum_fraction > 0 AND quorum_fraction <= 1");
            table.HasCheckConstraint("ck_bodies_majority_threshold", "majority_threshold >= 0.5 AND majority_threshold < 1");
            table.HasCheckConstraint("ck_bodies_existed", "existed_to IS NULL OR existed_from IS NULL OR existed_to >= existed_from");
        });
        builder.HasMany(body => body.MemberBodies).WithOne(member => member.Committee).HasForeignKey(member => member.CommitteeId);
        builder.Navigation(body => body.MemberBodies).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BodyChangeConfiguration : IEntityTypeConfiguration<BodyChange>
{
    public void Configure(EntityTypeBuilder<BodyChange> builder)
    {
        builder.HasOne(change => change.Body).WithMany().HasForeignKey(change => change.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(change => change.Change).HasMaxLength(2000);
        builder.Property(change => change.Reason).HasMaxLength(2000);
    }
}

internal sealed class JointCommitteeMemberConfiguration : IEntityTypeConfiguration<JointCommitteeMember>
{
    public void Configure(EntityTypeBuilder<JointCommitteeMember> builder)
    {
        // A body may leave a committee and join it again later, so a membership is a dated row with its own key.
        builder.HasKey(member => member.Id);
        builder.HasOne(member => member.MemberBody).WithMany().HasForeignKey(member => member.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(member => member.Representative).WithMany().HasForeignKey(member => member.RepresentativeId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(member => member.DelegatedFunctions).HasMaxLength(2000);
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.HasOne<Body>().WithMany().HasForeignKey(delegation => delegation.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(delegation => delegation.MemberBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FunctionAllocation>().WithMany().HasForeignKey(delegation => delegation.FunctionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublishedDecision>().WithMany().HasForeignKey(delegation => delegation.AuthorisedBySequence).OnDelete(DeleteBehavior.Restrict);
    }
}
