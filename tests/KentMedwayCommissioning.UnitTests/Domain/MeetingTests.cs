using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class MeetingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly QuorumAssessment Quorate = new(true, 9, 9, 9, 5, []);
    private static readonly QuorumAssessment Inquorate = new(false, 9, 3, 3, 5, ["3 of 9 voting members present, 5 needed"]);

    private static (Meeting Meeting, AgendaItem Item) InProgress()
    {
        var meeting = new Meeting(1, "Governing body", Now, "Room 1");
        var item = meeting.AddItem("Proposal", AgendaItemKind.ForDecision, MeetingPart.Public, "That we agree.");
        meeting.Start();
        return (meeting, item);
    }

    [Fact]
    public void Items_are_numbered_in_order()
    {
        var meeting = new Meeting(1, "Governing body", Now, "Room 1");

        meeting.AddItem("First", AgendaItemKind.ForNoting, MeetingPart.Public, null);
        var second = meeting.AddItem("Second", AgendaItemKind.ForInformation, MeetingPart.Private, null);

        Assert.Equal(2, second.Number);
    }

    [Fact]
    public void An_item_for_decision_needs_a_question() =>
        Assert.Throws<GovernanceException>(() => new Meeting(1, "Governing body", Now, "Room 1").AddItem("Proposal", AgendaItemKind.ForDecision, MeetingPart.Public, " "));

    [Fact]
    public void A_vote_opens_only_while_the_meeting_is_in_progress()
    {
        var meeting = new Meeting(1, "Governing body", Now, "Room 1");
        var item = meeting.AddItem("Proposal", AgendaItemKind.ForDecision, MeetingPart.Public, "That we agree.");

        Assert.Throws<GovernanceException>(() => item.OpenVote(Quorate, Now));
    }

    [Fact]
    public void An_inquorate_item_cannot_open_its_vote_and_says_why()
    {
        var (_, item) = InProgress();

        var refusal = Assert.Throws<GovernanceException>(() => item.OpenVote(Inquorate, Now));

        Assert.Contains("3 of 9 voting members present, 5 needed", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(VoteState.NotOpened, item.VoteState);
    }

    [Theory]
    [InlineData(Outcome.Noted)]
    [InlineData(Outcome.Declined)]
    [InlineData(Outcome.Carried)]
    public void An_inquorate_item_can_only_be_recorded_as_inquorate_or_deferred(Outcome outcome)
    {
        var (_, item) = InProgress();

        Assert.Throws<GovernanceException>(() => item.RecordOutcome(outcome, "Reason", Inquorate, Now));
        item.RecordOutcome(Outcome.Deferred, "Not enough members", Inquorate, Now);

        Assert.Equal(Outcome.Deferred, item.Outcome);
        Assert.Equal("Deferred: Not enough members", item.OutcomeExplanation);
    }

    [Theory]
    [InlineData(AgendaItemKind.ForDecision, true, new[] { Outcome.Deferred, Outcome.Declined, Outcome.Noted })]
    [InlineData(AgendaItemKind.ForDecision, false, new[] { Outcome.Inquorate, Outcome.Deferred })]
    [InlineData(AgendaItemKind.ForNoting, true, new[] { Outcome.Noted, Outcome.Deferred })]
    [InlineData(AgendaItemKind.ForInformation, false, new[] { Outcome.Noted, Outcome.Deferred })]
    public void An_item_may_have_exactly_its_outcomes_without_a_vote_and_no_other(AgendaItemKind kind, bool quorate, Outcome[] allowed)
    {
        Assert.Equal(allowed, AgendaItem.OutcomesWithoutAVote(kind, quorate ? Quorate : Inquorate));
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var meeting = new Meeting(1, "Governing body", Now, "Room 1");
            var item = meeting.AddItem("Item", kind, MeetingPart.Public, kind == AgendaItemKind.ForDecision ? "That we agree." : null);
            meeting.Start();
            if (allowed.Contains(outcome))
            {
                item.RecordOutcome(outcome, "Reason", quorate ? Quorate : Inquorate, Now);
                Assert.Equal(outcome, item.Outcome);
            }
            else
            {
                Assert.Throws<GovernanceException>(() => item.RecordOutcome(outcome, "Reason", quorate ? Quorate : Inquorate, Now));
            }
        }
    }

    [Fact]
    public void Closing_a_tied_vote_waits_for_the_casting_vote_then_records_it()
    {
        var (_, item) = InProgress();
        item.OpenVote(Quorate, Now);

        item.CloseVote(GovernanceRule.Default, new Tally(3, 3, 0), Quorate, Now);
        Assert.True(item.AwaitsCastingVote);

        item.RecordCastingVote(GovernanceRule.Default, VoteChoice.For, chairPersonId: 42, Quorate, Now);
        Assert.Equal(Outcome.Carried, item.Outcome);
        Assert.Equal(VoteChoice.For, item.CastingVote);
        Assert.Equal(42, item.CastingVoteByPersonId);
    }

    [Fact]
    public void A_member_declares_an_interest_before_the_vote_opens_and_only_once()
    {
        var (_, item) = InProgress();

        item.Declare(7, "Partner in a provider", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "secretary");

        Assert.True(item.IsWithdrawn(7));
        Assert.Throws<GovernanceException>(() => item.Declare(7, "Again", DeclarationAction.StayedForDiscussionDidNotVote, Now, "secretary"));
        item.OpenVote(Quorate, Now);
        Assert.Throws<GovernanceException>(() => item.Declare(8, "Late", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "secretary"));
    }

    [Fact]
    public void A_meeting_with_an_open_vote_cannot_close()
    {
        var (meeting, item) = InProgress();
        item.OpenVote(Quorate, Now);

        Assert.Throws<GovernanceException>(meeting.Close);
    }

    [Fact]
    public void A_member_who_leaves_is_no_longer_present_and_one_who_arrives_late_is_timed()
    {
        var (meeting, _) = InProgress();

        var attendance = meeting.RecordAttendance(5, AttendanceStatus.Present, Now);
        Assert.True(meeting.IsPresent(5));
        Assert.Equal(Now, attendance.ArrivedAt);

        meeting.RecordDeparture(5, Now.AddMinutes(30));
        Assert.False(meeting.IsPresent(5));
        Assert.Equal(Now.AddMinutes(30), attendance.LeftAt);
    }

    [Fact]
    public void A_decided_private_item_is_made_public_once_with_its_date_and_reason()
    {
        var meeting = new Meeting(1, "Governing body", Now, "Room 1");
        var item = meeting.AddItem("Estates", AgendaItemKind.ForNoting, MeetingPart.Private, null);
        meeting.Start();
        Assert.Throws<GovernanceException>(() => item.MakePublic(new DateOnly(2026, 3, 2), "Sale completed"));
        item.RecordOutcome(Outcome.Noted, "Noted", Quorate, Now);
        Assert.False(item.IsPublic);

        item.MakePublic(new DateOnly(2026, 3, 2), " Sale completed ");

        Assert.True(item.IsPublic);
        Assert.Equal(new DateOnly(2026, 3, 2), item.MadePublicOn);
        Assert.Equal("Sale completed", item.MadePublicReason);
        Assert.Throws<GovernanceException>(() => item.MakePublic(new DateOnly(2026, 3, 3), "Again"));
    }

    [Fact]
    public void A_public_item_cannot_be_made_public()
    {
        var meeting = new Meeting(1, "Governing body", Now, "Room 1");
        var item = meeting.AddItem("Finance report", AgendaItemKind.ForNoting, MeetingPart.Public, null);
        meeting.Start();
        item.RecordOutcome(Outcome.Noted, "Noted", Quorate, Now);

        Assert.Throws<GovernanceException>(() => item.MakePublic(new DateOnly(2026, 3, 2), "Already public"));
    }
}
