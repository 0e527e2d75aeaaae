using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>One member of the body as the meeting sees them: their seat and whether they are in the room.</summary>
public sealed record RollMember(
    int PersonId,
    string Name,
    string Slug,
    bool IsFictional,
    MemberRole Role,
    MemberBackground Background,
    bool HasVote,
    bool IsChair,
    AttendanceStatus? Attendance,
    DateTimeOffset? ArrivedAt,
    DateTimeOffset? LeftAt)
{
    public bool IsPresent => Attendance == AttendanceStatus.Present && LeftAt is null;
}

/// <summary>
/// The members of a meeting's body on the day of the meeting, with their attendance: what the quorum, the list of
/// eligible voters and the attendance form are all worked out from.
/// </summary>
public sealed record MeetingRoll(int MeetingId, int BodyId, string BodyName, string BodySlug, GovernanceRule Rule, IReadOnlyList<RollMember> Members)
{
    public IEnumerable<RollMember> VotingMembers => Members.Where(member => member.HasVote);

    public int? ChairPersonId => Members.FirstOrDefault(member => member.IsChair)?.PersonId;

    public QuorumAssessment MeetingQuorum() => ItemQuorum([]);

    /// <summary>
    /// Who may see the private part's items on the meeting pages: the body's members on the day and whoever runs its
    /// meetings. The public sees only that an item was considered in private.
    /// </summary>
    public bool ShowsPrivatePartTo(int? personId, bool canRun) =>
        canRun || (personId is not null && Members.Any(member => member.PersonId == personId));

    public QuorumAssessment ItemQuorum(IReadOnlyCollection<int> withdrawnPersonIds) =>
        Quorum.Assess(Rule, VotingMembers.Select(member => new QuorumSeat(member.Background, member.IsPresent, withdrawnPersonIds.Contains(member.PersonId))).ToList());

    /// <summary>Why a person may not vote on an item now, or null when they may (<see cref="VotingEligibility"/>).</summary>
    public string? WhyNotEligible(int? personId, IReadOnlyCollection<int> withdrawnPersonIds)
    {
        var member = personId is null ? null : Members.FirstOrDefault(candidate => candidate.PersonId == personId);
        return VotingEligibility.WhyNot(BodyName, member is null ? null : new VotingEligibility.Standing(member.HasVote, member.IsPresent, withdrawnPersonIds.Contains(member.PersonId)));
    }

    /// <summary>Why the secretary may not record a show-of-hands vote for a person, or null when they may.</summary>
    public string? WhyNotByShowOfHands(int personId, IReadOnlyCollection<int> withdrawnPersonIds)
    {
        var member = Members.FirstOrDefault(candidate => candidate.PersonId == personId);
        return VotingEligibility.WhyNotByShowOfHands(
            member?.Name ?? "That person", BodyName, member is null ? null : new VotingEligibility.Standing(member.HasVote, member.IsPresent, withdrawnPersonIds.Contains(member.PersonId)));
    }

    /// <summary>The members who may vote on an item now: voting, present and not withdrawn.</summary>
    public IReadOnlyList<RollMember> EligibleVoters(IReadOnlyCollection<int> withdrawnPersonIds) =>
        VotingMembers.Where(member => member.IsPresent && !withdrawnPersonIds.Contains(member.PersonId)).ToList();

    /// <summary>How many of the members eligible now have a recorded vote.</summary>
    public Turnout Turnout(IReadOnlyCollection<int> withdrawnPersonIds, IReadOnlyCollection<int> votedPersonIds)
    {
        var eligible = EligibleVoters(withdrawnPersonIds);
        return new Turnout(eligible.Count, eligible.Count(member => votedPersonIds.Contains(member.PersonId)));
    }

    public static async Task<MeetingRoll?> LoadAsync(AppDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings
            .AsNoTracking()
            .Where(meeting => meeting.Id == meetingId)
            .Select(meeting => new { meeting.Id, meeting.BodyId, BodyName = meeting.Body!.Name, BodySlug = meeting.Body.Slug, meeting.Body.Rule, meeting.StartsAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var day = UkCalendar.DayOf(meeting.StartsAt);
        var seats = await db.Memberships
            .AsNoTracking()
            .Where(membership => membership.BodyId == meeting.BodyId)
            .Where(Dated.HeldOn<Membership>(day))
            .Select(membership => new
            {
                membership.PersonId,
                membership.Person.FullName,
                membership.Person.Slug,
                membership.Person.IsFictional,
                membership.Role,
                membership.Background,
                membership.HasVote,
            })
            .ToListAsync(cancellationToken);
        var attendance = await db.Attendances
            .AsNoTracking()
            .Where(attendance => attendance.MeetingId == meetingId)
            .ToDictionaryAsync(attendance => attendance.PersonId, cancellationToken);

        // A person with two seats (say chair and GP member) is one member, shown in the first seat that votes.
        var members = seats
            .GroupBy(seat => seat.PersonId)
            .Select(group => (Seat: group.OrderByDescending(seat => seat.HasVote).ThenBy(seat => seat.Role).First(), Combined: VotingEligibility.Combine(group.Select(seat => (seat.Role, seat.HasVote)))))
            .OrderBy(member => member.Seat.Role)
            .ThenBy(member => member.Seat.FullName, StringComparer.Ordinal)
            .Select(member =>
            {
                var seat = member.Seat;
                attendance.TryGetValue(seat.PersonId, out var record);
                return new RollMember(seat.PersonId, seat.FullName, seat.Slug, seat.IsFictional, seat.Role, seat.Background, member.Combined.HasVote, member.Combined.IsChair, record?.Status, record?.ArrivedAt, record?.LeftAt);
            })
            .ToList();
        return new MeetingRoll(meeting.Id, meeting.BodyId, meeting.BodyName, meeting.BodySlug, meeting.Rule, members);
    }
}
