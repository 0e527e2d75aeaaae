namespace KentMedwayCommissioning.Web.Domain;

/// <summary>
/// How a body decides: its standing orders reduced to the numbers the product enforces.
/// Stored per body; <see cref="Default"/> is the rule in DOMAIN.md.
/// </summary>
/// <param name="QuorumFraction">Share of voting members who must be present (0.5 means at least half).</param>
/// <param name="RequiresLayMember">A lay member must be among those present.</param>
/// <param name="RequiresClinicalMember">A clinical member must be among those present.</param>
/// <param name="MajorityThreshold">Share of votes for, out of for and against, that a motion must exceed (0.5 is a simple majority).</param>
/// <param name="ChairHasCastingVote">On a tie the chair decides.</param>
/// <param name="WithdrawnMembersCountTowardsQuorum">Some standing orders deem a member withdrawn for an interest present for quorum.</param>
public sealed record GovernanceRule(
    decimal QuorumFraction,
    bool RequiresLayMember,
    bool RequiresClinicalMember,
    decimal MajorityThreshold,
    bool ChairHasCastingVote,
    bool WithdrawnMembersCountTowardsQuorum)
{
    public static GovernanceRule Default { get; } = new(
        QuorumFraction: 0.5m,
        RequiresLayMember: true,
        RequiresClinicalMember: true,
        MajorityThreshold: 0.5m,
        ChairHasCastingVote: true,
        WithdrawnMembersCountTowardsQuorum: false);

    /// <summary>How many of <paramref name="votingMembers"/> make a quorum: the fraction, rounded up.</summary>
    public int QuorumFor(int votingMembers) => (int)Math.Ceiling(QuorumFraction * votingMembers);

    public string Describe()
    {
        var parts = new List<string> { $"{Percent(QuorumFraction)} of voting members present" };
        if (RequiresLayMember)
        {
            parts.Add("at least one lay member");
        }

        if (RequiresClinicalMember)
        {
            parts.Add("at least one clinical member");
        }

        var majority = MajorityThreshold == 0.5m ? "simple majority of votes for and against" : $"more than {Percent(MajorityThreshold)} of votes for and against";
        var casting = ChairHasCastingVote ? "the chair has a casting vote" : "a tie is not carried";
        var withdrawn = WithdrawnMembersCountTowardsQuorum
            ? "members withdrawn for an interest still count towards the quorum"
            : "members withdrawn for an interest do not count towards the quorum";
        return $"Quorum: {string.Join(", ", parts)}. Decisions by {majority}; {casting}; {withdrawn}.";
    }

    /// <summary>A fraction as the standing orders write it: 0.5 is "50%".</summary>
    internal static string Percent(decimal fraction) =>
        (fraction * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
