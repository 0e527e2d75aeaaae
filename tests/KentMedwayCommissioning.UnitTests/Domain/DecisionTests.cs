using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class DecisionTests
{
    private static readonly GovernanceRule Rule = GovernanceRule.Default;

    private static QuorumAssessment Quorate(int present = 9, int voting = 12) =>
        new(true, voting, present, present, Rule.QuorumFor(voting), []);

    [Fact]
    public void More_for_than_against_is_carried()
    {
        var result = Decision.Decide(Rule, new Tally(5, 4, 0), Quorate(), withdrawn: 0);

        Assert.Equal(Outcome.Carried, result.Outcome);
        Assert.Equal("Carried 5 to 4; 9 of 12 voting members present, quorum 6", result.Explanation);
    }

    [Fact]
    public void More_against_than_for_is_not_carried()
    {
        var result = Decision.Decide(Rule, new Tally(3, 4, 1), Quorate(), withdrawn: 0);

        Assert.Equal(Outcome.NotCarried, result.Outcome);
        Assert.Equal("Not carried 3 to 4; 1 member abstained; 9 of 12 voting members present, quorum 6", result.Explanation);
    }

    [Fact]
    public void Abstentions_do_not_count_against_a_motion()
    {
        var result = Decision.Decide(Rule, new Tally(2, 1, 6), Quorate(), withdrawn: 0);

        Assert.Equal(Outcome.Carried, result.Outcome);
    }

    [Fact]
    public void When_everyone_abstains_the_motion_is_not_carried()
    {
        var result = Decision.Decide(Rule, new Tally(0, 0, 9), Quorate(), withdrawn: 0);

        Assert.Equal(Outcome.NotCarried, result.Outcome);
        Assert.False(result.NeedsCastingVote);
        Assert.StartsWith("Not carried no votes were cast for or against; 9 members abstained", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_asks_the_chair_for_a_casting_vote()
    {
        var result = Decision.Decide(Rule, new Tally(4, 4, 0), Quorate(), withdrawn: 0);

        Assert.Null(result.Outcome);
        Assert.True(result.NeedsCastingVote);
    }

    [Fact]
    public void The_casting_vote_decides_a_tie_and_the_explanation_says_so()
    {
        var result = Decision.Decide(Rule, new Tally(4, 4, 0), Quorate(), withdrawn: 2, castingVote: VoteChoice.For);

        Assert.Equal(Outcome.Carried, result.Outcome);
        Assert.Equal("Carried 5 to 4 on the chair's casting vote; 2 members withdrew for declared interests; 9 of 12 voting members present, quorum 6", result.Explanation);
    }

    [Fact]
    public void A_casting_vote_against_defeats_the_motion() =>
        Assert.Equal(Outcome.NotCarried, Decision.Decide(Rule, new Tally(3, 3, 1), Quorate(), 0, VoteChoice.Against).Outcome);

    [Fact]
    public void Without_a_casting_vote_a_tie_is_not_carried()
    {
        var result = Decision.Decide(Rule with { ChairHasCastingVote = false }, new Tally(4, 4, 0), Quorate(), withdrawn: 0);

        Assert.Equal(Outcome.NotCarried, result.Outcome);
        Assert.False(result.NeedsCastingVote);
    }

    [Theory]
    [InlineData(6, 3, Outcome.Carried)]
    [InlineData(5, 3, Outcome.NotCarried)]
    [InlineData(2, 1, Outcome.Carried)]
    public void A_higher_threshold_needs_more_than_that_share_of_votes_for_and_against(int votesFor, int against, Outcome expected)
    {
        var twoThirds = Rule with { MajorityThreshold = 0.66m };

        Assert.Equal(expected, Decision.Decide(twoThirds, new Tally(votesFor, against, 0), Quorate(), 0).Outcome);
    }

    [Fact]
    public void An_inquorate_item_is_recorded_as_inquorate_whatever_the_votes()
    {
        var quorum = Quorum.Assess(Rule, [new QuorumSeat(MemberBackground.Clinical, true), new QuorumSeat(MemberBackground.Officer, true), new QuorumSeat(MemberBackground.Lay, true, IsWithdrawn: true), new QuorumSeat(MemberBackground.Officer, false)]);

        var result = Decision.Decide(Rule, new Tally(2, 0, 0), quorum, withdrawn: 1);

        Assert.Equal(Outcome.Inquorate, result.Outcome);
        Assert.StartsWith("Inquorate: every lay member present has withdrawn for a declared interest", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstention_is_not_a_casting_vote() =>
        Assert.Throws<ArgumentException>(() => Decision.Decide(Rule, new Tally(1, 1, 0), Quorate(), 0, VoteChoice.Abstain));
}
