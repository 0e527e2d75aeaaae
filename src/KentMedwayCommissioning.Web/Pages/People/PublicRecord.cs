using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Registers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

/// <summary>
/// A member's public record: attendance at meetings, every named vote on a published decision (with any withdrawal
/// and casting vote), and every declaration the guidance publishes and how it was managed. Shown on the person's page
/// and as JSON at <c>/api/v1/people/{slug}/record</c> in the Popolo shapes (<see cref="PopoloRecord"/>).
/// </summary>
public static class PublicRecord
{
    public sealed record Query(string Slug) : IQuery<Record?>;

    public sealed record Record(
        string FullName,
        string Slug,
        IReadOnlyList<MeetingAttended> Attendance,
        IReadOnlyList<VoteOnDecision> Votes,
        IReadOnlyList<PublishedDeclaration> Declarations);

    public sealed record MeetingAttended(
        string BodyName, string BodySlug, string MeetingTitle, DateTimeOffset StartsAt, MeetingDatePrecision DatePrecision, string? DateAsReported, AttendanceStatus Status, bool IsFictional);

    /// <summary>The person's part in one published decision: their vote, their casting vote, or their withdrawal.</summary>
    public sealed record VoteOnDecision(
        long Sequence,
        string BodyName,
        string BodySlug,
        string MeetingTitle,
        string MeetingDate,
        string? MeetingDateIso,
        string ItemTitle,
        string? Question,
        string Outcome,
        int? VotesFor,
        int? VotesAgainst,
        int? Abstentions,
        VoteChoice? Vote,
        VoteChoice? CastingVote,
        string? WithdrawalReason,
        string? Withdrawal);

    /// <summary>Where the declaration was made: at a meeting (on a published decision), on a procurement decision, or on the register.</summary>
    public enum DeclarationContext
    {
        Meeting,
        Procurement,
        Register,
    }

