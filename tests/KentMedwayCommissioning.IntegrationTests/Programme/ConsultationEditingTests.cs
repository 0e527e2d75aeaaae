using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Pages.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Programme;

[Collection(nameof(SharedApp))]
public sealed class ConsultationEditingTests(TestApp app) : IAsyncLifetime
{
    private const string NewPage = "/programme/consultations/new";
    private static readonly string SingleCcg = Slug.From(PapersData.SingleCcg);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_programme_office_adds_a_consultation_with_its_options_and_records_the_decision_that_settled_it()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(NewPage, Fields("Urgent care review", "2031-02-01", "2031-04-30", "Option A: one centre\nOption B: two centres\n", SingleCcg));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/programme/consultations/urgent-care-review", response.Headers.Location!.OriginalString);
        var consultation = await app.QueryDbAsync(db => db.Consultations.SingleAsync(candidate => candidate.Slug == "urgent-care-review"));
        Assert.Equal(["Option A: one centre", "Option B: two centres"], consultation.Options);
        Assert.Equal((new DateOnly(2031, 2, 1), new DateOnly(2031, 4, 30), new DateOnly(2031, 6, 1)), (consultation.Opens, consultation.Closes, consultation.DecisionExpected.Date));
        Assert.Null(consultation.ProposalId);
        var page = await _browser.GetPageAsync("/programme/consultations/urgent-care-review");
        Assert.Equal(["Option A: one centre", "Option B: two centres"], page.QuerySelectorAll("#options li").Select(option => option.TextContent));
        Assert.Contains(PapersData.SingleCcg, page.QuerySelector("#consultation")!.TextContent, StringComparison.Ordinal);
        var decision = page.QuerySelectorAll("#outcome-proposalslug option").Select(option => option.GetAttribute("value")!).First(value => value.Length > 0);

        var refused = await _browser.SubmitAsync("/programme/consultations/urgent-care-review", new Dictionary<string, string> { ["Outcome.ProposalSlug"] = "" });
        Assert.Contains("Choose the decision that settled the consultation", (await Browsing.ParseAsync(refused)).QuerySelector("#outcome-proposalslug-error")!.TextContent, StringComparison.Ordinal);
        var linked = await _browser.SubmitAsync("/programme/consultations/urgent-care-review", new Dictionary<string, string> { ["Outcome.ProposalSlug"] = decision });

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(decision, await app.QueryDbAsync(db => db.Consultations.Where(candidate => candidate.Slug == "urgent-care-review")
            .Join(db.Proposals, candidate => candidate.ProposalId, proposal => proposal.Id, (_, proposal) => proposal.Slug).SingleAsync()));
        var settled = await _browser.GetPageAsync("/programme/consultations/urgent-care-review");
        Assert.NotNull(settled.QuerySelector($"#consultation a[href='/proposals/{decision}']"));
        Assert.Null(settled.QuerySelector("#outcome"));
    }

    [Fact]
    public async Task Closing_before_opening_no_options_an_option_twice_and_an_ended_body_are_refused_next_to_their_fields()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var before = await app.QueryDbAsync(db => db.Consultations.CountAsync());

        await AssertRefusedAsync(Fields("Review", "2031-04-30", "2031-02-01", "One", SingleCcg), "input-closes", "The consultation cannot close before it opens");
        await AssertRefusedAsync(Fields("Review", "2031-02-01", "2031-04-30", " \n ", SingleCcg), "input-options", "List at least one option");
        await AssertRefusedAsync(Fields("Review", "2031-02-01", "2031-04-30", "Two centres\nOne centre\ntwo centres ", SingleCcg), "input-options", "Two centres is listed twice");
        await AssertRefusedAsync(Fields("Review", "2031-02-01", "2031-04-30", "One", "west-kent-ccg"), "input-decidingbodyslug", "Choose a body from the list: one that exists and has not ended");
        await AssertRefusedAsync(Fields("Review", "2031-02-01", "2031-04-30", "One", "no-such-body"), "input-decidingbodyslug", "Choose a body from the list");

        Assert.Equal(before, await app.QueryDbAsync(db => db.Consultations.CountAsync()));
        var offered = (await _browser.GetPageAsync(NewPage)).QuerySelectorAll("#input-decidingbodyslug option").Select(option => option.GetAttribute("value")).ToList();
        Assert.Contains(SingleCcg, offered);
        Assert.DoesNotContain("west-kent-ccg", offered);
    }

    [Fact]
    public async Task Only_the_programme_office_adds_consultations_or_records_their_outcome()
    {
        var command = new NewConsultationModel.Command("Mine", new DateOnly(2031, 1, 1), new DateOnly(2031, 2, 1), "Anything", "One", SingleCcg, new DateOnly(2031, 3, 1), null);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(1), command));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), new ChangeProgramme.LinkConsultationDecision(Slug.From(ProgrammeData.StrokeConsultation), "anything")));
    }

    private async Task AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart)
    {
        var response = await _browser.SubmitAsync(NewPage, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string title, string opens, string closes, string options, string bodySlug) => new()
    {
        ["Input.Title"] = title,
        ["Input.Opens"] = opens,
        ["Input.Closes"] = closes,
        ["Input.Subject"] = "Where urgent care should be",
        ["Input.Options"] = options,
        ["Input.DecidingBodySlug"] = bodySlug,
        ["Input.DecisionExpected"] = "2031-06-01",
    };
}
