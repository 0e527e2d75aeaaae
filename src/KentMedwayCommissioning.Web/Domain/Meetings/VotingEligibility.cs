namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>
/// Who may vote on an item, in one place: a member of the body on the day of the meeting, whose seat carries a vote,
/// who is recorded as present and has not left, and who has not withdrawn for a declared interest. The meeting's roll
/// and <c>CastVote</c>'s single SQL statement both gather a person's standing and ask this rule.
/// </summary>
public static class VotingEligibility
{
    /// <summary>One person's standing on an item: whether any of their seats votes, they are in the room, and they withdrew.</summary>
    public sealed record Standing(bool HasVote, bool IsPresent, bool IsWithdrawn);

    /// <summary>Why a person may not vote, for a person without a seat on the body (null) or with <paramref name="standing"/>; null when they may.</summary>
    public static string? WhyNot(string bodyName, Standing? standing) =>
        standing switch
        {
            null => $"Only members of {bodyName} vote on its items.",
            { HasVote: false } => $"Your seat on {bodyName} does not carry a vote.",
            { IsPresent: false } => "Only members recorded as present at the meeting can vote. Ask the board secretary to record your attendance.",
            { IsWithdrawn: true } => "You declared an interest in this item, so you are withdrawn from its vote.",
            _ => null,
        };

    /// <summary>
    /// The same rule in the secretary's words, for a vote they record for <paramref name="name"/> from a show of hands:
    /// a vote by hand is held to the same eligibility as one from a device.
    /// </summary>
    public static string? WhyNotByShowOfHands(string name, string bodyName, Standing? standing) =>
        standing switch
        {
            null => $"{name} is not a member of {bodyName}, so cannot vote on its items.",
            { HasVote: false } => $"{name}'s seat on {bodyName} does not carry a vote.",
            { IsPresent: false } => $"{name} is not recorded as present, so cannot vote.",
            { IsWithdrawn: true } => $"{name} declared an interest in this item, so is withdrawn from its vote.",
            _ => null,
        };

    /// <summary>
    /// A person with several seats on a body is one member: they vote if any seat votes, and they chair if any seat is
    /// the chair's (a chair whose chair seat has no vote may hold another seat that does).
    /// </summary>
    public static (bool HasVote, bool IsChair) Combine(IEnumerable<(MemberRole Role, bool HasVote)> seats)
    {
        var all = seats.ToList();
        return (all.Any(seat => seat.HasVote), all.Any(seat => seat.Role == MemberRole.Chair));
    }
}
