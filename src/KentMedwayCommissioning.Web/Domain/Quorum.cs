namespace KentMedwayCommissioning.Web.Domain;

/// <summary>One voting member as the quorum sees them at a meeting or an item.</summary>
public sealed record QuorumSeat(MemberBackground Background, bool IsPresent, bool IsWithdrawn = false);

/// <summary>Whether a meeting or item is quorate, and if not, why, in words a secretary can read out.</summary>
/// <param name="Present">Voting members in the room, withdrawn or not.</param>
/// <param name="CountedPresent">Those the rule counts towards the quorum.</param>
public sealed record QuorumAssessment(bool IsQuorate, int VotingMembers, int Present, int CountedPresent, int Needed, IReadOnlyList<string> Reasons);

public static class Quorum
{
    public static QuorumAssessment Assess(GovernanceRule rule, IReadOnlyCollection<QuorumSeat> votingMembers)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(votingMembers);

        var present = votingMembers.Count(seat => seat.IsPresent);
        var counted = votingMembers
            .Where(seat => seat.IsPresent && (!seat.IsWithdrawn || rule.WithdrawnMembersCountTowardsQuorum))
            .ToList();
        var needed = Math.Max(1, rule.QuorumFor(votingMembers.Count));
        var reasons = new List<string>();

        if (counted.Count < needed)
        {
            reasons.Add(counted.Count == present
                ? $"{counted.Count} of {votingMembers.Count} voting members present, {needed} needed"
                : $"{counted.Count} of {votingMembers.Count} voting members present and not withdrawn, {needed} needed");
        }

        if (rule.RequiresLayMember)
        {
            AddMissingBackground(MemberBackground.Lay, "lay");
        }

        if (rule.RequiresClinicalMember)
        {
            AddMissingBackground(MemberBackground.Clinical, "clinical");
        }

        return new QuorumAssessment(reasons.Count == 0, votingMembers.Count, present, counted.Count, needed, reasons);

        void AddMissingBackground(MemberBackground background, string name)
        {
            if (counted.Any(seat => seat.Background == background))
            {
                return;
            }

            var presentButWithdrawn = votingMembers.Any(seat => seat.Background == background && seat.IsPresent);
            reasons.Add(presentButWithdrawn
                ? $"every {name} member present has withdrawn for a declared interest"
                : $"no {name} member present");
        }
    }
}