    public sealed record PublishedDeclaration(DeclarationContext Context, string Subject, string Link, string Interest, string Management);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Record?>
    {
        public async ValueTask<Record?> Handle(Query query, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(candidate => candidate.Slug == query.Slug).Select(candidate => new { candidate.Id, candidate.FullName, candidate.Slug }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return null;
            }

            var attendance = await db.Attendances.AsNoTracking()
                .Where(attendance => attendance.PersonId == person.Id)
                .Join(db.Meetings, attendance => attendance.MeetingId, meeting => meeting.Id, (attendance, meeting) => new { attendance, meeting })
                .OrderByDescending(row => row.meeting.StartsAt)
                .Select(row => new MeetingAttended(
                    row.meeting.Body!.Name, row.meeting.Body.Slug, row.meeting.Title, row.meeting.StartsAt, row.meeting.DatePrecision, row.meeting.DateAsReported, row.attendance.Status, row.meeting.IsFictional))
                .ToListAsync(cancellationToken);

            // What was published, never the live tables: the person's part in each current entry (one that no later
            // correction replaces). Entries published before person ids were stored name the member only, by the name
            // they had then, so former names count too.
            var names = await db.PersonChanges.AsNoTracking()
                .Where(change => change.PersonId == person.Id && change.FormerName != null)
                .Select(change => change.FormerName!)
                .ToListAsync(cancellationToken);
            names.Add(person.FullName);
            // Votes and declarations are each one jsonb array of the published records (PublishedDecisionConfiguration).
            var entries = await db.PublishedDecisions.FromSql($"""
                    SELECT * FROM published_decisions
                    WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(votes) AS vote
                                  WHERE (vote ->> 'PersonId')::int = {person.Id} OR (vote ->> 'PersonId' IS NULL AND vote ->> 'Member' = ANY ({names})))
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements(declarations) AS declaration
                                  WHERE (declaration ->> 'PersonId')::int = {person.Id} OR (declaration ->> 'PersonId' IS NULL AND declaration ->> 'Member' = ANY ({names})))
                    """)
                .AsNoTracking()
                .Where(decision => !db.PublishedDecisions.Any(later => later.CorrectsSequence == decision.Sequence))
                .OrderByDescending(decision => decision.Sequence)
                .ToListAsync(cancellationToken);
            bool IsTheirs(int? personId, string member) => personId == person.Id || (personId is null && names.Contains(member));
            var votes = entries.Select(decision =>
                {
                    var vote = decision.Votes.FirstOrDefault(vote => !vote.IsCastingVote && IsTheirs(vote.PersonId, vote.Member));
                    var casting = decision.Votes.FirstOrDefault(vote => vote.IsCastingVote && IsTheirs(vote.PersonId, vote.Member));
                    var declaration = decision.Declarations.FirstOrDefault(declaration => IsTheirs(declaration.PersonId, declaration.Member));
                    return new VoteOnDecision(
                        decision.Sequence, decision.BodyName, decision.BodySlug, decision.MeetingTitle, decision.MeetingDate, decision.MeetingDateIso, decision.ItemTitle, decision.Question,
                        decision.Outcome, decision.VotesFor, decision.VotesAgainst, decision.Abstentions,
                        vote is null ? null : Enum.Parse<VoteChoice>(vote.Vote), casting is null ? null : Enum.Parse<VoteChoice>(casting.Vote),
                        declaration?.Interest, declaration?.Management);
                })
                .ToList();

            var declarations = votes
                .Where(vote => vote.WithdrawalReason is not null)
                .Select(vote => new PublishedDeclaration(DeclarationContext.Meeting, $"{vote.BodyName}: {vote.ItemTitle}", $"/decisions/{vote.Sequence}", vote.WithdrawalReason!, vote.Withdrawal!))
                .ToList();

            var procurement = await db.ProcurementInterests.AsNoTracking()
                .Where(interest => interest.PersonId == person.Id)
                .Join(db.ProcurementDecisions, interest => interest.ProcurementDecisionId, decision => decision.Id, (interest, decision) => new { interest, decision })
                .Join(db.Contracts, row => row.decision.ContractId, contract => contract.Id, (row, contract) => new { row.interest, row.decision, contract.Service })
                .OrderByDescending(row => row.decision.DecidedOn)
                .Select(row => new { row.decision.Id, row.Service, row.interest.Interest, row.interest.Management })
                .ToListAsync(cancellationToken);
            declarations.AddRange(procurement.Select(row => new PublishedDeclaration(DeclarationContext.Procurement, $"Procurement: {row.Service}", $"/registers/procurement#procurement-{row.Id}", row.Interest, row.Management.DisplayName())));

            var today = UkCalendar.Today(clock);
            var endedOnOrAfter = ConflictsOfInterestGuidance.PublishedIfEndedOnOrAfter(today);
            var standing = await db.Interests.AsNoTracking()
                .Where(interest => interest.PersonId == person.Id && DecisionMakingStaff.PersonIds(db, today).Contains(person.Id) && (interest.To == null || interest.To >= endedOnOrAfter))
                .OrderByDescending(interest => interest.DeclaredOn)
                .Select(interest => new { interest.Kind, interest.Description, interest.Management })
                .ToListAsync(cancellationToken);
            declarations.AddRange(standing.Select(interest => new PublishedDeclaration(DeclarationContext.Register, $"Register of interests ({Interest.DisplayName(interest.Kind).ToLowerInvariant()})", "/registers/interests", interest.Description, interest.Management ?? "None recorded")));

            return new Record(person.FullName, person.Slug, attendance, votes, declarations);
        }
    }

    public static void MapPeopleApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/api/v1/people/{slug}/record", async (string slug, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new DetailsModel.Query(slug), cancellationToken) is { IsPublic: true } person
                && await sender.Send(new Query(slug), cancellationToken) is { } record
                    ? Results.Ok(PopoloRecord.From(person, record))
                    // Not listed in public: as if there were no such person (their part in published decisions stays there).
                    : throw new NotFoundException($"There is no person '{slug}'."), endpoint => endpoint.WithDataVersionValidators())
            .WithName("GetPersonRecord").Produces<PopoloRecord.PopoloPerson>();
}
