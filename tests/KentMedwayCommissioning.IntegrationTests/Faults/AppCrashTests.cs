using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>
/// The app process is killed (SIGKILL) while members vote through its pages, and started again. Every vote a
/// member saw acknowledged is in the database exactly once; sign-ins and forms survive the restart.
/// </summary>
public sealed class AppCrashTests : IClassFixture<FaultApp>
{
    private const int Voters = 8;
    private const string Password = "Fault-test-voter-password";
    private static readonly HtmlParser Parser = new();
    private readonly FaultApp _app;

    public AppCrashTests(FaultApp app) => _app = app;

    [Fact]
    public async Task Votes_acknowledged_across_an_app_crash_are_each_recorded_exactly_once()
    {
        var board = await VotingBoard.CreateAsync(_app, Voters, name: "Crash Board");
        await CreateAccountsAsync(board);
        await using var process = await AppProcess.StartAsync(_app.ConnectionString);
        var itemPath = $"/meetings/{board.MeetingId}/items/{board.ItemNumber}";
        var acknowledged = new ConcurrentDictionary<int, List<VoteChoice>>();
        using var stop = new CancellationTokenSource();

        var voting = board.Voters.Select(voter => Task.Run(async () =>
        {
            var mine = acknowledged.GetOrAdd(voter, _ => []);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await UntilAcknowledgedAsync(() => PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = Email(voter), ["Input.Password"] = Password }), stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var choice = mine.Count % 2 == 0 ? "For" : "Against";
                if (await UntilAcknowledgedAsync(() => PostFormAsync(client, itemPath, $"{itemPath}?handler=Vote", new() { ["choice"] = choice }), stop.Token))
                {
                    mine.Add(Enum.Parse<VoteChoice>(choice));
                }
            }
        })).ToList();

        // Phases by progress, not by time, so a slow machine changes only how long it takes.
        await Acknowledged.UntilEveryVoterHasAsync(acknowledged, Voters, 2);
        await process.KillAsync();
        var beforeCrash = acknowledged.ToDictionary(pair => pair.Key, pair => pair.Value.Count);
        await process.StartAgainAsync();
        await Acknowledged.UntilEveryVoterHasAsync(acknowledged, Voters, beforeCrash.Values.Max() + 2);
        await stop.CancelAsync();
        await Task.WhenAll(voting);

        var events = await _app.QueryDbAsync(db => db.VoteEvents.Where(voteEvent => voteEvent.AgendaItemId == board.ItemId)
            .GroupBy(voteEvent => voteEvent.PersonId).Select(group => new { PersonId = group.Key, Count = group.Count() }).ToDictionaryAsync(group => group.PersonId, group => group.Count));
        var votes = await _app.QueryDbAsync(db => db.Votes.Where(vote => vote.AgendaItemId == board.ItemId).ToDictionaryAsync(vote => vote.PersonId, vote => vote.Choice));
        foreach (var (voter, choices) in acknowledged)
        {
            Assert.Equal(choices.Count, events.GetValueOrDefault(voter));
            Assert.Equal(choices[^1], votes[voter]);
        }

        var chain = await _app.SendAsync(new VerifyModel.Query());
        Assert.True(chain.IsIntact, chain.Reason);
    }

    private static string Email(int personId) => $"crash-voter-{personId}@kmc.example";

    private async Task CreateAccountsAsync(VotingBoard board)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var voter in board.Voters)
        {
            var account = new ApplicationUser { UserName = Email(voter), Email = Email(voter), DisplayName = $"Voter {voter}", PersonId = voter };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Roles.Member)).Succeeded);
        }
    }

    /// <summary>Repeats the request, as a person would press the button again, until the app answers with a redirect.</summary>
    private static async Task<bool> UntilAcknowledgedAsync(Func<Task<HttpStatusCode>> send, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var status = await send();
                Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable, $"the app answered {(int)status}");
                if (status == HttpStatusCode.Redirect)
                {
                    return true;
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
            {
                // The app is down or was killed mid-request: no acknowledgement.
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    private static async Task<HttpStatusCode> PostFormAsync(HttpClient client, string pagePath, string postPath, Dictionary<string, string> fields)
    {
        var page = await Parser.ParseDocumentAsync(await client.GetStringAsync(pagePath));
        fields["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync(postPath, new FormUrlEncodedContent(fields));
        return response.StatusCode;
    }
}
