using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class TurnoutTests
{
    [Theory]
    [InlineData(8, 3, true)]
    [InlineData(8, 4, false)]
    [InlineData(7, 3, true)]
    [InlineData(7, 4, false)]
    [InlineData(0, 0, false)]
    public void Closing_asks_for_confirmation_when_fewer_than_half_the_eligible_members_have_voted(int eligible, int voted, bool asks) =>
        Assert.Equal(asks, new Turnout(eligible, voted).NeedsConfirmationToClose);

    [Fact]
    public void Says_how_many_have_not_voted()
    {
        Assert.Equal("2 of 8 eligible members have voted; 6 have not voted", new Turnout(8, 2).Describe());
        Assert.Equal("0 of 1 eligible member has voted; 1 has not voted", new Turnout(1, 0).Describe());
    }
}
