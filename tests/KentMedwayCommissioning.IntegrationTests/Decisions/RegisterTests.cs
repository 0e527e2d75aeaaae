using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

[Collection(nameof(SharedApp))]
public sealed class RegisterTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_visitor_searches_finds_the_eight_decisions_and_reads_why_South_Kent_Coast_deferred()
    {
        var results = await _browser.GetPageAsync("/decisions?q=strategic+commissioner");

        var links = results.QuerySelectorAll("#decisions a").Select(link => link.TextContent.Trim()).ToList();
        Assert.Equal(8, links.Count(link => link.EndsWith("Proposal to establish a strategic commissioner", StringComparison.Ordinal)));
        var southKentCoast = results.QuerySelectorAll("#decisions a").Single(link => link.TextContent.Contains("South Kent Coast CCG", StringComparison.Ordinal));

        var decision = await _browser.GetPageAsync(southKentCoast.GetAttribute("href")!);

        Assert.Contains("Deferred", decision.MainText(), StringComparison.Ordinal);
        Assert.Contains("GP membership met on 22 February 2018", decision.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_register_holds_the_papers_decisions_and_its_chain_verifies()
    {
        var verify = await _browser.GetPageAsync("/decisions/verify");

        Assert.Contains("The chain is intact", verify.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("All 10 entries match their hashes", verify.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_closed_meeting_writes_one_chain_entry_per_decided_item_with_its_named_votes_once_only()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3);
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.ItemId, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.ItemId, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));

        var published = await Task.WhenAll(
            app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId)),
            app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId)));

        Assert.Equal(1, published.Sum());
        var entry = await app.QueryDbAsync(db => db.PublishedDecisions.SingleAsync(decision => decision.AgendaItemId == board.ItemId));
        Assert.Equal(11, entry.Sequence);
        Assert.Equal(2, entry.Votes.Count);
        Assert.True(ChainVerification.Check(await app.QueryDbAsync(db => db.PublishedDecisions.OrderBy(decision => decision.Sequence).ToListAsync())).IsIntact);
    }

    [Fact]
    public async Task A_published_decision_cannot_be_updated_or_deleted_through_sql()
    {
        var update = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE published_decisions SET outcome = 'Carried' WHERE sequence = 1")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM published_decisions")));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_altered_with_the_guard_disabled_is_named_by_verify()
    {
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            ALTER TABLE published_decisions DISABLE TRIGGER published_decisions_append_only;
            UPDATE published_decisions SET explanation = 'Agreed unanimously' WHERE sequence = 3;
            ALTER TABLE published_decisions ENABLE TRIGGER published_decisions_append_only;
            """));

        var verify = await _browser.GetPageAsync("/decisions/verify");

        Assert.Contains("The chain is broken at decision 3", verify.QuerySelector("#verification")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_is_explained_on_the_page()
    {
        var page = await _browser.GetPageAsync("/decisions?outcome=Vetoed");

        Assert.Contains("Outcome must be one of", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
