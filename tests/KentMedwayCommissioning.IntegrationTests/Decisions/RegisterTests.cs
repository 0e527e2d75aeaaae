using System.Text.Json;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
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

[Collection(nameof(SharedApp))]
public sealed class CorrectionTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> SequenceOfAsync(string bodySlug) =>
        app.QueryDbAsync(db => db.PublishedDecisions.Where(decision => decision.BodySlug == bodySlug).Select(decision => decision.Sequence).SingleAsync());

    [Fact]
    public async Task A_correction_is_a_new_entry_linked_both_ways_and_the_chain_still_verifies()
    {
        var browser = new Browsing(app);
        // The demo secretary runs the single CCG, which has published nothing; here they keep West Kent CCG's records too.
        await app.AddSecretaryOfAsync(KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.BoardSecretary.Email, "west-kent-ccg");
        await browser.SignInAsync(KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.BoardSecretary.Email, KentMedwayCommissioning.Web.Data.DemoData.DemoAccounts.Password);
        var original = await SequenceOfAsync("west-kent-ccg");

        var response = await browser.SubmitAsync($"/decisions/{original}", new Dictionary<string, string>
        {
            ["Correction.Outcome"] = "Carried",
            ["Correction.Explanation"] = "Agreed at the governing body meeting.",
            ["Correction.Reason"] = "The explanation named the wrong meeting",
        });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var correction = await app.QueryDbAsync(db => db.PublishedDecisions.SingleAsync(decision => decision.CorrectsSequence == original));
        Assert.StartsWith($"Correction of decision {original}: The explanation named the wrong meeting.", correction.Explanation, StringComparison.Ordinal);
        Assert.Contains($"This decision is corrected by decision {correction.Sequence}", (await browser.GetPageAsync($"/decisions/{original}")).MainText(), StringComparison.Ordinal);
        Assert.Contains($"This entry corrects decision {original}", (await browser.GetPageAsync($"/decisions/{correction.Sequence}")).MainText(), StringComparison.Ordinal);
        Assert.True(ChainVerification.Check(await app.QueryDbAsync(db => db.PublishedDecisions.OrderBy(decision => decision.Sequence).ToListAsync())).IsIntact);
    }

    [Fact]
    public async Task The_register_list_marks_a_corrected_entry_and_its_correction()
    {
        var original = await SequenceOfAsync("thanet-ccg");
        var secretary = TestApp.Secretary(await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "thanet-ccg").Select(body => body.Id).SingleAsync()));
        var correction = await app.SendAsAsync(secretary, new Correct.Command(original, "thanet-ccg", "Deferred", "Deferred for more detail.", "Wrong outcome"));

        var entries = (await new Browsing(app).GetPageAsync("/decisions")).QuerySelectorAll("#decisions li").ToList();

        string Entry(long sequence) => entries.Single(entry => entry.QuerySelector("a")!.GetAttribute("href") == $"/decisions/{sequence}").TextContent;
        Assert.Contains($"Corrected by decision {correction}", Entry(original), StringComparison.Ordinal);
        Assert.Contains($"Correction of decision {original}", Entry(correction), StringComparison.Ordinal);
        Assert.Single(entries, entry => entry.TextContent.Contains("Corrected by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_is_corrected_once_and_a_later_correction_chains_from_the_newest()
    {
        var original = await SequenceOfAsync("thanet-ccg");
        var secretary = TestApp.Secretary(await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "thanet-ccg").Select(body => body.Id).SingleAsync()));
        var first = await app.SendAsAsync(secretary, new Correct.Command(original, "thanet-ccg", "Deferred", "Deferred for more detail.", "Wrong outcome"));

        var refusal = await Assert.ThrowsAsync<KentMedwayCommissioning.Web.Domain.GovernanceException>(() =>
            app.SendAsAsync(secretary, new Correct.Command(original, "thanet-ccg", "Noted", "Noted.", "Wrong again")));
        var second = await app.SendAsAsync(secretary, new Correct.Command(first, "thanet-ccg", "Noted", "Noted.", "Still wrong"));

        Assert.Equal($"Decision {original} is already corrected by decision {first}: correct decision {first} instead.", refusal.Message);
        var current = await app.QueryDbAsync(db => db.PublishedDecisions
            .Where(decision => decision.BodySlug == "thanet-ccg" && !db.PublishedDecisions.Any(later => later.CorrectsSequence == decision.Sequence))
            .Select(decision => decision.Sequence).ToListAsync());
        Assert.Equal([second], current);
        Assert.Contains($"This decision is corrected by decision {first}", (await new Browsing(app).GetPageAsync($"/decisions/{original}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_filter_means_the_day_in_Kent_so_an_entry_published_at_half_past_midnight_in_summer_is_on_that_day()
    {
        // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in Kent (BST), and the entry's page says 1 July.
        await using var halfPastMidnight = app.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)))));
        var original = await SequenceOfAsync("thanet-ccg");
        await using var scope = halfPastMidnight.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<KentMedwayCommissioning.Web.Infrastructure.CurrentUser>().Principal =
            TestApp.Secretary(await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "thanet-ccg").Select(body => body.Id).SingleAsync()));
        var correction = await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Correct.Command(original, "thanet-ccg", "Deferred", "Deferred.", "Wrong outcome"));
        var client = app.Factory.CreateClient();

        using var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?from=2026-07-01&to=2026-07-01"));
        using var dayBefore = JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?from=2026-06-30&to=2026-06-30"));

        Assert.Equal([correction], first.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt64()));
        Assert.Empty(dayBefore.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_secretary_cannot_correct_another_body_s_decision()
    {
        var thanet = await SequenceOfAsync("thanet-ccg");
        var westKentId = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "west-kent-ccg").Select(body => body.Id).SingleAsync());
        var secretary = TestApp.Secretary(westKentId);

        await Assert.ThrowsAsync<KentMedwayCommissioning.Web.Domain.ForbiddenException>(() =>
            app.SendAsAsync(secretary, new Correct.Command(thanet, "thanet-ccg", "Carried", "Agreed.", "Wrong")));
        await Assert.ThrowsAsync<KentMedwayCommissioning.Web.Domain.NotFoundException>(() =>
            app.SendAsAsync(secretary, new Correct.Command(thanet, "west-kent-ccg", "Carried", "Agreed.", "Wrong")));

        Assert.Equal(10, await app.QueryDbAsync(db => db.PublishedDecisions.CountAsync()));
    }
}
