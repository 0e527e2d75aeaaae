using System.Collections.Concurrent;
using System.Net;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL crashes (stopped with -m immediate) and comes back while members are voting. Every vote a member was
/// told was recorded must be in the database exactly once, and readiness must follow the database down and up.
/// </summary>
public sealed class DatabaseOutageTests : IClassFixture<FaultApp>
{
    private const int Voters = 20;
    private readonly FaultApp _app;

    public DatabaseOutageTests(FaultApp app) => _app = app;

    [Fact]
    public async Task Votes_acknowledged_across_a_database_crash_are_each_recorded_exactly_once()
    {
        var board = await VotingBoard.CreateAsync(_app, Voters, name: "Outage Board");
        var client = _app.Factory.CreateClient();
        var acknowledged = new ConcurrentDictionary<int, List<VoteChoice>>();
        using var stop = new CancellationTokenSource();

        var voting = board.Voters.Select(voter => Task.Run(async () =>
        {
            var mine = acknowledged.GetOrAdd(voter, _ => []);
            var member = TestApp.Member(voter);
            while (!stop.IsCancellationRequested)
            {
                var choice = mine.Count % 2 == 0 ? VoteChoice.For : VoteChoice.Against;
                try
                {
                    await _app.SendAsAsync(member, new CastVote.Command(board.MeetingId, board.ItemNumber, choice));
                    mine.Add(choice);
                }
                catch (Exception failure) when (failure is not GovernanceException)
                {
                    // Not acknowledged: the member tries the same vote again, as a person pressing the button again would.
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Acknowledged.UntilEveryVoterHasAsync(acknowledged, Voters, 2);
        await _app.Cluster.StopAbruptlyAsync();
        var readyWhileDown = await client.GetAsync("/health/ready");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _app.Cluster.StartAgainAsync();
        var readyAgain = await WaitForReadyAsync(client);
        await Acknowledged.UntilEveryVoterHasAsync(acknowledged, Voters, acknowledged.Values.Max(list => list.Count) + 2);
        await stop.CancelAsync();
        await Task.WhenAll(voting);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode);
        Assert.True(readyAgain, "/health/ready did not answer 200 within 30 seconds of the database coming back");
        var events = await _app.QueryDbAsync(db => db.VoteEvents.Where(voteEvent => voteEvent.AgendaItemId == board.ItemId)
            .GroupBy(voteEvent => voteEvent.PersonId).Select(group => new { PersonId = group.Key, Count = group.Count() }).ToDictionaryAsync(group => group.PersonId, group => group.Count));
        var votes = await _app.QueryDbAsync(db => db.Votes.Where(vote => vote.AgendaItemId == board.ItemId).ToDictionaryAsync(vote => vote.PersonId, vote => vote.Choice));
        foreach (var (voter, choices) in acknowledged)
        {
            Assert.Equal(choices.Count, events.GetValueOrDefault(voter));
            if (choices.Count > 0)
            {
                Assert.Equal(choices[^1], votes[voter]);
            }
        }

        var chain = await _app.SendAsync(new VerifyModel.Query());
        Assert.True(chain.IsIntact, chain.Reason);
    }

    private static async Task<bool> WaitForReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }
}
