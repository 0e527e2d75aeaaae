using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class DelegationTests
{
    private static readonly DateOnly AprilFirst2019 = new(2019, 4, 1);

    private sealed record Held(DateOnly? From, DateOnly? To) : IDated;

    [Fact]
    public void A_body_delegates_only_from_a_day_it_is_a_member()
    {
        var membership = new Held(AprilFirst2019, new DateOnly(2020, 3, 31));

        Assert.Equal("Swale CCG is not a member of the committee on 1 April 2020", Delegation.WhyNotDelegate("Swale CCG", [membership], [], new DateOnly(2020, 4, 1)));
        Assert.Null(Delegation.WhyNotDelegate("Swale CCG", [membership], [], new DateOnly(2020, 3, 31)));
    }

    [Fact]
    public void The_same_function_cannot_be_delegated_twice_over_an_overlapping_period()
    {
        var undatedMembership = new Held(null, null);
        var earlier = new Delegation(1, 2, 3, AprilFirst2019, null);
        earlier.End(new DateOnly(2019, 12, 31));

        Assert.StartsWith("Swale CCG already delegates this function from 1 April 2019 to 31 December 2019", Delegation.WhyNotDelegate("Swale CCG", [undatedMembership], [earlier], new DateOnly(2019, 6, 1)), StringComparison.Ordinal);
        Assert.Null(Delegation.WhyNotDelegate("Swale CCG", [undatedMembership], [earlier], new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void A_delegation_cannot_end_before_it_began_or_end_twice()
    {
        var delegation = new Delegation(1, 2, 3, AprilFirst2019, null);

        Assert.Equal("The last day cannot be before the delegation began (1 April 2019)", delegation.WhyNotEnd(new DateOnly(2019, 3, 31)));
        delegation.End(new DateOnly(2020, 3, 31));
        Assert.Equal("This delegation has already ended (its last day was 31 March 2020)", delegation.WhyNotEnd(new DateOnly(2020, 6, 30)));
    }
}
