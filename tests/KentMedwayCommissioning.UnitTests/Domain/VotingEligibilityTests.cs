using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class VotingEligibilityTests
{
    /// <summary>Every standing a person can have on an item, and the rule's answer; the SQL path is checked against the same cases.</summary>
    public static TheoryData<string, VotingEligibility.Standing?, string?> Cases => new()
    {
        { "no seat on the body", null, "Only members of The Board vote on its items." },
        { "a seat without a vote", new(HasVote: false, IsPresent: true, IsWithdrawn: false), "Your seat on The Board does not carry a vote." },
        { "absent", new(HasVote: true, IsPresent: false, IsWithdrawn: false), "Only members recorded as present at the meeting can vote. Ask the board secretary to record your attendance." },
        { "withdrawn for a declared interest", new(HasVote: true, IsPresent: true, IsWithdrawn: true), "You declared an interest in this item, so you are withdrawn from its vote." },
        { "present with a vote", new(HasVote: true, IsPresent: true, IsWithdrawn: false), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_present_member_whose_seat_votes_and_who_has_not_withdrawn_votes(string _, VotingEligibility.Standing? standing, string? refusal) =>
        Assert.Equal(refusal, VotingEligibility.WhyNot("The Board", standing));

    [Fact]
    public void A_chair_whose_chair_seat_has_no_vote_but_who_holds_a_voting_seat_votes_and_chairs() =>
        Assert.Equal((true, true), VotingEligibility.Combine([(MemberRole.Chair, false), (MemberRole.LayMember, true)]));

    [Fact]
    public void A_person_whose_seats_carry_no_vote_does_not_vote() =>
        Assert.Equal((false, false), VotingEligibility.Combine([(MemberRole.OfficerInAttendance, false), (MemberRole.AccountableOfficer, false)]));

    /// <summary>A vote the secretary records by a show of hands is held to the same rule: refused in the same cases.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_show_of_hands_vote_is_refused_exactly_where_a_vote_from_a_device_is(string _, VotingEligibility.Standing? standing, string? refusal)
    {
        var byHand = VotingEligibility.WhyNotByShowOfHands("Dr A Member", "The Board", standing);

        Assert.Equal(refusal is null, byHand is null);
        if (byHand is not null)
        {
            Assert.StartsWith("Dr A Member", byHand, StringComparison.Ordinal);
        }
    }
}
