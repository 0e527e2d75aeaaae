using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal static class ReportedDateMapping
{
    /// <summary>A ReportedDate as two columns: {prefix}_date and {prefix}_as_reported.</summary>
    public static void MapReportedDate<TEntity>(this EntityTypeBuilder<TEntity> builder, System.Linq.Expressions.Expression<Func<TEntity, ReportedDate?>> property, string prefix)
        where TEntity : class =>
        builder.ComplexProperty(property, date =>
        {
            date.Property(value => value.Date).HasColumnName($"{prefix}_date");
            date.Property(value => value.AsReported).HasColumnName($"{prefix}_as_reported").HasMaxLength(100);
        });
}

internal sealed class ProgrammePlanConfiguration : IEntityTypeConfiguration<ProgrammePlan>
{
    public void Configure(EntityTypeBuilder<ProgrammePlan> builder)
    {
        builder.ToTable("programmes");
        builder.Property(programme => programme.Name).HasMaxLength(200);
        builder.Property(programme => programme.Slug).HasMaxLength(200);
        builder.Property(programme => programme.Description).HasMaxLength(4000);
        builder.HasIndex(programme => programme.Slug).IsUnique();
        builder.ToTable(table => table.HasCheckConstraint("ck_programmes_margin", "margin_days >= 0"));
        builder.HasOne<Body>().WithMany().HasForeignKey(programme => programme.EstablishesBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(programme => programme.Changes).WithOne().HasForeignKey(change => change.ProgrammeId);
        builder.Navigation(programme => programme.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProgrammeChangeConfiguration : IEntityTypeConfiguration<ProgrammeChange>
{
    public void Configure(EntityTypeBuilder<ProgrammeChange> builder)
    {
        builder.ToTable("programme_changes");
        builder.Property(change => change.Change).HasMaxLength(2000);
        builder.Property(change => change.Reason).HasMaxLength(2000);
        builder.Property(change => change.ChangedBy).HasMaxLength(256);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(milestone => milestone.Title).HasMaxLength(300);
        builder.Property(milestone => milestone.Owner).HasMaxLength(200);
        builder.Property(milestone => milestone.Source).HasMaxLength(500);
        builder.MapReportedDate(milestone => milestone.Baseline, "baseline");
        builder.MapReportedDate(milestone => milestone.Forecast, "forecast");
        builder.HasOne<ProgrammePlan>().WithMany().HasForeignKey(milestone => milestone.ProgrammeId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(milestone => milestone.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(milestone => new { milestone.ProgrammeId, milestone.Title }).IsUnique();
        builder.HasMany(milestone => milestone.ForecastChanges).WithOne().HasForeignKey(change => change.MilestoneId);
        builder.Navigation(milestone => milestone.ForecastChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(milestone => milestone.Dependencies).WithOne().HasForeignKey(dependency => dependency.MilestoneId);
        builder.Navigation(milestone => milestone.Dependencies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(milestone => milestone.Changes).WithOne().HasForeignKey(change => change.MilestoneId);
        builder.Navigation(milestone => milestone.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(milestone => milestone.SlippageDays);
    }
}

internal sealed class ForecastChangeConfiguration : IEntityTypeConfiguration<ForecastChange>
{
    public void Configure(EntityTypeBuilder<ForecastChange> builder)
    {
        builder.Property(change => change.Reason).HasMaxLength(2000);
        builder.Property(change => change.ChangedBy).HasMaxLength(256);
        builder.MapReportedDate(change => change.Previous, "previous");
        builder.MapReportedDate(change => change.Forecast, "forecast");
    }
}

internal sealed class MilestoneChangeConfiguration : IEntityTypeConfiguration<MilestoneChange>
{
    public void Configure(EntityTypeBuilder<MilestoneChange> builder)
    {
        builder.ToTable("milestone_changes");
        builder.Property(change => change.Change).HasMaxLength(2000);
        builder.Property(change => change.Reason).HasMaxLength(2000);
        builder.Property(change => change.ChangedBy).HasMaxLength(256);
    }
}

internal sealed class MilestoneDependencyConfiguration : IEntityTypeConfiguration<MilestoneDependency>
{
    public void Configure(EntityTypeBuilder<MilestoneDependency> builder)
    {
        builder.HasKey(dependency => new { dependency.MilestoneId, dependency.DependsOnId });
        builder.HasOne<Milestone>().WithMany().HasForeignKey(dependency => dependency.DependsOnId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(table => table.HasCheckConstraint("ck_milestone_dependencies_not_self", "milestone_id <> depends_on_id"));
    }
}

internal sealed class MergerConfiguration : IEntityTypeConfiguration<Merger>
{
    public void Configure(EntityTypeBuilder<Merger> builder)
    {
        builder.Property(merger => merger.Title).HasMaxLength(300);
        builder.Property(merger => merger.Slug).HasMaxLength(300);
        builder.Property(merger => merger.Source).HasMaxLength(500);
        builder.HasIndex(merger => merger.Slug).IsUnique();
        builder.HasOne<Body>().WithMany().HasForeignKey(merger => merger.FormsBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(merger => merger.ApproverBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PracticeBallot>().WithMany().HasForeignKey(merger => merger.PracticeBallotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(merger => merger.Conditions).WithOne().HasForeignKey(condition => condition.MergerId);
        builder.Navigation(merger => merger.Conditions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MergerConditionConfiguration : IEntityTypeConfiguration<MergerCondition>
{
    public void Configure(EntityTypeBuilder<MergerCondition> builder)
    {
        builder.Property(condition => condition.Description).HasMaxLength(500);
        builder.Property(condition => condition.Owner).HasMaxLength(200);
        builder.Property(condition => condition.Evidence).HasMaxLength(4000);
        builder.Ignore(condition => condition.IsMet);
        builder.ToTable(table => table.HasCheckConstraint("ck_merger_conditions_met_with_evidence", "met_on IS NULL OR evidence IS NOT NULL"));
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(consultation => consultation.Title).HasMaxLength(300);
        builder.Property(consultation => consultation.Slug).HasMaxLength(300);
        builder.Property(consultation => consultation.Subject).HasMaxLength(4000);
        builder.Property(consultation => consultation.Source).HasMaxLength(500);
        builder.HasIndex(consultation => consultation.Slug).IsUnique();
        builder.MapReportedDate(consultation => consultation.DecisionExpected, "decision_expected");
        builder.HasOne<Body>().WithMany().HasForeignKey(consultation => consultation.DecidingBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(consultation => consultation.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(consultation => consultation.LengthInWeeks);
        builder.ToTable(table => table.HasCheckConstraint("ck_consultations_dates", "closes >= opens"));
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(contract => contract.Service).HasMaxLength(300);
        builder.Property(contract => contract.Provider).HasMaxLength(300);
        builder.Property(contract => contract.Value).HasPrecision(14, 2);
        builder.HasOne<Body>().WithMany().HasForeignKey(contract => contract.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(contract => contract.MustBeRecommissioned);
        builder.Ignore(contract => contract.RecommissioningDue);
        builder.ToTable(table => table.HasCheckConstraint("ck_contracts_value", "value >= 0"));
    }
}

internal sealed class CommissioningLevelConfiguration : IEntityTypeConfiguration<CommissioningLevel>
{
    public void Configure(EntityTypeBuilder<CommissioningLevel> builder)
    {
        builder.Property(level => level.Name).HasMaxLength(200);
        builder.Property(level => level.Description).HasMaxLength(1000);
        builder.Property(level => level.Source).HasMaxLength(500);
        builder.HasIndex(level => level.Name).IsUnique();
    }
}

internal sealed class FunctionAllocationConfiguration : IEntityTypeConfiguration<FunctionAllocation>
{
    public void Configure(EntityTypeBuilder<FunctionAllocation> builder)
    {
        builder.Property(allocation => allocation.Function).HasMaxLength(300);
        builder.Property(allocation => allocation.DecidedBy).HasMaxLength(300);
        // One level per function, whatever the application does.
        builder.HasIndex(allocation => allocation.Function).IsUnique();
        builder.HasOne<CommissioningLevel>().WithMany().HasForeignKey(allocation => allocation.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}
