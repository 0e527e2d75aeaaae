using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>An item taken in a meeting's private part: nothing of its detail reaches any public output until it is made public.</summary>
[Collection(nameof(SharedApp))]
public sealed class PrivateItemTests(TestApp app) : IAsyncLifetime
{
    private const string Title = "Purchase of Harbour House";
    private const string Question = "That the board buys Harbour House for the new clinic.";
    private const string Interest = "Director of Harbour House Holdings";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_private_item_is_published_only_as_considered_in_private_and_no_public_output_holds_its_detail()
    {
        var (board, itemId, proposalSlug) = await PublishPrivateItemAsync();
        var entry = await app.QueryDbAsync(db => db.PublishedDecisions.SingleAsync(decision => decision.AgendaItemId == itemId));
        var bodySlug = entry.BodySlug;
        var voterSlug = await app.QueryDbAsync(db => db.People.Where(person => person.Id == board.Voters[0]).Select(person => person.Slug).SingleAsync());
        var declarerSlug = await app.QueryDbAsync(db => db.People.Where(person => person.Id == board.Voters[2]).Select(person => person.Slug).SingleAsync());

        Assert.Equal(PrivateItem.Title, entry.ItemTitle);
        Assert.Equal(PrivateItem.Outcome, entry.Outcome);
        Assert.Null(entry.Question);
        Assert.Null(entry.VotesFor);
        Assert.Empty(entry.Votes);
        Assert.Empty(entry.Declarations);

        // Its paper, its minute (in minutes approved and published) and its action: none may show either.
        var secretary = TestApp.Secretary(board.BodyId);
        var number = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == itemId).Select(item => item.Number).SingleAsync());
        var paperId = await app.SendAsAsync(secretary, new Papers.Attach(board.MeetingId, number, "Harbour House valuation", "valuation.pdf", Meetings.PapersTests.Pdf, null));
        await app.SendAsAsync(secretary, new Actions.Add(board.MeetingId, number, "Instruct the Harbour House agents", "Chair", new DateOnly(2020, 1, 1)));
        await app.SendAsAsync(secretary, new WriteMinutes.SaveDraft(board.MeetingId, new Dictionary<int, string?> { [number] = "Harbour House is to be bought." }));
        var next = await app.QueryDbAsync(async db =>
        {
            var meeting = new Meeting(board.BodyId, "Next meeting", DateTimeOffset.UtcNow.AddDays(1), "Test room");
            meeting.Start();
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        await app.SendAsAsync(secretary, new WriteMinutes.Approve(board.MeetingId, next, null));

        var visitor = new Browsing(app);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/meetings/{board.MeetingId}/items/{number}/papers/{paperId}")).StatusCode);
        string[] outputs =
        [
            $"/meetings/{board.MeetingId}/minutes", $"/bodies/{bodySlug}/actions",
            "/decisions", $"/decisions?body={bodySlug}", $"/decisions/{entry.Sequence}", "/decisions.csv", "/decisions/feed.atom",
            "/api/v1/decisions", $"/api/v1/decisions/{entry.Sequence}", "/meetings/calendar.ics", $"/bodies/{bodySlug}", "/api/v1/bodies",
            $"/people/{voterSlug}", $"/api/v1/people/{voterSlug}/record", $"/people/{declarerSlug}", $"/api/v1/people/{declarerSlug}/record",
            "/proposals", $"/proposals/{proposalSlug}", $"/api/v1/proposals/{proposalSlug}",
            $"/meetings/{board.MeetingId}", $"/bodies/{bodySlug}/meetings",
        ];
        foreach (var output in outputs)
        {
            var response = await visitor.Client.GetAsync(output);
            Assert.True(response.IsSuccessStatusCode, $"{output} answered {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            // The title, question and interest all name Harbour House; the explanation of a vote names the withdrawal.
            foreach (var secret in new[] { "Harbour", "withdrew for declared interests" })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{output} shows '{secret}' from a private item");
            }
        }

        Assert.Empty((await visitor.GetPageAsync("/decisions?q=Harbour")).QuerySelectorAll("#decisions a"));
        Assert.Contains(PrivateItem.Title, (await visitor.GetPageAsync($"/decisions/{entry.Sequence}")).MainText(), StringComparison.Ordinal);
        var chain = await app.QueryDbAsync(db => db.PublishedDecisions.OrderBy(decision => decision.Sequence).ToListAsync());
        Assert.DoesNotContain(chain, decision => decision.Canonical().Contains("Harbour", StringComparison.Ordinal) || decision.Canonical().Contains("Private Board Member", StringComparison.Ordinal));
        Assert.True(ChainVerification.Check(chain).IsIntact);
    }

    [Fact]
    public async Task A_visitor_follows_the_calendar_to_the_meeting_and_sees_only_that_an_item_was_considered_in_private_while_a_member_sees_it()
    {
        var (board, itemId, _) = await PublishPrivateItemAsync();
        var number = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == itemId).Select(item => item.Number).SingleAsync());
        var visitor = new Browsing(app);
        var calendar = await visitor.Client.GetStringAsync("/meetings/calendar.ics");
        var link = calendar.Split("\r\n").Single(line => line.StartsWith("URL:", StringComparison.Ordinal) && line.EndsWith($"/meetings/{board.MeetingId}", StringComparison.Ordinal))["URL:".Length..];

        var meeting = await visitor.GetPageAsync(new Uri(link).PathAndQuery);

        Assert.Contains($"{number}. An item considered in private", meeting.MainText(), StringComparison.Ordinal);
        Assert.Contains("1. Test proposal", meeting.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(meeting.QuerySelectorAll("main a"), anchor => anchor.GetAttribute("href") == $"/meetings/{board.MeetingId}/items/{number}");
        await visitor.GetPageAsync($"/meetings/{board.MeetingId}/items/{number}", System.Net.HttpStatusCode.NotFound);
        await visitor.GetPageAsync($"/meetings/{board.MeetingId}/items/1");

        var administrator = new Browsing(app);
        await administrator.SignInAsync(KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.Administrator.Email, KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.Password);
        Assert.Contains(Title, (await administrator.GetPageAsync($"/meetings/{board.MeetingId}/items/{number}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_that_a_private_item_may_be_made_public_appends_its_full_entry_once()
    {
        var (board, itemId, _) = await PublishPrivateItemAsync();
        var secretary = TestApp.Secretary(board.BodyId);
        var placeholder = await app.QueryDbAsync(db => db.PublishedDecisions.SingleAsync(decision => decision.AgendaItemId == itemId));

        var sequence = await app.SendAsAsync(secretary, new MakeItemPublic.Command(board.MeetingId, itemId, new DateOnly(2026, 3, 2), "The purchase has completed"));

        var full = await app.QueryDbAsync(db => db.PublishedDecisions.SingleAsync(decision => decision.Sequence == sequence));
        Assert.Equal(placeholder.Sequence, full.CorrectsSequence);
        Assert.Equal(Title, full.ItemTitle);
        Assert.Equal(Question, full.Question);
        Assert.StartsWith("Made public on 2 March 2026: The purchase has completed. Carried 2 to 0", full.Explanation, StringComparison.Ordinal);
        Assert.Equal(2, full.Votes.Count);
        Assert.Equal(Interest, Assert.Single(full.Declarations).Interest);
        var page = await new Browsing(app).GetPageAsync($"/decisions/{placeholder.Sequence}");
        Assert.Contains($"This decision is corrected by decision {sequence}", page.MainText(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<GovernanceException>(() =>
            app.SendAsAsync(secretary, new MakeItemPublic.Command(board.MeetingId, itemId, new DateOnly(2026, 3, 3), "Again")));
        Assert.True(ChainVerification.Check(await app.QueryDbAsync(db => db.PublishedDecisions.OrderBy(decision => decision.Sequence).ToListAsync())).IsIntact);
    }

    [Fact]
    public async Task Making_an_item_public_needs_a_date_and_a_reason_and_writes_nothing_without_them()
    {
        var (board, itemId, _) = await PublishPrivateItemAsync();
        var browser = new Browsing(app);
        await browser.SignInAsync(KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.Administrator.Email, KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.Password);
        var placeholder = await app.QueryDbAsync(db => db.PublishedDecisions.Where(decision => decision.AgendaItemId == itemId).Select(decision => decision.Sequence).SingleAsync());

        var response = await browser.SubmitAsync($"/decisions/{placeholder}", new Dictionary<string, string> { ["MadePublic.On"] = "", ["MadePublic.Reason"] = "" });

        var page = await Browsing.ParseAsync(response);
        Assert.Contains("Enter the date the item may be made public", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Say why the item may now be made public", page.QuerySelector("#MadePublic\\.Reason-error, .nhsuk-error-message")!.TextContent + page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.PublishedDecisions.CountAsync(decision => decision.AgendaItemId == itemId)));
        Assert.Null(await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.Id == itemId).Select(item => item.MadePublicOn).SingleAsync()));
    }

    /// <summary>A board whose closed meeting decided one private item (two votes for, one member withdrawn for a declared interest) and published it.</summary>
    private async Task<(VotingBoard Board, int ItemId, string ProposalSlug)> PublishPrivateItemAsync()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Private Board", openVote: false);
        var (itemId, number, proposalSlug) = await app.QueryDbAsync<(int, int, string)>(async db =>
        {
            var proposal = new Proposal("A new town clinic", "A new clinic in the town centre.", null);
            proposal.SendTo(board.BodyId);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            var meeting = await db.Meetings.Include(candidate => candidate.Items).ThenInclude(item => item.Declarations).SingleAsync(candidate => candidate.Id == board.MeetingId);
            var item = meeting.AddItem(Title, AgendaItemKind.ForDecision, MeetingPart.Private, Question, proposal.Id);
            await db.SaveChangesAsync();
            item.Declare(board.Voters[2], Interest, DeclarationAction.WithdrewFromDiscussionAndVote, DateTimeOffset.UtcNow, "test");
            item.OpenVote(new QuorumAssessment(true, 4, 3, 3, 1, []), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return (item.Id, item.Number, proposal.Slug);
        });
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, number, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, number, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, number, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        Assert.Equal(1, await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId)));
        return (board, itemId, proposalSlug);
    }
}
