using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class PracticeBallotTests
{
    private static readonly DateTimeOffset Now = new(2019, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_share_in_support_is_of_the_practices_that_answered() =>
        Assert.Equal(0.75m, new CcgSupport(Support: 3, Oppose: 0, Abstain: 1).Share);

    [Fact]
    public void The_average_counts_each_ccg_once_and_skips_those_without_answers()
    {
        var average = CcgSupport.AverageShare([new CcgSupport(9, 1, 0), new CcgSupport(1, 1, 0), new CcgSupport(0, 0, 0)]);

        Assert.Equal(0.7m, average);
    }

    [Fact]
    public void No_answers_anywhere_has_no_average() =>
        Assert.Null(CcgSupport.AverageShare([new CcgSupport(0, 0, 0)]));

    [Fact]
    public void A_practice_answering_again_replaces_its_answer()
    {
        var ballot = new PracticeBallot("Merge?", null, null);
        ballot.AskIn(1);

        ballot.RecordAnswer(1, "Riverside Surgery", PracticeAnswerChoice.Oppose, Now, "secretary");
        ballot.RecordAnswer(1, " riverside surgery ", PracticeAnswerChoice.Support, Now, "secretary");

        Assert.Equal(PracticeAnswerChoice.Support, Assert.Single(ballot.Answers).Answer);
    }

    [Fact]
    public void Only_a_ccg_that_was_asked_records_answers() =>
        Assert.Throws<GovernanceException>(() => new PracticeBallot("Merge?", null, null).RecordAnswer(2, "Riverside Surgery", PracticeAnswerChoice.Support, Now, "secretary"));
}

public sealed class VacancyTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_post_with_a_current_substantive_holder_is_filled() =>
        Assert.Equal(PostStanding.Filled, Vacancy.StandingOn([new Holding(AppointmentKind.Substantive, null, null)], Today));

    [Fact]
    public void A_post_held_only_transitionally_has_no_substantive_holder() =>
        Assert.Equal(PostStanding.HeldTransitionally, Vacancy.StandingOn([new Holding(AppointmentKind.Transitional, new DateOnly(2018, 2, 1), null)], Today));

    [Fact]
    public void A_holder_who_leaves_in_future_still_holds_the_post_today() =>
        Assert.Equal(PostStanding.Filled, Vacancy.StandingOn([new Holding(AppointmentKind.Substantive, null, Today.AddDays(30))], Today));

    [Fact]
    public void A_post_whose_holder_has_left_is_vacant() =>
        Assert.Equal(PostStanding.Vacant, Vacancy.StandingOn([new Holding(AppointmentKind.Substantive, null, Today.AddDays(-1))], Today));
}
