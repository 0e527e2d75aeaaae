using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class ProposalSummaryTests
{
    [Fact]
    public void Says_how_many_bodies_agreed_and_what_the_others_did()
    {
        Outcome?[] outcomes = [Outcome.Carried, Outcome.Carried, Outcome.Carried, Outcome.Carried, Outcome.Carried, Outcome.Carried, Outcome.Deferred, Outcome.Declined];

        Assert.Equal("6 of 8 agreed, 1 deferred, 1 declined", ProposalSummary.Describe(outcomes));
    }

    [Fact]
    public void Counts_bodies_yet_to_decide() =>
        Assert.Equal("0 of 2 agreed, 1 did not agree, 1 yet to decide", ProposalSummary.Describe([Outcome.NotCarried, null]));
}
