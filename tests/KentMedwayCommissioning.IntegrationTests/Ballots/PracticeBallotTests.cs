using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Ballots;

/// <summary>The member-practice ballot from the papers, and answers recorded by the CCG's secretary.</summary>
[Collection(nameof(SharedApp))]
public sealed class PracticeBallotTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string SlugOf(string name) => Slug.From(name);

    [Fact]
    public async Task The_merger_ballot_shows_what_the_papers_report_and_no_invented_answers()
    {
        var page = await _browser.GetPageAsync($"/ballots/{SlugOf(DecisionsData.MergerBallot)}");

        Assert.Contains("GP support for the proposals averaged 75% across the eight CCG areas", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("main tbody tr").Length);
        Assert.Contains("No answers recorded", page.QuerySelector("#average")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("so none are recorded below", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretary_records_practice_answers_and_the_share_follows()
    {
        // The ballot asked the eight CCGs; the demo secretary runs the single CCG, so here keeps West Kent CCG's records too.
        await app.AddSecretaryOfAsync(DemoAccounts.BoardSecretary.Email, "west-kent-ccg");
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var path = $"/ballots/{SlugOf(DecisionsData.MergerBallot)}";
        foreach (var (practice, answer) in new[] { ("Riverside Surgery", "Support"), ("Hillside Practice", "Support"), ("Oak Tree Surgery", "Support"), ("Marsh Practice", "Oppose") })
        {
            var response = await _browser.SubmitAsync(path, new Dictionary<string, string>
            {
                ["Input.BodySlug"] = "west-kent-ccg",
                ["Input.PracticeName"] = practice,
                ["Input.Answer"] = answer,
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var page = await _browser.GetPageAsync(path);

        var westKent = page.QuerySelectorAll("main tbody tr").Single(row => row.TextContent.Contains("West Kent CCG", StringComparison.Ordinal));
        Assert.Contains("75%", westKent.TextContent, StringComparison.Ordinal);
        Assert.Contains("75%", page.QuerySelector("#average")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("none are recorded below", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("The practices' own answers are not in the papers; the answers below were recorded here since.", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_cannot_record_answers_for_another_ccg()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var path = $"/ballots/{SlugOf(DecisionsData.MergerBallot)}";
        var page = await _browser.GetPageAsync(path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await _browser.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.BodySlug"] = "thanet-ccg",
            ["Input.PracticeName"] = "Seaside Surgery",
            ["Input.Answer"] = "Oppose",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.QueryDbAsync(db => db.PracticeBallots.SelectMany(ballot => ballot.Answers).CountAsync()));
    }
}
