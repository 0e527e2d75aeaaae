using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class GiftOrHospitalityConfiguration : IEntityTypeConfiguration<GiftOrHospitality>
{
    public void Configure(EntityTypeBuilder<GiftOrHospitality> builder)
    {
        builder.ToTable("gifts_and_hospitality");
        builder.Property(offer => offer.Description).HasMaxLength(2000);
        builder.Property(offer => offer.Giver).HasMaxLength(300);
        builder.Property(offer => offer.SeniorApproval).HasMaxLength(300);
        builder.Property(offer => offer.RecordedBy).HasMaxLength(256);
        builder.Property(offer => offer.Value).HasPrecision(12, 2);
        builder.Ignore(offer => offer.Assessment);
        builder.HasOne(offer => offer.Person).WithMany().HasForeignKey(offer => offer.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(offer => offer.PersonId);
        builder.ToTable(table => table.HasCheckConstraint("ck_gifts_and_hospitality_value", "value >= 0"));
    }
}

internal sealed class ProcurementDecisionConfiguration : IEntityTypeConfiguration<ProcurementDecision>
{
    public void Configure(EntityTypeBuilder<ProcurementDecision> builder)
    {
        builder.Property(decision => decision.RecordedBy).HasMaxLength(256);
        builder.HasOne<Body>().WithMany().HasForeignKey(decision => decision.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(decision => decision.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(decision => decision.ContractId).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(decision => decision.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublishedDecision>().WithMany().HasForeignKey(decision => decision.DecisionSequence).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(decision => decision.Interests).WithOne().HasForeignKey(interest => interest.ProcurementDecisionId);
        builder.Navigation(decision => decision.Interests).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProcurementInterestConfiguration : IEntityTypeConfiguration<ProcurementInterest>
{
    public void Configure(EntityTypeBuilder<ProcurementInterest> builder)
    {
        builder.Property(interest => interest.Interest).HasMaxLength(2000);
        builder.HasIndex(interest => new { interest.ProcurementDecisionId, interest.PersonId }).IsUnique();
        builder.HasOne(interest => interest.Person).WithMany().HasForeignKey(interest => interest.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
