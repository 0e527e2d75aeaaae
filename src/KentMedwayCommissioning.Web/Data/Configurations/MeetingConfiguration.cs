using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(meeting => meeting.Title).HasMaxLength(200);
        builder.Property(meeting => meeting.Place).HasMaxLength(200);
        builder.Property(meeting => meeting.Source).HasMaxLength(500);
        builder.Property(meeting => meeting.DateAsReported).HasMaxLength(200);
        builder.HasOne(meeting => meeting.Body).WithMany().HasForeignKey(meeting => meeting.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(meeting => new { meeting.BodyId, meeting.StartsAt });
        builder.HasMany(meeting => meeting.Items).WithOne(item => item.Meeting).HasForeignKey(item => item.MeetingId);
        builder.Navigation(meeting => meeting.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(meeting => meeting.Attendances).WithOne().HasForeignKey(attendance => attendance.MeetingId);
        builder.Navigation(meeting => meeting.Attendances).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.HasIndex(attendance => new { attendance.MeetingId, attendance.PersonId }).IsUnique();
        builder.HasOne(attendance => attendance.Person).WithMany().HasForeignKey(attendance => attendance.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(attendance => attendance.IsPresent);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(item => item.Title).HasMaxLength(300);
        builder.Property(item => item.Question).HasMaxLength(2000);
        builder.Property(item => item.OutcomeExplanation).HasMaxLength(2000);
        builder.Property(item => item.OutcomeReason).HasMaxLength(2000);
        builder.Property(item => item.MadePublicReason).HasMaxLength(400);
        builder.HasIndex(item => new { item.MeetingId, item.Number }).IsUnique();
        builder.HasIndex(item => item.ProposalId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(item => item.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(item => item.CastingVoteByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(item => item.Papers).WithOne().HasForeignKey(paper => paper.AgendaItemId);
        builder.Navigation(item => item.Papers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(item => item.Declarations).WithOne().HasForeignKey(declaration => declaration.AgendaItemId);
        builder.Navigation(item => item.Declarations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(item => item.IsDecided);
        builder.Ignore(item => item.AwaitsCastingVote);
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("ck_agenda_items_question_for_decision", "kind <> 'ForDecision' OR question IS NOT NULL");
            table.HasCheckConstraint("ck_agenda_items_casting_vote", "casting_vote IS NULL OR casting_vote <> 'Abstain'");
        });
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.Property(paper => paper.Title).HasMaxLength(300);
        builder.Property(paper => paper.Url).HasMaxLength(2000);
        builder.Property(paper => paper.Text).HasMaxLength(100_000);
        builder.Property(paper => paper.FileName).HasMaxLength(255);
        builder.Property(paper => paper.ContentType).HasMaxLength(100);
        builder.Property(paper => paper.Sha256).HasMaxLength(64);
        builder.Ignore(paper => paper.IsDocument);
        builder.ToTable(table =>
        {
            table.HasCheckConstraint("ck_papers_text_or_link", "url IS NOT NULL OR text IS NOT NULL OR content IS NOT NULL");
            table.HasCheckConstraint("ck_papers_document", "(content IS NULL) = (file_name IS NULL) AND (content IS NULL) = (content_type IS NULL)");
        });
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.Property(declaration => declaration.Interest).HasMaxLength(2000);
        builder.Property(declaration => declaration.RecordedBy).HasMaxLength(256);
        builder.HasIndex(declaration => new { declaration.AgendaItemId, declaration.PersonId }).IsUnique();
        builder.HasOne(declaration => declaration.Person).WithMany().HasForeignKey(declaration => declaration.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        // One current vote per member per item, whatever the application does.
        builder.HasIndex(vote => new { vote.AgendaItemId, vote.PersonId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(vote => vote.AgendaItemId);
        builder.HasOne(vote => vote.Person).WithMany().HasForeignKey(vote => vote.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteEventConfiguration : IEntityTypeConfiguration<VoteEvent>
{
    public void Configure(EntityTypeBuilder<VoteEvent> builder)
    {
        builder.Property(voteEvent => voteEvent.RecordedBy).HasMaxLength(256);
        builder.Property(voteEvent => voteEvent.Reason).HasMaxLength(2100);
        builder.HasIndex(voteEvent => new { voteEvent.AgendaItemId, voteEvent.At });
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(voteEvent => voteEvent.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(voteEvent => voteEvent.Person).WithMany().HasForeignKey(voteEvent => voteEvent.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterestConfiguration : IEntityTypeConfiguration<Interest>
{
    public void Configure(EntityTypeBuilder<Interest> builder)
    {
        builder.Property(interest => interest.Description).HasMaxLength(2000);
        builder.Property(interest => interest.Touches).HasMaxLength(500);
        builder.Property(interest => interest.Management).HasMaxLength(1000);
        builder.Ignore(interest => interest.IsDeclaredLate);
        builder.Property(interest => interest.From).HasColumnName("from_date");
        builder.Property(interest => interest.To).HasColumnName("to_date");
        builder.HasOne(interest => interest.Person).WithMany().HasForeignKey(interest => interest.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(interest => interest.PersonId);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(proposal => proposal.Title).HasMaxLength(300);
        builder.Property(proposal => proposal.Slug).HasMaxLength(300);
        builder.Property(proposal => proposal.Description).HasMaxLength(4000);
        builder.Property(proposal => proposal.Source).HasMaxLength(500);
        builder.HasIndex(proposal => proposal.Slug).IsUnique();
        builder.HasMany(proposal => proposal.Bodies).WithOne().HasForeignKey(body => body.ProposalId);
        builder.Navigation(proposal => proposal.Bodies).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProposalBodyConfiguration : IEntityTypeConfiguration<ProposalBody>
{
    public void Configure(EntityTypeBuilder<ProposalBody> builder)
    {
        builder.ToTable("proposal_bodies");
        builder.HasKey(body => new { body.ProposalId, body.BodyId });
        builder.HasOne(body => body.Body).WithMany().HasForeignKey(body => body.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeBallotConfiguration : IEntityTypeConfiguration<PracticeBallot>
{
    public void Configure(EntityTypeBuilder<PracticeBallot> builder)
    {
        builder.Property(ballot => ballot.Question).HasMaxLength(500);
        builder.Property(ballot => ballot.Slug).HasMaxLength(500);
        builder.Property(ballot => ballot.ReportedFinding).HasMaxLength(2000);
        builder.Property(ballot => ballot.Source).HasMaxLength(500);
        builder.HasIndex(ballot => ballot.Slug).IsUnique();
        builder.HasMany(ballot => ballot.Bodies).WithOne().HasForeignKey(body => body.BallotId);
        builder.Navigation(ballot => ballot.Bodies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(ballot => ballot.Answers).WithOne().HasForeignKey(answer => answer.BallotId);
        builder.Navigation(ballot => ballot.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(ballot => ballot.MajorityThreshold).HasPrecision(5, 4);
        builder.HasMany(ballot => ballot.Practices).WithOne().HasForeignKey(practice => practice.BallotId);
        builder.Navigation(ballot => ballot.Practices).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BallotPracticeConfiguration : IEntityTypeConfiguration<BallotPractice>
{
    public void Configure(EntityTypeBuilder<BallotPractice> builder)
    {
        builder.ToTable("ballot_practices");
        builder.Property(practice => practice.Name).HasMaxLength(200);
        builder.Property(practice => practice.OdsCode).HasMaxLength(10);
        builder.HasIndex(practice => new { practice.BallotId, practice.BodyId, practice.Name }).IsUnique();
        builder.HasOne<PracticeBallotBody>().WithMany().HasForeignKey(practice => new { practice.BallotId, practice.BodyId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeBallotBodyConfiguration : IEntityTypeConfiguration<PracticeBallotBody>
{
    public void Configure(EntityTypeBuilder<PracticeBallotBody> builder)
    {
        builder.ToTable("practice_ballot_bodies");
        builder.HasKey(body => new { body.BallotId, body.BodyId });
        builder.HasOne(body => body.Body).WithMany().HasForeignKey(body => body.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeAnswerConfiguration : IEntityTypeConfiguration<PracticeAnswer>
{
    public void Configure(EntityTypeBuilder<PracticeAnswer> builder)
    {
        builder.Property(answer => answer.PracticeName).HasMaxLength(200);
        builder.Property(answer => answer.RecordedBy).HasMaxLength(256);
        builder.HasIndex(answer => new { answer.BallotId, answer.BodyId, answer.PracticeName }).IsUnique();
        builder.HasOne<PracticeBallotBody>().WithMany().HasForeignKey(answer => new { answer.BallotId, answer.BodyId }).OnDelete(DeleteBehavior.Restrict);
    }
}
