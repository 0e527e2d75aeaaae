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
    public void A_member_declares_an_interest_in_an_item_only_once()
    {
        var (_, item) = InProgress();

        item.Declare(7, "Partner in a provider", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "secretary");

        Assert.True(item.IsWithdrawn(7));
        Assert.Throws<GovernanceException>(() => item.Declare(7, "Again", DeclarationAction.StayedForDiscussionDidNotVote, Now, "secretary"));
    }

    [Fact]
    public void A_member_may_declare_while_the_vote_is_open_but_not_once_it_has_closed()
    {
        var (_, item) = InProgress();
        item.OpenVote(Quorate, Now);

        item.Declare(8, "Told to declare at the meeting", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "member");
        Assert.True(item.IsWithdrawn(8));

        item.CloseVote(GovernanceRule.Default, new Tally(3, 1, 0), Quorate, Now);
        var refusal = Assert.Throws<GovernanceException>(() => item.Declare(9, "Too late", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "member"));
        Assert.Contains("closed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decided_item_takes_no_more_declarations()
    {
        var (_, item) = InProgress();
        item.RecordOutcome(Outcome.Deferred, "More detail needed", Quorate, Now);

        Assert.Throws<GovernanceException>(() => item.Declare(9, "After the fact", DeclarationAction.WithdrewFromDiscussionAndVote, Now, "member"));
    }

    [Fact]
    public void A_meeting_with_an_open_vote_cannot_close()
    {
        var (meeting, item) = InProgress();
        item.OpenVote(Quorate, Now);

        Assert.Throws<GovernanceException>(meeting.Close);
    }

    [Fact]
    public void A_member_recorded_after_the_start_has_not_arrived_late_unless_the_secretary_says_so()
    {
        var (meeting, _) = InProgress();

        var onTime = meeting.RecordAttendance(5, AttendanceStatus.Present, Now.AddMinutes(10));
        var late = meeting.RecordAttendance(6, AttendanceStatus.Present, Now.AddMinutes(10), arrivedLate: true);

        Assert.Null(onTime.ArrivedAt);
        Assert.Equal(Now.AddMinutes(10), late.ArrivedAt);
    }

    [Fact]
    public void Recording_the_roll_again_keeps_the_late_arrival_time_and_unticking_clears_it()
    {
        var (meeting, _) = InProgress();
        var attendance = meeting.RecordAttendance(5, AttendanceStatus.Present, Now.AddMinutes(10), arrivedLate: true);

        meeting.RecordAttendance(5, AttendanceStatus.Present, Now.AddMinutes(40), arrivedLate: true);
        Assert.Equal(Now.AddMinutes(10), attendance.ArrivedAt);

        meeting.RecordAttendance(5, AttendanceStatus.Present, Now.AddMinutes(50));
        Assert.Null(attendance.ArrivedAt);
    }

    [Fact]
    public void Only_a_member_present_at_a_meeting_under_way_arrives_late()
    {
        var planned = new Meeting(1, "Governing body", Now, "Room 1");
        Assert.Throws<GovernanceException>(() => planned.RecordAttendance(5, AttendanceStatus.Present, Now, arrivedLate: true));

        var (meeting, _) = InProgress();
        Assert.Throws<GovernanceException>(() => meeting.RecordAttendance(5, AttendanceStatus.Apologies, Now, arrivedLate: true));
    }

    [Fact]
    public void A_member_who_leaves_is_no_longer_present()
    {
        var (meeting, _) = InProgress();

        var attendance = meeting.RecordAttendance(5, AttendanceStatus.Present, Now);
        Assert.True(meeting.IsPresent(5));

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
