using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Pages.Ballots;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Ballots;

[Collection(nameof(SharedApp))]
public sealed class CreateBallotTests(TestApp app) : IAsyncLifetime
{
    private const string NewBallot = "/ballots/new";
    private const string Question = "Do you support a single primary care network for Maidstone?";
    private const string BallotPage = "/ballots/do-you-support-a-single-primary-care-network-for-maidstone";
    private const string Practices = "Riverside Surgery, G82001, 9500\nHilltop Practice, G82002\nLakeside Surgery";
    private static readonly string SingleCcg = Slug.From(PapersData.SingleCcg);
    private static readonly DateOnly Today = UkCalendar.Today(TimeProvider.System);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_office_sets_up_a_ballot_with_its_practices()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(NewBallot, Fields(Practices, Today, Today.AddDays(14)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BallotPage, response.Headers.Location!.OriginalString);
        var practices = await app.QueryDbAsync(db => db.PracticeBallots.Where(ballot => ballot.Question == Question)
            .SelectMany(ballot => ballot.Practices).OrderBy(practice => practice.Name).Select(practice => new { practice.Name, practice.OdsCode, practice.ListSize }).ToListAsync());
        Assert.Equal(
            [("Hilltop Practice", "G82002", null), ("Lakeside Surgery", null, null), ("Riverside Surgery", "G82001", (int?)9500)],
            practices.Select(practice => (practice.Name, practice.OdsCode, practice.ListSize)));
        var page = await _browser.GetPageAsync(BallotPage);
        Assert.Contains("The ballot is set up.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("More than 50% of the practices that answer in support", page.QuerySelector("#ballot-terms")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task No_practices_are_refused_next_to_the_list() =>
        Assert.Equal("List the practices taking part, one a line", await RefusedAsync(Fields("\n  \n", Today, Today.AddDays(14)), "input-practices"));

    [Fact]
    public async Task A_practice_listed_twice_is_refused_next_to_the_list() =>
        Assert.Equal("Riverside Surgery is listed twice: list each practice once", await RefusedAsync(Fields("Riverside Surgery\nHilltop Practice\nriverside surgery", Today, Today.AddDays(14)), "input-practices"));

    [Fact]
    public async Task A_line_that_cannot_be_read_is_refused_with_its_number() =>
        Assert.StartsWith("Line 2: the list size", await RefusedAsync(Fields("Riverside Surgery\nHilltop Practice, G82002, lots", Today, Today.AddDays(14)), "input-practices"), StringComparison.Ordinal);

    [Fact]
    public async Task Closing_before_opening_is_refused_next_to_the_closing_day() =>
        Assert.Equal("The ballot must close on or after the day it opens", await RefusedAsync(Fields(Practices, Today, Today.AddDays(-1)), "input-closeson"));

    [Fact]
    public async Task The_secretary_records_answers_closes_the_ballot_and_the_result_shows_and_no_answer_is_taken_after()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(NewBallot, Fields(Practices, Today, Today.AddDays(14)))).StatusCode);

        foreach (var (practice, answer) in new[] { ("Riverside Surgery", "Support"), ("Hilltop Practice", "Support"), ("Lakeside Surgery", "Oppose") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(BallotPage, Answer(practice, answer))).StatusCode);
        }

        var open = await _browser.GetPageAsync(BallotPage);
        Assert.Contains("Open: no result until its secretary closes it", open.QuerySelector("#ballot-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(BallotPage, new Dictionary<string, string>(), formIndex: 1)).StatusCode);

        var closed = await _browser.GetPageAsync(BallotPage);
        Assert.Contains("Supported", closed.QuerySelector("#ballot-result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"closed on {Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", closed.QuerySelector("#ballot-result")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.QuerySelectorAll("main button"), button => button.TextContent.Trim() is "Record the answer" or "Close the ballot");

        var late = await PostAnswerAsync(BallotPage, Answer("Lakeside Surgery", "Support"));
        Assert.Contains("answers can no longer be recorded", late.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Oppose", await app.QueryDbAsync(db => db.PracticeBallots.Where(ballot => ballot.Question == Question).SelectMany(ballot => ballot.Answers)
            .Where(answer => answer.PracticeName == "Lakeside Surgery").Select(answer => answer.Answer.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task An_answer_after_the_last_day_is_refused_with_a_message()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(NewBallot, Fields(Practices, Today.AddDays(-10), Today.AddDays(-1)))).StatusCode);

        var page = await PostAnswerAsync(BallotPage, Answer("Riverside Surgery", "Support"));

        Assert.Contains($"The ballot closed on {Today.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.QueryDbAsync(db => db.PracticeBallots.Where(ballot => ballot.Question == Question).SelectMany(ballot => ballot.Answers).AnyAsync()));
    }

    [Fact]
    public async Task A_secretary_may_not_close_another_body_s_ballot_by_naming_their_own()
    {
        var ccgId = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == SingleCcg).Select(body => body.Id).SingleAsync());
        var westKentId = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == "west-kent-ccg").Select(body => body.Id).SingleAsync());
        var slug = await app.SendAsAsync(TestApp.Secretary(ccgId), new CreateModel.Command(Question, SingleCcg, Practices, Today, Today.AddDays(14), 0.5m));

        await Assert.ThrowsAsync<GovernanceException>(() => app.SendAsAsync(TestApp.Secretary(westKentId), new DetailsModel.CloseBallot(slug, "west-kent-ccg")));

        Assert.Null(await app.QueryDbAsync(db => db.PracticeBallots.Where(ballot => ballot.Slug == slug).Select(ballot => ballot.ClosedOn).SingleAsync()));
    }

    private async Task<IDocument> PostAnswerAsync(string path, Dictionary<string, string> fields)
    {
        // The form is gone once the ballot is closed, so the answer is posted with the close form's token.
        var page = await _browser.GetPageAsync(path);
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await _browser.GetPageAsync(NewBallot)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await _browser.Client.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browsing.ParseAsync(response);
    }

    private async Task<string> RefusedAsync(Dictionary<string, string> fields, string fieldId)
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var ballotsBefore = await app.QueryDbAsync(db => db.PracticeBallots.CountAsync());

        var response = await _browser.SubmitAsync(NewBallot, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(ballotsBefore, await app.QueryDbAsync(db => db.PracticeBallots.CountAsync()));
        return page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();
    }

    private static Dictionary<string, string> Answer(string practice, string answer) => new()
    {
        ["Input.BodySlug"] = SingleCcg,
        ["Input.PracticeName"] = practice,
        ["Input.Answer"] = answer,
    };

    private static Dictionary<string, string> Fields(string practices, DateOnly opensOn, DateOnly closesOn) => new()
    {
        ["Input.Question"] = Question,
        ["Input.BodySlug"] = SingleCcg,
        ["Input.Practices"] = practices,
        ["Input.OpensOn"] = opensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.ClosesOn"] = closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.MajorityThreshold"] = "0.5",
    };
}
