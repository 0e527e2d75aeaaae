using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Dashboard;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

/// <summary>Minutes drafted after a meeting and published only once a later meeting approves them; the action log and its overdue actions.</summary>
[Collection(nameof(SharedApp))]
public sealed class MinutesAndActionsTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Minutes_are_drafted_once_the_meeting_closes_and_published_only_when_a_later_meeting_approves_them()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Minuting Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new WriteMinutes.SaveDraft(board.MeetingId, new Dictionary<int, string?> { [1] = "Too early" })));
        foreach (var voter in board.Voters)
        {
            await app.SendAsAsync(TestApp.Member(voter), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        }

        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));

        await app.SendAsAsync(secretary, new WriteMinutes.SaveDraft(board.MeetingId, new Dictionary<int, string?> { [board.ItemNumber] = "The board discussed **the clinic plan** at length." }));

        var waiting = await app.SendAsync(new SecretaryWork.Query([board.BodyId]));
        Assert.Equal(board.MeetingId, Assert.Single(waiting.Drafts).MeetingId);

        var visitor = new Browsing(app);
        var draft = (await visitor.GetPageAsync($"/meetings/{board.MeetingId}/minutes")).MainText();
        Assert.Contains("The minutes of this meeting are not published yet", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("clinic plan", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Minuting Board Member 1", draft, StringComparison.Ordinal);

        var next = await StartNextMeetingAsync(board.BodyId);
        var number = await app.SendAsAsync(secretary, new WriteMinutes.Approve(board.MeetingId, next, "Item 1: 'plans' for 'plan'."));

        Assert.Empty((await app.SendAsync(new SecretaryWork.Query([board.BodyId]))).Drafts);
        var publishedPage = await visitor.GetPageAsync($"/meetings/{board.MeetingId}/minutes");
        Assert.Empty(publishedPage.QuerySelectorAll("main form"));
        var published = publishedPage.MainText();
        Assert.Contains("Approved as a true record on", published, StringComparison.Ordinal);
        Assert.Contains("Item 1: 'plans' for 'plan'.", published, StringComparison.Ordinal);
        Assert.Contains("The board discussed the clinic plan at length.", published, StringComparison.Ordinal);
        Assert.Contains("Minuting Board Member 1, chair", published, StringComparison.Ordinal);
        Assert.Contains("Outcome: Carried 3 to 0", published, StringComparison.Ordinal);
        Assert.Contains("Minuting Board Member 2: for", published, StringComparison.Ordinal);
        var approval = await app.QueryDbAsync(db => db.AgendaItems.SingleAsync(item => item.MeetingId == next && item.Number == number));
        Assert.Equal(Outcome.Noted, approval.Outcome);
        Assert.StartsWith("Minutes of the meeting of", approval.Title, StringComparison.Ordinal);
        Assert.Contains("approved as a true record, with these amendments: Item 1", approval.OutcomeExplanation, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new WriteMinutes.SaveDraft(board.MeetingId, new Dictionary<int, string?> { [1] = "A change after approval" })));
    }

    [Fact]
    public async Task Published_minutes_show_a_private_item_only_as_considered_in_private()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Discreet Board", openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        var privateNumber = await app.QueryDbAsync(async db =>
        {
            var meeting = await db.Meetings.Include(candidate => candidate.Items).SingleAsync(candidate => candidate.Id == board.MeetingId);
            var item = meeting.AddItem("Sale of Harbour House", AgendaItemKind.ForNoting, MeetingPart.Private, null);
            await db.SaveChangesAsync();
            return item.Number;
        });
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new WriteMinutes.SaveDraft(board.MeetingId, new Dictionary<int, string?> { [privateNumber] = "Harbour House is to be sold for a song." }));
        await app.SendAsAsync(secretary, new WriteMinutes.Approve(board.MeetingId, await StartNextMeetingAsync(board.BodyId), null));

        var minutes = (await new Browsing(app).GetPageAsync($"/meetings/{board.MeetingId}/minutes")).MainText();

        Assert.Contains($"{privateNumber}. An item considered in private", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_log_shows_a_public_items_actions_to_everyone_with_the_overdue_marked_and_keeps_a_private_items_out()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Action Board");
        var secretary = TestApp.Secretary(board.BodyId);
        var privateNumber = await app.QueryDbAsync(async db =>
        {
            var meeting = await db.Meetings.Include(candidate => candidate.Items).SingleAsync(candidate => candidate.Id == board.MeetingId);
            var item = meeting.AddItem("Sale of Harbour House", AgendaItemKind.ForNoting, MeetingPart.Private, null);
            await db.SaveChangesAsync();
            return item.Number;
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = await app.SendAsAsync(secretary, new Actions.Add(board.MeetingId, board.ItemNumber, "Report the clinic's costs", "Chief finance officer", today.AddDays(-3)));
        await app.SendAsAsync(secretary, new Actions.Add(board.MeetingId, board.ItemNumber, "Write to the council", "Chair", today.AddDays(30)));
        await app.SendAsAsync(secretary, new Actions.Add(board.MeetingId, privateNumber, "Instruct the Harbour House agents", "Chair", today.AddDays(-3)));
        var slug = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Id == board.BodyId).Select(body => body.Slug).SingleAsync());

        var log = await new Browsing(app).GetPageAsync($"/bodies/{slug}/actions");

        Assert.Equal("2 actions, 2 not done, 1 overdue.", log.QuerySelector("#action-summary")!.TextContent.Trim());
        Assert.Contains("Overdue", log.QuerySelector($"#action-{overdue}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour", log.MainText(), StringComparison.Ordinal);
        var administrator = new Browsing(app);
        await administrator.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var dashboard = await administrator.GetPageAsync("/dashboard");
        Assert.Contains("Report the clinic's costs", dashboard.QuerySelector("#overdue-actions + ul")!.TextContent, StringComparison.Ordinal);

        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new Actions.Review(slug, overdue, ActionStatus.CarriedForward, today.AddDays(-4), "Not yet")));
        await app.SendAsAsync(secretary, new Actions.Review(slug, overdue, ActionStatus.CarriedForward, today.AddDays(14), "Waiting for the audit"));
        var reviewed = await new Browsing(app).GetPageAsync($"/bodies/{slug}/actions");
        Assert.Equal("2 actions, 2 not done, 0 overdue.", reviewed.QuerySelector("#action-summary")!.TextContent.Trim());
        Assert.Contains("Carried forward", reviewed.QuerySelector($"#action-{overdue}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_bodys_secretary_cannot_review_an_action_through_their_own_body()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Owning Board");
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");
        var action = await app.SendAsAsync(TestApp.Secretary(board.BodyId), new Actions.Add(board.MeetingId, board.ItemNumber, "Report back", "Chair", new DateOnly(2030, 1, 1)));
        var otherSlug = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Id == other.BodyId).Select(body => body.Slug).SingleAsync());

        await Assert.ThrowsAsync<KentMedwayCommissioning.Web.Domain.NotFoundException>(() =>
            app.SendAsAsync(TestApp.Secretary(other.BodyId), new Actions.Review(otherSlug, action, ActionStatus.Done, null, null)));
    }

    private async Task<int> StartNextMeetingAsync(int bodyId) => await app.QueryDbAsync(async db =>
    {
        var meeting = new Meeting(bodyId, "Next meeting", DateTimeOffset.UtcNow.AddDays(1), "Test room");
        meeting.Start();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });
}
