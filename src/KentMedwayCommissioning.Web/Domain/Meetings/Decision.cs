using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>The votes on an item: abstentions are counted but never decide.</summary>
public sealed record Tally(int For, int Against, int Abstain)
{
    public static Tally Empty { get; } = new(0, 0, 0);

    public int Cast => For + Against;

    public static Tally Of(IEnumerable<VoteChoice> votes)
    {
        var list = votes.ToList();
        return new Tally(list.Count(vote => vote == VoteChoice.For), list.Count(vote => vote == VoteChoice.Against), list.Count(vote => vote == VoteChoice.Abstain));
    }
}

/// <summary>What closing a vote decides, and why, in words for the minutes.</summary>
public sealed record DecisionResult(Outcome? Outcome, bool NeedsCastingVote, string Explanation);

/// <summary>
/// How a body's rule turns a tally into an outcome: a motion is carried when the votes for exceed the body's share of
/// the votes for and against (a simple majority by default); on a tie the chair's casting vote is added and decides.
/// An inquorate item cannot be carried or lost.
/// </summary>
public static class Decision
{
    public static DecisionResult Decide(GovernanceRule rule, Tally tally, QuorumAssessment quorum, int withdrawn, VoteChoice? castingVote = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(quorum);
        if (castingVote == VoteChoice.Abstain)
        {
            throw new ArgumentException("A casting vote is for or against.", nameof(castingVote));
        }

        var context = Context(quorum, withdrawn);
        if (!quorum.IsQuorate)
        {
            return new DecisionResult(Meetings.Outcome.Inquorate, false, $"Inquorate: {string.Join("; ", quorum.Reasons)}; {context}");
        }

        var isTie = tally.Cast > 0 && tally.For == tally.Against;
        if (isTie && rule.ChairHasCastingVote && castingVote is null)
        {
            return new DecisionResult(null, true, $"Tied {tally.For} to {tally.Against}: the chair's casting vote is needed");
        }

        var counted = isTie && rule.ChairHasCastingVote && castingVote is not null
            ? tally with { For = tally.For + (castingVote == VoteChoice.For ? 1 : 0), Against = tally.Against + (castingVote == VoteChoice.Against ? 1 : 0) }
            : tally;
        var carried = counted.Cast > 0 && counted.For > rule.MajorityThreshold * counted.Cast;
        var outcome = carried ? Meetings.Outcome.Carried : Meetings.Outcome.NotCarried;

        var how = counted.Cast == 0
            ? "no votes were cast for or against"
            : $"{counted.For} to {counted.Against}";
        var casting = counted == tally ? string.Empty : " on the chair's casting vote";
        var threshold = rule.MajorityThreshold == 0.5m || tally.Cast == 0 ? string.Empty : $" (more than {GovernanceRule.Percent(rule.MajorityThreshold)} needed)";
        var abstained = tally.Abstain == 0 ? string.Empty : $"; {Plural(tally.Abstain, "member", "members")} abstained";
        return new DecisionResult(outcome, false, $"{outcome.DisplayName()} {how}{casting}{threshold}{abstained}; {context}");
    }

    private static string Context(QuorumAssessment quorum, int withdrawn)
    {
        var withdrew = withdrawn == 0 ? string.Empty : $"{Plural(withdrawn, "member", "members")} withdrew for declared interests; ";
        return $"{withdrew}{quorum.Present} of {quorum.VotingMembers} voting members present, quorum {quorum.Needed}";
    }

    private static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

}
