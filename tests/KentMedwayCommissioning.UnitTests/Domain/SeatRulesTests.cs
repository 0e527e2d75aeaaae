using KentMedwayCommissioning.Web.Domain;
using static KentMedwayCommissioning.Web.Domain.SeatRules;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class SeatRulesTests
{
    private static readonly DateOnly April2020 = new(2020, 4, 1);
    private static readonly DateOnly March2021 = new(2021, 3, 31);

    [Fact]
    public void A_seat_may_not_end_before_it_starts()
    {
        var refusal = WhyNotAdd(new Period(MemberRole.LayMember, true, March2021, April2020), [], GovernanceRule.Default);

        Assert.Equal("To", refusal?.Field);
    }

    [Fact]
    public void A_second_ordinary_seat_overlapping_the_first_is_refused()
    {
        var held = new Period(MemberRole.GpMember, true, April2020, March2021);

        var refusal = WhyNotAdd(new Period(MemberRole.LayMember, true, March2021, null), [held], GovernanceRule.Default);

        Assert.Equal("From", refusal?.Field);
        Assert.Contains("1 April 2020 to 31 March 2021", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seat_starting_the_day_after_the_last_one_ended_is_allowed()
    {
        var held = new Period(MemberRole.GpMember, true, April2020, March2021);

        Assert.Null(WhyNotAdd(new Period(MemberRole.GpMember, true, March2021.AddDays(1), null), [held], GovernanceRule.Default));
    }

    [Fact]
    public void A_chair_seat_may_sit_beside_a_voting_seat()
    {
        var held = new Period(MemberRole.GpMember, true, April2020, null);

        Assert.Null(WhyNotAdd(new Period(MemberRole.Chair, false, April2020, March2021), [held], GovernanceRule.Default));
    }

    [Fact]
    public void Two_overlapping_chair_seats_are_refused()
    {
        var held = new Period(MemberRole.Chair, true, April2020, null);

        Assert.NotNull(WhyNotAdd(new Period(MemberRole.Chair, true, March2021, null), [held], GovernanceRule.Default));
    }

    [Fact]
    public void A_chair_without_a_vote_is_refused_where_the_chair_has_a_casting_vote()
    {
        var refusal = WhyNotAdd(new Period(MemberRole.Chair, false, April2020, null), [], GovernanceRule.Default);

        Assert.Equal("HasVote", refusal?.Field);
    }

    [Fact]
    public void A_voting_seat_that_covers_only_part_of_the_chair_seat_is_not_enough()
    {
        var held = new Period(MemberRole.LayMember, true, April2020, March2021);

        Assert.Equal("HasVote", WhyNotAdd(new Period(MemberRole.Chair, false, April2020, null), [held], GovernanceRule.Default)?.Field);
    }

    [Fact]
    public void A_chair_without_a_vote_is_allowed_where_the_chair_has_no_casting_vote()
    {
        var rule = GovernanceRule.Default with { ChairHasCastingVote = false };

        Assert.Null(WhyNotAdd(new Period(MemberRole.Chair, false, April2020, null), [], rule));
    }

    [Fact]
    public void A_seat_may_end_today_or_later()
    {
        var seat = new Period(MemberRole.LayMember, true, April2020, null);

        Assert.Null(WhyNotEnd(seat, March2021, today: March2021, [], GovernanceRule.Default));
        Assert.Null(WhyNotEnd(seat, March2021.AddDays(30), today: March2021, [], GovernanceRule.Default));
    }

    [Fact]
    public void A_seat_may_not_end_before_today_because_past_meetings_counted_it()
    {
        var refusal = WhyNotEnd(new Period(MemberRole.LayMember, true, April2020, null), March2021.AddDays(-1), today: March2021, [], GovernanceRule.Default);

        Assert.Equal("EndsOn", refusal?.Field);
        Assert.Contains("cannot be before today (31 March 2021)", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seat_may_not_end_before_it_starts_when_it_starts_later()
    {
        var refusal = WhyNotEnd(new Period(MemberRole.LayMember, true, March2021.AddDays(10), null), March2021.AddDays(5), today: March2021, [], GovernanceRule.Default);

        Assert.Contains("before the seat starts (10 April 2021)", refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_never_lengthens_a_seat_nor_reopens_one_already_over()
    {
        var endsInMay = new Period(MemberRole.LayMember, true, April2020, new DateOnly(2021, 5, 31));
        var endedLastYear = new Period(MemberRole.LayMember, true, April2020, new DateOnly(2020, 12, 31));

        Assert.Contains("already ends on 31 May 2021", WhyNotEnd(endsInMay, new DateOnly(2021, 6, 30), today: March2021, [], GovernanceRule.Default)?.Message, StringComparison.Ordinal);
        Assert.Null(WhyNotEnd(endsInMay, new DateOnly(2021, 4, 30), today: March2021, [], GovernanceRule.Default));
        Assert.Contains("already ended", WhyNotEnd(endedLastYear, March2021, today: March2021, [], GovernanceRule.Default)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vice_chair_seat_may_sit_beside_a_voting_seat_but_not_beside_the_chair_s()
    {
        var layMember = new Period(MemberRole.LayMember, true, April2020, null);
        var chair = new Period(MemberRole.Chair, true, April2020, null);

        Assert.Null(WhyNotAdd(new Period(MemberRole.ViceChair, false, April2020, March2021), [layMember], GovernanceRule.Default));
        Assert.Equal("From", WhyNotAdd(new Period(MemberRole.ViceChair, true, April2020, March2021), [chair], GovernanceRule.Default)?.Field);
    }

    [Fact]
    public void The_voting_seat_that_gives_a_chair_without_a_vote_the_casting_vote_may_not_end_before_the_chair_s_seat()
    {
        var gpSeat = new Period(MemberRole.GpMember, true, April2020, null);
        var chairWithoutVote = new Period(MemberRole.Chair, false, April2020, null);

        var refusal = WhyNotEnd(gpSeat, March2021, today: March2021, [chairWithoutVote], GovernanceRule.Default);

        Assert.Equal("SeatId", refusal?.Field);
        Assert.Contains("the chair would lose the casting vote", refusal!.Message, StringComparison.Ordinal);
        Assert.Null(WhyNotEnd(gpSeat, March2021, today: March2021, [chairWithoutVote with { To = March2021 }], GovernanceRule.Default));
        Assert.Null(WhyNotEnd(gpSeat, March2021, today: March2021, [chairWithoutVote, new Period(MemberRole.LayMember, true, March2021.AddDays(1), null)], GovernanceRule.Default));
        Assert.Null(WhyNotEnd(gpSeat, March2021, today: March2021, [chairWithoutVote], GovernanceRule.Default with { ChairHasCastingVote = false }));
        Assert.Null(WhyNotEnd(gpSeat, March2021, today: March2021, [chairWithoutVote with { HasVote = true }], GovernanceRule.Default));
    }
}
