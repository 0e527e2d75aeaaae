namespace KentMedwayCommissioning.Web.Domain;

/// <summary>One voting member as the quorum sees them at a meeting or an item.</summary>
public sealed record QuorumSeat(MemberBackground Background, bool IsPresent, bool IsWithdrawn = false);

/// <summary>Whether a meeting or item is quorate, and if not, why, in words a secretary can read out.</summary>
/// <param name="Present">Voting members in the room, withdrawn or not.</param>
/// <param name="CountedPresent">Those the rule counts towards the quorum.</param>
/// <param name="Withdrawn">Voting members in the room who withdrew for a declared interest.</param>
public sealed record QuorumAssessment(bool IsQuorate, int VotingMembers, int Present, int CountedPresent, int Needed, IReadOnlyList<string> Reasons, int Withdrawn = 0)
{
    /// <summary>
    /// One figure and one reason, for the secretary to read out: "Not quorate: 4 of 9 voting members can take part,
    /// 5 needed; 1 withdrew for a declared interest". A missing lay or clinical member is the reason when the number suffices.
    /// </summary>
    public string Summary => $"{(IsQuorate ? "Quorate" : "Not quorate")}: {Figure}";

    /// <summary>The summary without its verdict, for a panel that shows the verdict as a tag.</summary>
    public string Figure
    {
        get
        {
            var takingPart = CountedPresent < Present ? "can take part" : "present";
            var missing = CountedPresent >= Needed && Reasons.Count > 0 ? $", but {Reasons[0]}" : string.Empty;
            var withdrew = Withdrawn == 0 ? string.Empty
                : $"; {Withdrawn} withdrew for a declared interest{(CountedPresent < Present ? string.Empty : " and the body's rule counts them towards the quorum")}";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CountedPresent} of {VotingMembers} voting members {takingPart}, {Needed} needed{missing}{withdrew}");
        }
    }
}

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

        var withdrawn = votingMembers.Count(seat => seat.IsPresent && seat.IsWithdrawn);
        return new QuorumAssessment(reasons.Count == 0, votingMembers.Count, present, counted.Count, needed, reasons, withdrawn);

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
