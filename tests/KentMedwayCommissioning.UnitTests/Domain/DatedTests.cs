using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class DatedTests
{
    private static readonly DateOnly Day = new(2020, 4, 1);

    public static TheoryData<DateOnly?, DateOnly?, bool> Periods => new()
    {
        { null, null, true },
        { Day, null, true },
        { Day.AddDays(1), null, false },
        { null, Day, true },
        { null, Day.AddDays(-1), false },
        { Day.AddDays(-10), Day.AddDays(10), true },
        { Day, Day, true },
        { Day.AddDays(-10), Day.AddDays(-1), false },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void A_period_is_held_on_a_day_inclusive_at_both_ends(DateOnly? from, DateOnly? to, bool held) =>
        Assert.Equal(held, Dated.Covers(from, to, Day));

    [Theory]
    [MemberData(nameof(Periods))]
    public void The_query_filter_answers_as_the_rule_does(DateOnly? from, DateOnly? to, bool held)
    {
        var seat = new Membership(new Body("Swale CCG", BodyKind.ClinicalCommissioningGroup), new Person("A Member"), MemberRole.LayMember, MemberBackground.Lay, hasVote: true, from, to);

        Assert.Equal(held, Dated.HeldOn<Membership>(Day).Compile()(seat));
        Assert.Equal(held, seat.IsCurrentOn(Day));
    }
}
