using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class PublishedDecisionConfiguration : IEntityTypeConfiguration<PublishedDecision>
{
    public void Configure(EntityTypeBuilder<PublishedDecision> builder)
    {
        builder.HasKey(decision => decision.Sequence);
        builder.Property(decision => decision.Sequence).ValueGeneratedNever();
        builder.Property(decision => decision.BodyName).HasMaxLength(200);
        builder.Property(decision => decision.BodySlug).HasMaxLength(200);
        builder.Property(decision => decision.MeetingTitle).HasMaxLength(200);
        builder.Property(decision => decision.MeetingDate).HasMaxLength(200);
        builder.Property(decision => decision.MeetingDateIso).HasMaxLength(20);
        builder.Property(decision => decision.ItemTitle).HasMaxLength(300);
        builder.Property(decision => decision.Question).HasMaxLength(2000);
        builder.Property(decision => decision.Outcome).HasMaxLength(40);
        builder.Property(decision => decision.Explanation).HasMaxLength(2000);
        builder.Property(decision => decision.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(decision => decision.Hash).HasMaxLength(64).IsFixedLength();
        // Each list is one jsonb value, read and written whole by System.Text.Json (PublishedJson.cs). Mapped as owned
        // JSON entities, EF Core's compiled-in lambdas made it build several delegates for every entry it read, under a
        // lock, and allocate twice as much (README, "Where the uncached time goes"). A person's record, which looked
        // into the lists with LINQ, asks PostgreSQL with jsonb_array_elements instead (PublicRecord).
        builder.Property(decision => decision.Votes).HasColumnType("jsonb")
            .HasConversion(new PublishedVotesConverter(), new JsonListComparer<PublishedVote>());
        builder.Property(decision => decision.Declarations).HasColumnType("jsonb")
            .HasConversion(new PublishedDeclarationsConverter(), new JsonListComparer<PublishedDeclaration>());
        builder.HasIndex(decision => decision.AgendaItemId);
        // A body's decisions newest first: the register's body filter, and each body's latest name for the filter's list.
        builder.HasIndex(decision => new { decision.BodySlug, decision.Sequence });
        // The corrections of a decision, shown on its page; few entries correct another, so only those are indexed.
        builder.HasIndex(decision => decision.CorrectsSequence).HasFilter("corrects_sequence IS NOT NULL");
        builder.HasIndex(decision => decision.Hash).IsUnique();
        // Full-text search reads search_vector, a stored generated column with a GIN index that the PublishedDecisions
        // migration made and PostgreSQL keeps. It is deliberately not mapped (the SearchVectorUnmapped migration took it
        // out of the model and left the column and index as they are), so reading a decision does not read and parse its
        // tsvector; the register's search filter (Pages/Decisions/RegisterQueries.cs, Matching) names it in SQL.
    }
}
