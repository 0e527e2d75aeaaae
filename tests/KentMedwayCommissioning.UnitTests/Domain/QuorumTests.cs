using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class QuorumTests
{
    private static readonly GovernanceRule Rule = GovernanceRule.Default;

    private static QuorumSeat Lay(bool present = true, bool withdrawn = false) => new(MemberBackground.Lay, present, withdrawn);

    private static QuorumSeat Clinical(bool present = true, bool withdrawn = false) => new(MemberBackground.Clinical, present, withdrawn);

    private static QuorumSeat Officer(bool present = true, bool withdrawn = false) => new(MemberBackground.Officer, present, withdrawn);

    [Fact]
    public void Exactly_half_of_an_even_membership_is_quorate()
    {
        var seats = new[] { Lay(), Clinical(), Officer(), Officer(), Lay(false), Clinical(false), Officer(false), Officer(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.True(assessment.IsQuorate);
        Assert.Equal(4, assessment.Needed);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void Half_of_an_odd_membership_rounds_up()
    {
        var seats = new[] { Lay(), Clinical(), Officer(), Officer(false), Officer(false), Officer(false), Officer(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.False(assessment.IsQuorate);
        Assert.Equal(4, assessment.Needed);
        Assert.Equal(["3 of 7 voting members present, 4 needed"], assessment.Reasons);
    }

    [Fact]
    public void Says_how_many_are_present_and_needed()
    {
        var seats = new[] { Lay(), Clinical(), Officer(), Officer(false), Officer(false), Officer(false), Officer(false), Officer(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.False(assessment.IsQuorate);
        Assert.Contains("3 of 8 voting members present, 4 needed", assessment.Reasons);
    }

    [Fact]
    public void Needs_a_lay_member_present()
    {
        var seats = new[] { Clinical(), Clinical(), Officer(), Lay(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.False(assessment.IsQuorate);
        Assert.Equal(["no lay member present"], assessment.Reasons);
    }

    [Fact]
    public void Needs_a_clinical_member_present()
    {
        var seats = new[] { Lay(), Lay(), Officer(), Clinical(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.Equal(["no clinical member present"], assessment.Reasons);
    }

    [Fact]
    public void A_body_whose_rule_does_not_ask_for_lay_or_clinical_members_is_quorate_on_numbers_alone()
    {
        var rule = Rule with { RequiresLayMember = false, RequiresClinicalMember = false };
        var seats = new[] { Officer(), Officer(), Lay(false), Clinical(false) };

        Assert.True(Quorum.Assess(rule, seats).IsQuorate);
    }

    [Fact]
    public void A_withdrawn_member_does_not_count_towards_the_quorum_by_default()
    {
        var seats = new[] { Lay(), Clinical(), Officer(withdrawn: true), Officer(withdrawn: true), Officer(false), Officer(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.False(assessment.IsQuorate);
        Assert.Equal(2, assessment.CountedPresent);
        Assert.Equal(["2 of 6 voting members present and not withdrawn, 3 needed"], assessment.Reasons);
    }

    [Fact]
    public void A_withdrawn_member_counts_when_the_body_deems_them_present()
    {
        var rule = Rule with { WithdrawnMembersCountTowardsQuorum = true };
        var seats = new[] { Lay(), Clinical(withdrawn: true), Officer(false), Officer(false) };

        Assert.True(Quorum.Assess(rule, seats).IsQuorate);
    }

    [Fact]
    public void When_the_only_lay_member_present_withdraws_the_reason_says_so()
    {
        var seats = new[] { Lay(withdrawn: true), Clinical(), Clinical(), Officer() };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.Equal(["every lay member present has withdrawn for a declared interest"], assessment.Reasons);
    }

    [Fact]
    public void Everyone_withdrawn_is_inquorate()
    {
        var seats = new[] { Lay(withdrawn: true), Clinical(withdrawn: true) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.False(assessment.IsQuorate);
        Assert.Equal(0, assessment.CountedPresent);
    }

    [Fact]
    public void A_body_with_no_voting_members_is_never_quorate()
    {
        var assessment = Quorum.Assess(Rule with { RequiresLayMember = false, RequiresClinicalMember = false }, []);

        Assert.False(assessment.IsQuorate);
        Assert.Equal(1, assessment.Needed);
    }

    [Theory]
    [InlineData(0.5, 8, 4)]
    [InlineData(0.5, 9, 5)]
    [InlineData(0.5, 1, 1)]
    [InlineData(0.75, 12, 9)]
    [InlineData(1.0, 5, 5)]
    [InlineData(0.333, 3, 1)]
    public void The_quorum_is_the_fraction_of_voting_members_rounded_up(double fraction, int votingMembers, int expected) =>
        Assert.Equal(expected, (Rule with { QuorumFraction = (decimal)fraction }).QuorumFor(votingMembers));

    [Fact]
    public void A_member_of_the_other_category_counts_to_the_number_but_is_neither_lay_nor_clinical()
    {
        var other = new QuorumSeat(MemberBackground.Other, IsPresent: true, IsWithdrawn: false);
        var seats = new[] { Clinical(), other, Lay(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.Equal(2, assessment.Present);
        Assert.Equal(["no lay member present"], assessment.Reasons);
    }

    [Fact]
    public void The_summary_gives_one_figure_and_one_reason()
    {
        // 9 voting members, 5 in the room, 1 of them withdrawn: 4 can take part, 5 needed.
        var seats = new[] { Lay(), Clinical(), Clinical(), Officer(), Officer(withdrawn: true), Officer(false), Officer(false), Officer(false), Officer(false) };

        var assessment = Quorum.Assess(Rule, seats);

        Assert.Equal("Not quorate: 4 of 9 voting members can take part, 5 needed; 1 withdrew for a declared interest", assessment.Summary);
    }

    [Fact]
    public void The_summary_of_a_quorate_meeting_counts_those_present()
    {
        var seats = new[] { Lay(), Clinical(), Officer(), Officer(false) };

        Assert.Equal("Quorate: 3 of 4 voting members present, 2 needed", Quorum.Assess(Rule, seats).Summary);
    }

    [Fact]
    public void When_the_number_suffices_the_summary_names_the_missing_background()
    {
        var seats = new[] { Lay(withdrawn: true), Clinical(), Clinical(), Officer() };

        Assert.Equal(
            "Not quorate: 3 of 4 voting members can take part, 2 needed, but every lay member present has withdrawn for a declared interest; 1 withdrew for a declared interest",
            Quorum.Assess(Rule, seats).Summary);
    }

    [Fact]
    public void The_summary_says_when_the_body_counts_withdrawn_members()
    {
        var rule = Rule with { WithdrawnMembersCountTowardsQuorum = true };
        var seats = new[] { Lay(), Clinical(withdrawn: true), Clinical(), Officer(false) };

        Assert.Equal(
            "Quorate: 3 of 4 voting members present, 2 needed; 1 withdrew for a declared interest and the body's rule counts them towards the quorum",
            Quorum.Assess(rule, seats).Summary);
    }
}
