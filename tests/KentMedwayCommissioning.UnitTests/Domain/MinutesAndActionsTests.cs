using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class MinutesAndActionsTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly QuorumAssessment Quorate = new(true, 5, 4, 3, 1, []);

    [Fact]
    public void Minutes_are_drafted_only_for_a_closed_meeting()
    {
        var meeting = new Meeting(1, "Governing body", March, "Room");

        Assert.Throws<GovernanceException>(() => new Minutes(meeting, March, "secretary"));
    }

    [Theory]
    [InlineData(2, 7, MeetingStatus.InProgress, "Minutes are approved by a later meeting of the same body.")]
    [InlineData(1, -7, MeetingStatus.InProgress, "Minutes are approved by a later meeting of the same body.")]
    [InlineData(1, 7, MeetingStatus.Planned, "The approving meeting must be in progress: minutes are approved while it sits.")]
    public void Minutes_are_approved_only_by_a_later_meeting_of_the_same_body_while_it_sits(int bodyId, int daysLater, MeetingStatus status, string refusal)
    {
        var (minuted, minutes) = ClosedMeetingWithMinutes();
        var approving = new Meeting(bodyId, "Next", March.AddDays(daysLater), "Room");
        if (status == MeetingStatus.InProgress)
        {
            approving.Start();
        }

        Assert.Equal(refusal, Assert.Throws<GovernanceException>(() => minutes.Approve(minuted, approving, Quorate, null, March)).Message);
        Assert.Equal(MinutesStatus.Draft, minutes.Status);
    }

    [Fact]
    public void Approving_minutes_minutes_the_approval_at_the_later_meeting_and_freezes_them()
    {
        var (minuted, minutes) = ClosedMeetingWithMinutes();
        minutes.Write(0, "Discussed.");
        var approving = new Meeting(1, "Next", March.AddDays(28), "Room");
        approving.Start();

        var item = minutes.Approve(minuted, approving, Quorate, null, March.AddDays(28));

        Assert.Equal("Minutes of the meeting of 2 March 2026", item.Title);
        Assert.Equal(Outcome.Noted, item.Outcome);
        Assert.Equal("Noted: The minutes of the previous meeting were approved as a true record.", item.OutcomeExplanation);
        Assert.Equal(new DateOnly(2026, 3, 30), minutes.ApprovedOn);
        Assert.Throws<GovernanceException>(() => minutes.Write(0, "Changed afterwards."));
    }

    [Fact]
    public void Writing_an_empty_minute_removes_it()
    {
        var (_, minutes) = ClosedMeetingWithMinutes();
        minutes.Write(7, "Discussed.");

        minutes.Write(7, "  ");

        Assert.Empty(minutes.Notes);
    }

    [Fact]
    public void An_action_is_overdue_after_its_due_day_until_done()
    {
        var today = new DateOnly(2026, 3, 10);

        Assert.False(ActionPoint.IsOverdue(ActionStatus.Open, today, today));
        Assert.True(ActionPoint.IsOverdue(ActionStatus.Open, today.AddDays(-1), today));
        Assert.True(ActionPoint.IsOverdue(ActionStatus.CarriedForward, today.AddDays(-1), today));
        Assert.False(ActionPoint.IsOverdue(ActionStatus.Done, today.AddDays(-1), today));
    }

    [Fact]
    public void An_action_carried_forward_needs_a_later_due_day_and_a_done_one_is_not_reviewed_again()
    {
        var item = new Meeting(1, "Governing body", March, "Room").AddItem("Finance", AgendaItemKind.ForNoting, MeetingPart.Public, null);
        var action = new ActionPoint(item, "Report the costs", "Chief finance officer", new DateOnly(2026, 4, 1));
        var today = new DateOnly(2026, 4, 5);

        Assert.Throws<GovernanceException>(() => action.Review(ActionStatus.CarriedForward, null, null, today));
        Assert.Throws<GovernanceException>(() => action.Review(ActionStatus.CarriedForward, new DateOnly(2026, 3, 1), null, today));
        action.Review(ActionStatus.CarriedForward, new DateOnly(2026, 5, 1), "Waiting for the audit", today);
        Assert.Equal(new DateOnly(2026, 5, 1), action.DueOn);
        action.Review(ActionStatus.Done, null, null, today);
        Assert.Throws<GovernanceException>(() => action.Review(ActionStatus.CarriedForward, new DateOnly(2026, 6, 1), null, today));
    }

    private static (Meeting Meeting, Minutes Minutes) ClosedMeetingWithMinutes()
    {
        var meeting = new Meeting(1, "Governing body", March, "Room");
        meeting.Start();
        meeting.Close();
        return (meeting, new Minutes(meeting, March, "secretary"));
    }
}
