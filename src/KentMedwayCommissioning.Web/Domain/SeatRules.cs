using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain;

/// <summary>
/// Whether a new seat may be added to a body beside the person's other seats on it. A chair's or vice-chair's seat
/// may sit beside another seat (the chair is often also a GP or lay member); any other two seats of one person on one
/// body must not overlap in time, or the roll would count the person twice for a day.
/// </summary>
public static class SeatRules
{
    public sealed record Period(MemberRole Role, bool HasVote, DateOnly? From, DateOnly? To);

    /// <summary>A refusal and the field of the form it belongs next to.</summary>
    public sealed record Refusal(string Field, string Message);

    public static Refusal? WhyNotAdd(Period seat, IReadOnlyCollection<Period> personsOtherSeats, GovernanceRule rule)
    {
        if (seat.From is not null && seat.To is not null && seat.To < seat.From)
        {
            return new Refusal("To", "The seat must end on or after the day it starts");
        }

        if (seat.Role == MemberRole.OfficerInAttendance && seat.HasVote)
        {
            return new Refusal("HasVote", "An officer in attendance does not vote");
        }

        var clash = personsOtherSeats.FirstOrDefault(other => Overlap(seat, other) && Presides(seat.Role) == Presides(other.Role));
        if (clash is not null)
        {
            return new Refusal("From", $"This person already holds a seat on this body ({clash.Role.DisplayName()}, {Describe(clash)}) for part of this period");
        }

        // The casting vote belongs to a chair who votes: without a vote on the chair's seat, another voting seat must cover it.
        if (seat.Role == MemberRole.Chair && !seat.HasVote && rule.ChairHasCastingVote
            && !personsOtherSeats.Any(other => other.HasVote && Covers(other, seat)))
        {
            return new Refusal("HasVote", "This body's chair has a casting vote, so the chair needs a vote: give this seat a vote, or first add the person's voting seat for the same period");
        }

        return null;
    }

    /// <summary>
    /// Whether a seat may end on <paramref name="lastDay"/>. Meetings up to yesterday counted the seat, so its end may
    /// not reach back before today: ending a seat never changes a past meeting's roll or quorum.
    /// </summary>
    public static Refusal? WhyNotEnd(Period seat, DateOnly lastDay, DateOnly today, IReadOnlyCollection<Period> personsOtherSeats, GovernanceRule rule)
    {
        if (seat.To is { } ends && ends < today)
        {
            return new Refusal("EndsOn", $"This seat has already ended ({Describe(seat)})");
        }

        if (lastDay < today)
        {
            return new Refusal("EndsOn", $"The last day cannot be before today ({Day(today)}): meetings already held counted this seat");
        }

        if (seat.From is { } from && lastDay < from)
        {
            return new Refusal("EndsOn", $"The last day cannot be before the seat starts ({Day(from)})");
        }

        if (seat.To is { } to && to < lastDay)
        {
            return new Refusal("EndsOn", $"This seat already ends on {Day(to)}: choose that day or an earlier one");
        }

        // A chair whose own seat has no vote casts the casting vote through their voting seat (VotingEligibility): that
        // seat may not end while the chair's seat goes on, unless another voting seat covers the rest of the chair's term.
        if (seat.HasVote && rule.ChairHasCastingVote)
        {
            var voteless = personsOtherSeats.FirstOrDefault(chair => chair.Role == MemberRole.Chair && !chair.HasVote && (chair.To is null || lastDay < chair.To));
            if (voteless is not null)
            {
                var rest = voteless with { From = voteless.From is { } chairFrom && lastDay < chairFrom ? chairFrom : lastDay.AddDays(1) };
                if (!personsOtherSeats.Any(other => other.HasVote && Covers(other, rest)))
                {
                    return new Refusal("SeatId", $"This person chairs the body ({Describe(voteless)}) and the chair's seat has no vote, so this is the seat that gives the chair a vote: ending it first, the chair would lose the casting vote. End the chair's seat on or before this day, or first add the person's next voting seat");
                }
            }
        }

        return null;
    }

    /// <summary>The chair's and vice-chair's seats are offices held beside a member's own seat, not instead of it.</summary>
    private static bool Presides(MemberRole role) => role is MemberRole.Chair or MemberRole.ViceChair;

    public static bool Overlap(Period first, Period second) => Dated.Overlap(first.From, first.To, second.From, second.To);

    private static bool Covers(Period outer, Period inner) =>
        (outer.From is null || (inner.From is not null && outer.From <= inner.From))
        && (outer.To is null || (inner.To is not null && inner.To <= outer.To));

    private static string Describe(Period seat) =>
        (seat.From, seat.To) switch
        {
            (null, null) => "with no dates",
            ({ } from, null) => $"from {Day(from)}",
            (null, { } to) => $"until {Day(to)}",
            ({ } from, { } to) => $"{Day(from)} to {Day(to)}",
        };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
