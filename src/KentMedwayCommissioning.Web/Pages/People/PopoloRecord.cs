using System.Globalization;
using System.Text.Json.Serialization;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.Web.Pages.People;

/// <summary>
/// A member's public record in the Popolo shapes (person, membership, organization, vote_event, count, vote), with
/// Popolo's snake_case names. Popolo's own fields keep their meaning; what it has no field for is added beside them
/// and listed on the Open data page: the person's <c>url</c>, <c>attendance</c>, <c>vote_events</c> and
/// <c>declarations</c>; a vote event's <c>meeting</c>, <c>meeting_date</c>, <c>meeting_date_text</c> and
/// <c>casting_vote</c>; a vote's <c>withdrawal</c> and <c>withdrawal_reason</c>.
/// </summary>
public static class PopoloRecord
{
    public sealed record PopoloPerson(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("memberships")] IReadOnlyList<PopoloMembership> Memberships,
        [property: JsonPropertyName("attendance")] IReadOnlyList<PopoloAttendance> Attendance,
        [property: JsonPropertyName("vote_events")] IReadOnlyList<PopoloVoteEvent> VoteEvents,
        [property: JsonPropertyName("declarations")] IReadOnlyList<PopoloDeclaration> Declarations);

    /// <summary>A body, named by its slug (the id its own API and pages use).</summary>
    public sealed record PopoloOrganization(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name);

    /// <summary>A seat on a body (<c>role</c>), or a post held in it (<c>label</c> is the post's title).</summary>
    /// <param name="StartDate">ISO 8601, to the month when that is all the papers give.</param>
    public sealed record PopoloMembership(
        [property: JsonPropertyName("person_id")] string PersonId,
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("organization")] PopoloOrganization Organization,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("label")] string? Label,
        [property: JsonPropertyName("start_date")] string? StartDate,
        [property: JsonPropertyName("end_date")] string? EndDate);

    /// <param name="Date">The meeting's date in ISO 8601 at the precision the papers give.</param>
    public sealed record PopoloAttendance(
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("organization")] PopoloOrganization Organization,
        [property: JsonPropertyName("meeting")] string Meeting,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("date_as_reported")] string? DateAsReported,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("fictional")] bool Fictional);

    /// <param name="StartDate">Popolo's date-time: only when the meeting's time is known, otherwise null.</param>
    /// <param name="MeetingDate">ISO 8601 at the precision the papers give (<c>2018</c>, <c>2018-02</c>, …); null on entries published before it was kept.</param>
    /// <param name="MeetingDateText">The date in words, as the published entry gives it.</param>
    public sealed record PopoloVoteEvent(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("organization_id")] string OrganizationId,
        [property: JsonPropertyName("organization")] PopoloOrganization Organization,
        [property: JsonPropertyName("meeting")] string Meeting,
        [property: JsonPropertyName("start_date")] string? StartDate,
        [property: JsonPropertyName("meeting_date")] string? MeetingDate,
        [property: JsonPropertyName("meeting_date_text")] string MeetingDateText,
        [property: JsonPropertyName("motion")] PopoloMotion Motion,
        [property: JsonPropertyName("result")] string Result,
        [property: JsonPropertyName("counts")] IReadOnlyList<PopoloCount> Counts,
        [property: JsonPropertyName("votes")] IReadOnlyList<PopoloVote> Votes,
        [property: JsonPropertyName("casting_vote")] PopoloVote? CastingVote);

    public sealed record PopoloMotion([property: JsonPropertyName("text")] string Text);

    public sealed record PopoloCount(
        [property: JsonPropertyName("option")] string Option,
        [property: JsonPropertyName("value")] int Value);

    /// <param name="Option">yes, no, abstain, or "not voting" (withdrawn for a declared interest).</param>
    public sealed record PopoloVote(
        [property: JsonPropertyName("voter_id")] string VoterId,
        [property: JsonPropertyName("option")] string Option,
        [property: JsonPropertyName("withdrawal")] string? Withdrawal,
        [property: JsonPropertyName("withdrawal_reason")] string? WithdrawalReason);

    public sealed record PopoloDeclaration(
        [property: JsonPropertyName("context")] string Context,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("interest")] string Interest,
        [property: JsonPropertyName("management")] string Management);

    public static PopoloPerson From(DetailsModel.PersonDetails person, PublicRecord.Record record)
    {
        PopoloMembership Membership(string bodySlug, string bodyName, string role, string? label, string? start, DateOnly? to) =>
            new(record.Slug, bodySlug, new PopoloOrganization(bodySlug, bodyName), role, label, start, to is { } end ? Day(end) : null);

        var memberships = person.Memberships
            .Select(seat => Membership(seat.BodySlug, seat.BodyName, seat.Role.DisplayName(), null, seat.From is { } from ? Day(from) : null, seat.To))
            .Concat(person.Posts.Select(post => Membership(
                post.BodySlug, post.BodyName, post.Kind == AppointmentKind.Transitional ? "Transitional role" : "Post holder", post.Title,
                post.From is { } from ? (post.FromPrecision == DatePrecision.Month ? from.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Day(from)) : null, post.To)))
            .ToList();

        return new PopoloPerson(
            record.Slug,
            record.FullName,
            $"/people/{record.Slug}",
            memberships,
            [
                .. record.Attendance.Select(meeting => new PopoloAttendance(
                    meeting.BodySlug, new PopoloOrganization(meeting.BodySlug, meeting.BodyName), meeting.MeetingTitle,
                    MeetingDate.Iso(meeting.StartsAt, meeting.DatePrecision), meeting.DateAsReported, meeting.Status.ToString().ToLowerInvariant(), meeting.IsFictional)),
            ],
            [.. record.Votes.Select(vote => VoteEvent(record.Slug, vote))],
            [
                .. record.Declarations.Select(declaration => new PopoloDeclaration(
                    declaration.Context.ToString().ToLowerInvariant(), declaration.Subject, declaration.Link, declaration.Interest, declaration.Management)),
            ]);
    }

    private static PopoloVoteEvent VoteEvent(string voterId, PublicRecord.VoteOnDecision vote) => new(
        $"/decisions/{vote.Sequence}",
        vote.BodySlug,
        new PopoloOrganization(vote.BodySlug, vote.BodyName),
        vote.MeetingTitle,
        // Popolo's start_date is a date-time: a meeting known only to its day, month or year has none, and says so in meeting_date.
        vote.MeetingDateIso is { } iso && MeetingDate.PrecisionOf(iso) == MeetingDatePrecision.Time ? iso : null,
        vote.MeetingDateIso,
        vote.MeetingDate,
        new PopoloMotion(vote.Question ?? vote.ItemTitle),
        vote.Outcome,
        [.. Counts(vote)],
        [new PopoloVote(voterId, vote.Vote is { } choice ? Option(choice) : "not voting", vote.Withdrawal, vote.WithdrawalReason)],
        vote.CastingVote is { } casting ? new PopoloVote(voterId, Option(casting), null, null) : null);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<PopoloCount> Counts(PublicRecord.VoteOnDecision vote)
    {
        if (vote.VotesFor is { } yes)
        {
            yield return new PopoloCount("yes", yes);
        }

        if (vote.VotesAgainst is { } no)
        {
            yield return new PopoloCount("no", no);
        }

        if (vote.Abstentions is { } abstain)
        {
            yield return new PopoloCount("abstain", abstain);
        }
    }

    private static string Option(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "yes",
        VoteChoice.Against => "no",
        VoteChoice.Abstain => "abstain",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };
}
