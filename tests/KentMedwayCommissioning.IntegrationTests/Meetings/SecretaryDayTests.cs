using AngleSharp.Html.Dom;
using FluentValidation;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Dashboard;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

/// <summary>The secretary's day (the roll, a show of hands, publishing, the dashboard) and declaring while a vote is open.</summary>
[Collection(nameof(SharedApp))]
public sealed class SecretaryDayTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_command_records_the_whole_roll_and_only_a_ticked_member_arrived_late()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        var auditsBefore = await AuditCountAsync("Meetings.RunMeeting.RecordRoll");

        await app.SendAsAsync(secretary, new RunMeeting.RecordRoll(board.MeetingId,
        [
            new(board.Voters[0], AttendanceStatus.Present, ArrivedLate: false),
            new(board.Voters[1], AttendanceStatus.Present, ArrivedLate: true),
            new(board.Voters[2], AttendanceStatus.Apologies, ArrivedLate: false),
            new(board.AbsentId, AttendanceStatus.Present, ArrivedLate: false),
        ]));

        var roll = await app.QueryDbAsync(db => db.Attendances.Where(attendance => attendance.MeetingId == board.MeetingId).ToDictionaryAsync(attendance => attendance.PersonId));
        Assert.Null(roll[board.Voters[0]].ArrivedAt);
        Assert.NotNull(roll[board.Voters[1]].ArrivedAt);
        Assert.Equal(AttendanceStatus.Apologies, roll[board.Voters[2]].Status);
        Assert.Equal(AttendanceStatus.Present, roll[board.AbsentId].Status);
        Assert.Null(roll[board.AbsentId].ArrivedAt);
        Assert.Equal(auditsBefore + 1, await AuditCountAsync("Meetings.RunMeeting.RecordRoll"));
    }

    [Fact]
    public async Task An_administrator_s_dashboard_lists_the_meetings_of_every_body_since_they_may_run_any()
    {
        var browser = new Browsing(app);
        await browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var dashboard = await browser.GetPageAsync("/dashboard");

        Assert.Equal("Meetings you run", dashboard.QuerySelector("#secretary")?.TextContent);
        Assert.Contains(DecisionsData.DemoMeetingInProgress, dashboard.QuerySelector("#meetings-to-run + ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_roll_keeps_the_secretary_s_choices_and_its_message_links_to_the_late_box_it_is_about()
    {
        var browser = new Browsing(app);
        await browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var meetingId = await app.QueryDbAsync(db => db.Meetings.Where(meeting => meeting.Title == DecisionsData.DemoMeetingInProgress).Select(meeting => meeting.Id).SingleAsync());
        var path = $"/meetings/{meetingId}";
        var before = await AttendanceAsync(meetingId);
        var page = await browser.GetPageAsync(path);
        var form = page.QuerySelectorAll("main form").Single(candidate => candidate.QuerySelector("select[name^='Roll[']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden], select")
            .Select(field => (Name: field.GetAttribute("name")!, Value: field is IHtmlSelectElement select ? select.Value : field.GetAttribute("value")!))
            .ToList();
        var absentPersonId = fields.First(field => field.Name == "Roll[1].PersonId").Value;
        fields = [.. fields.Where(field => field.Name != "Roll[1].Status"), ("Roll[1].Status", nameof(AttendanceStatus.Absent)), ("Roll[1].ArrivedLate", "true")];

        var response = await browser.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : $"{path}?handler=Roll",
            new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value))));
        var refused = await Browsing.ParseAsync(response);

        var link = Assert.Single(refused.QuerySelectorAll(".nhsuk-error-summary a"));
        Assert.Equal("Only a member recorded as present can have arrived late", link.TextContent.Trim());
        Assert.Equal($"#late-{absentPersonId}", link.GetAttribute("href"));
        Assert.NotNull(refused.QuerySelector($"#late-{absentPersonId}[aria-describedby='late-{absentPersonId}-error']:checked"));
        Assert.Equal(nameof(AttendanceStatus.Absent), ((IHtmlSelectElement)refused.QuerySelector($"#roll-{absentPersonId}")!).Value);
        Assert.Equal(before, await AttendanceAsync(meetingId));
    }

    [Fact]
    public async Task A_roll_naming_someone_off_the_body_or_late_with_apologies_is_refused_and_writes_nothing()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board", openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        var before = await AttendanceAsync(board.MeetingId);

        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunMeeting.RecordRoll(board.MeetingId,
            [new(board.Voters[0], AttendanceStatus.Absent, false), new(other.Voters[0], AttendanceStatus.Present, false)])));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsAsync(secretary, new RunMeeting.RecordRoll(board.MeetingId,
            [new(board.Voters[0], AttendanceStatus.Apologies, ArrivedLate: true)])));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsAsync(secretary, new RunMeeting.RecordRoll(board.MeetingId, [])));

        Assert.Equal(before, await AttendanceAsync(board.MeetingId));
    }

    [Fact]
    public async Task A_show_of_hands_records_votes_marked_as_the_secretary_s_and_counts_them()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4);
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));

        var recorded = await app.SendAsAsync(secretary, new RunVote.ShowOfHandsCommand(board.MeetingId, board.ItemNumber,
            [new(board.Voters[1], VoteChoice.For), new(board.Voters[2], VoteChoice.Against), new(board.Voters[3], VoteChoice.For)]));

        Assert.Equal(3, recorded);
        var trail = await app.QueryDbAsync(db => db.VoteEvents.Where(entry => entry.AgendaItemId == board.ItemId).OrderBy(entry => entry.Id)
            .Select(entry => new { entry.PersonId, entry.ByShowOfHands, entry.RecordedBy }).ToListAsync());
        Assert.False(trail[0].ByShowOfHands);
        Assert.All(trail.Skip(1), entry => Assert.True(entry.ByShowOfHands));
        Assert.All(trail.Skip(1), entry => Assert.Equal($"secretary-{board.BodyId}", entry.RecordedBy));
        Assert.Equal(1, await AuditCountAsync("Meetings.RunVote.ShowOfHandsCommand"));

        var outcome = await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        Assert.StartsWith("Carried 3 to 1", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_show_of_hands_is_held_to_eligibility_conflicts_and_quorum_and_a_refusal_writes_nothing()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[3]), new DeclareInterest.Command(board.ItemId, null, "Director of a bidder", DeclarationAction.WithdrewFromDiscussionAndVote));

        foreach (var ineligible in new[] { board.Voters[3], board.AbsentId, board.NonVoterId, other.Voters[0] })
        {
            await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunVote.ShowOfHandsCommand(board.MeetingId, board.ItemNumber,
                [new(board.Voters[2], VoteChoice.For), new(ineligible, VoteChoice.For)])));
        }

        // The only lay member leaves: the item is inquorate, so no vote is recorded for anyone.
        await app.SendAsAsync(secretary, new RunMeeting.RecordDeparture(board.MeetingId, board.Voters[1]));
        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunVote.ShowOfHandsCommand(board.MeetingId, board.ItemNumber,
            [new(board.Voters[2], VoteChoice.For)])));
        Assert.StartsWith("Not quorate", refusal.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<Web.Domain.ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(other.BodyId), new RunVote.ShowOfHandsCommand(board.MeetingId, board.ItemNumber,
            [new(board.Voters[2], VoteChoice.For)])));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.VoteEvents.CountAsync(entry => entry.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task Declaring_while_the_vote_is_open_sets_aside_the_member_s_vote_with_the_reason_in_the_trail()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 4);
        var member = TestApp.Member(board.Voters[2]);
        await app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));

        await app.SendAsAsync(member, new DeclareInterest.Command(board.ItemId, null, "Partner in a practice that would provide the service", DeclarationAction.WithdrewFromDiscussionAndVote));

        Assert.Equal(0, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
        var setAside = await app.QueryDbAsync(db => db.VoteEvents.Where(entry => entry.AgendaItemId == board.ItemId).OrderBy(entry => entry.Id).ToListAsync());
        Assert.Equal([VoteEventKind.Cast, VoteEventKind.SetAside], setAside.Select(entry => entry.Kind));
        Assert.Equal(VoteChoice.Against, setAside[1].Choice);
        Assert.Equal("Declared an interest: Partner in a practice that would provide the service", setAside[1].Reason);

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For)));
        Assert.Contains("declared an interest", refusal.Message, StringComparison.Ordinal);

        // The dashboard no longer offers the member this vote.
        var dashboard = await app.SendAsync(new Web.Pages.Dashboard.IndexModel.Query(board.Voters[2]));
        Assert.DoesNotContain(dashboard!.OpenVotes, vote => vote.MeetingId == board.MeetingId);
        var stillVoting = await app.SendAsync(new Web.Pages.Dashboard.IndexModel.Query(board.Voters[0]));
        Assert.Contains(stillVoting!.OpenVotes, vote => vote.MeetingId == board.MeetingId);
    }

    [Fact]
    public async Task Members_voting_and_declaring_at_the_same_moment_never_leave_a_withdrawn_member_s_vote_counted()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 30);

        // Each member votes and declares at once; whichever lands first, a declared member has no vote left.
        var attempts = board.Voters.SelectMany(personId => new Func<Task>[]
        {
            () => SwallowRefusalAsync(app.SendAsAsync(TestApp.Member(personId), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For))),
            () => app.SendAsAsync(TestApp.Member(personId), new DeclareInterest.Command(board.ItemId, null, "Declared in the rush", DeclarationAction.WithdrewFromDiscussionAndVote)),
        });
        await Task.WhenAll(attempts.Select(attempt => Task.Run(attempt)));

        Assert.Equal(30, await app.QueryDbAsync(db => db.Declarations.CountAsync(declaration => declaration.AgendaItemId == board.ItemId)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Votes.CountAsync(vote => vote.AgendaItemId == board.ItemId)));
        var trail = await app.QueryDbAsync(db => db.VoteEvents.Where(entry => entry.AgendaItemId == board.ItemId).Select(entry => entry.Kind).ToListAsync());
        Assert.Equal(trail.Count(kind => kind == VoteEventKind.Cast), trail.Count(kind => kind == VoteEventKind.SetAside));

        static async Task SwallowRefusalAsync(Task vote)
        {
            try
            {
                await vote;
            }
            catch (GovernanceException)
            {
                // Declared first: the vote is refused, as it should be.
            }
        }
    }

    [Fact]
    public async Task A_declaration_after_the_vote_has_closed_is_refused()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        await app.SendAsAsync(TestApp.Secretary(board.BodyId), new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));

        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Member(board.Voters[1]),
            new DeclareInterest.Command(board.ItemId, null, "Too late", DeclarationAction.WithdrewFromDiscussionAndVote)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Declarations.CountAsync(declaration => declaration.AgendaItemId == board.ItemId)));
    }

    [Fact]
    public async Task The_vote_of_an_inquorate_item_does_not_open_and_the_refusal_gives_the_figure_and_the_reason()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, openVote: false);
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[2]), new DeclareInterest.Command(board.ItemId, null, "Shareholder in a bidder", DeclarationAction.WithdrewFromDiscussionAndVote));
        await app.SendAsAsync(secretary, new RunMeeting.RecordDeparture(board.MeetingId, board.Voters[0]));

        var refusal = await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Open)));

        Assert.StartsWith("Not quorate: 1 of 4 voting members can take part, 2 needed; 1 withdrew for a declared interest", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(VoteState.NotOpened, await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == board.ItemId).Select(item => item.VoteState).SingleAsync()));
    }

    [Fact]
    public async Task The_dashboard_lists_the_secretary_s_meetings_votes_and_decisions_to_publish_until_they_are_published()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var other = await VotingBoard.CreateAsync(app, voters: 3, name: "Other Board");
        var secretary = TestApp.Secretary(board.BodyId);

        var work = await app.SendAsync(new SecretaryWork.Query([board.BodyId]));
        Assert.Equal([board.MeetingId], work.Meetings.Select(meeting => meeting.Id));
        Assert.Equal([(board.MeetingId, board.ItemNumber)], work.Votes.Select(vote => (vote.MeetingId, vote.Number)));
        Assert.Empty(work.ToPublish);
        Assert.DoesNotContain(work.Meetings, meeting => meeting.Id == other.MeetingId);

        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        work = await app.SendAsync(new SecretaryWork.Query([board.BodyId]));
        Assert.Empty(work.Meetings);
        Assert.Empty(work.Votes);
        Assert.Equal([(board.MeetingId, 1)], work.ToPublish.Select(meeting => (meeting.Id, meeting.Decisions)));
        var unpublished = await app.SendAsync(new DetailsModel.Query(board.MeetingId));
        Assert.Null(Assert.Single(unpublished!.Items).PublishedSequence);

        await app.SendAsAsync(secretary, new Web.Pages.Decisions.PublishMeeting.Command(board.MeetingId));

        work = await app.SendAsync(new SecretaryWork.Query([board.BodyId]));
        Assert.True(work.IsEmpty);
        var published = await app.SendAsync(new DetailsModel.Query(board.MeetingId));
        var sequence = Assert.Single(published!.Items).PublishedSequence;
        Assert.NotNull(sequence);
        var item = await app.SendAsync(new ItemModel.Query(board.MeetingId, board.ItemNumber));
        Assert.Equal(sequence, item!.PublishedSequence);
    }

    private Task<int> AuditCountAsync(string command) => app.QueryDbAsync(db => db.AuditEntries.CountAsync(entry => entry.Command == command));

    private Task<string> AttendanceAsync(int meetingId) => app.QueryDbAsync(async db => string.Join(";", await db.Attendances
        .Where(attendance => attendance.MeetingId == meetingId).OrderBy(attendance => attendance.PersonId)
        .Select(attendance => $"{attendance.PersonId}:{attendance.Status}:{attendance.ArrivedAt}:{attendance.LeftAt}").ToListAsync()));
}
