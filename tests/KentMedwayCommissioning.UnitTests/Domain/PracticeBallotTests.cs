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

    private static readonly DateOnly June1 = new(2019, 6, 1);
    private static readonly DateOnly June14 = new(2019, 6, 14);
    private static readonly PracticeEntry Riverside = new("Riverside Surgery", "G82001", 9000);
    private static readonly PracticeEntry Hilltop = new("Hilltop Practice", null, null);

    private static PracticeBallot Running(params PracticeEntry[] practices) => PracticeBallot.Open("Merge?", 1, practices, June1, June14, 0.5m);

    [Fact]
    public void A_ballot_needs_its_practices() =>
        Assert.Equal("List the practices taking part.", Assert.Throws<GovernanceException>(() => Running()).Message);

    [Fact]
    public void A_practice_listed_twice_is_refused() =>
        Assert.Equal("Riverside Surgery is listed twice: list each practice once.", Assert.Throws<GovernanceException>(() => Running(Riverside, Riverside with { Name = " riverside surgery", OdsCode = null })).Message);

    [Fact]
    public void A_practice_listed_twice_under_its_ods_code_is_refused() =>
        Assert.Throws<GovernanceException>(() => Running(Riverside, Hilltop with { OdsCode = "g82001" }));

    [Fact]
    public void A_ballot_closing_before_it_opens_is_refused() =>
        Assert.Throws<GovernanceException>(() => PracticeBallot.Open("Merge?", 1, [Riverside], June14, June1, 0.5m));

    [Fact]
    public void An_answer_after_the_last_day_is_refused()
    {
        var ballot = Running(Riverside, Hilltop);

        var refusal = Assert.Throws<GovernanceException>(() => ballot.RecordAnswer(1, "Riverside Surgery", PracticeAnswerChoice.Support, new DateTimeOffset(2019, 6, 15, 9, 0, 0, TimeSpan.Zero), "secretary"));

        Assert.StartsWith("The ballot closed on 14 June 2019", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_after_the_ballot_is_closed_early_is_refused()
    {
        var ballot = Running(Riverside, Hilltop);
        ballot.Close(new DateOnly(2019, 6, 3));

        Assert.Throws<GovernanceException>(() => ballot.RecordAnswer(1, "Riverside Surgery", PracticeAnswerChoice.Support, Now.AddDays(3), "secretary"));
    }

    [Fact]
    public void Only_a_listed_practice_answers() =>
        Assert.Equal("Lakeside Surgery is not among the practices taking part.", Assert.Throws<GovernanceException>(() => Running(Riverside).RecordAnswer(1, "Lakeside Surgery", PracticeAnswerChoice.Support, Now, "secretary")).Message);

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 1, false)]
    public void A_closed_ballot_is_supported_only_by_more_than_the_share_needed(int support, int oppose, bool supported)
    {
        var ballot = Running(Riverside, Hilltop);
        Assert.Null(ballot.IsSupported([new CcgSupport(support, oppose, 0)]));

        ballot.Close(June14);

        Assert.Equal(supported, ballot.IsSupported([new CcgSupport(support, oppose, 0)]));
    }

    [Fact]
    public void A_ballot_closes_once()
    {
        var ballot = Running(Riverside);
        ballot.Close(June14);

        Assert.Throws<GovernanceException>(() => ballot.Close(June14));
    }
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
