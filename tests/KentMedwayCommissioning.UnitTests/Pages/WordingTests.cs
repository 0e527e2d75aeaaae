using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Meetings;

namespace KentMedwayCommissioning.UnitTests.Pages;

public sealed class VoteConfirmationTests
{
    [Theory]
    [InlineData(VoteChoice.Abstain, false, "Your vote (Abstain) is recorded.")]
    [InlineData(VoteChoice.For, false, "Your vote (For) is recorded.")]
    [InlineData(VoteChoice.Against, true, "Your vote is changed to Against.")]
    public void The_confirmation_names_the_choice_as_the_form_reads_it(VoteChoice choice, bool wasChange, string expected) =>
        Assert.Equal(expected, ItemModel.Confirmation(new CastVote.Result(choice, wasChange)));
}
