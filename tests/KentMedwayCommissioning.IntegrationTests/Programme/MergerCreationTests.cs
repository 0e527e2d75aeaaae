using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Pages.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Programme;

[Collection(nameof(SharedApp))]
public sealed class MergerCreationTests(TestApp app) : IAsyncLifetime
{
    private const string NewPage = "/programme/mergers/new";
    private static readonly string SingleCcg = Slug.From(PapersData.SingleCcg);
    private static readonly string NhsEngland = Slug.From(PapersData.NhsEngland);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task With_no_merger_yet_the_programme_office_creates_one_records_its_approval_and_adds_and_meets_a_condition()
    {
        // As on an empty database: nothing but the demo loader has ever created a merger.
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE mergers CASCADE"));
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        Assert.NotNull((await _browser.GetPageAsync("/programme")).QuerySelector($"a[href='{NewPage}']"));
        var ballot = (await _browser.GetPageAsync(NewPage)).QuerySelectorAll("#input-practiceballotslug option").Select(option => option.GetAttribute("value")!).First(value => value.Length > 0);
        var fields = Fields("Kent and Medway CCG merger", SingleCcg, NhsEngland, "2020-04-01");
        fields["Input.PracticeBallotSlug"] = ballot;
        fields["Input.Source"] = "CCG merger application";

        var created = await _browser.SubmitAsync(NewPage, fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        const string MergerPage = "/programme/mergers/kent-and-medway-ccg-merger";
        Assert.Equal(MergerPage, created.Headers.Location!.OriginalString);
        var merger = await app.QueryDbAsync(db => db.Mergers.SingleAsync());
        Assert.Equal((new DateOnly(2020, 4, 1), "CCG merger application", false), (merger.LiveOn, merger.Source, merger.IsApproved));
        Assert.Equal(await BodyIdAsync(SingleCcg), merger.FormsBodyId);
        Assert.Equal(await BodyIdAsync(NhsEngland), merger.ApproverBodyId);
        Assert.Equal(ballot, await app.QueryDbAsync(db => db.PracticeBallots.Where(candidate => candidate.Id == merger.PracticeBallotId).Select(candidate => candidate.Slug).SingleAsync()));
        var page = await _browser.GetPageAsync(MergerPage);
        Assert.Contains("The merger is added.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(PapersData.SingleCcg, page.QuerySelector("#approval")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not approved", page.QuerySelector("#approval")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Approved on", page.QuerySelector("#approval")!.TextContent, StringComparison.Ordinal);

        var noDate = await _browser.SubmitAsync(MergerPage, new Dictionary<string, string> { ["Approval.On"] = "" });
        Assert.Contains("Enter the date the merger was approved", (await Browsing.ParseAsync(noDate)).QuerySelector("#approval-on-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(MergerPage, new Dictionary<string, string> { ["Approval.On"] = "2020-01-10" })).StatusCode);
        var approved = await _browser.GetPageAsync(MergerPage);
        Assert.Contains("10 January 2020", approved.QuerySelector("#approval")!.TextContent, StringComparison.Ordinal);
        Assert.Null(approved.QuerySelector("#approval-on"));

        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(MergerPage, new Dictionary<string, string>
        {
            ["Condition.Description"] = "Appoint an Accountable Officer",
            ["Condition.Owner"] = "Governing body",
        })).StatusCode);
        var conditionId = await app.QueryDbAsync(db => db.Set<MergerCondition>().Select(condition => condition.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.SubmitAsync(MergerPage, new Dictionary<string, string>
        {
            ["Met.ConditionId"] = conditionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Met.On"] = "2020-02-01",
            ["Met.Evidence"] = "Appointment letter",
        })).StatusCode);

        var standing = (await app.QueryDbAsync(db => db.Mergers.Include(candidate => candidate.Conditions).SingleAsync())).Standing();
        Assert.Equal(new ApprovalStanding(ApprovalState.Unconditional, new DateOnly(2020, 2, 1)), standing);
        Assert.NotNull((await _browser.GetPageAsync("/programme")).QuerySelector($"a[href='{MergerPage}']"));
    }

    [Fact]
    public async Task Unknown_or_same_bodies_an_ended_body_a_date_before_the_body_starts_and_a_taken_name_are_refused_next_to_their_fields()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var before = await app.QueryDbAsync(db => db.Mergers.CountAsync());

        await AssertRefusedAsync(Fields("Merger", "no-such-body", NhsEngland, "2020-04-01"), "input-formsbodyslug", "Choose the body the merger forms from the list");
        await AssertRefusedAsync(Fields("Merger", SingleCcg, "no-such-body", "2020-04-01"), "input-approverbodyslug", "Choose the approving body from the list");
        await AssertRefusedAsync(Fields("Merger", SingleCcg, SingleCcg, "2020-04-01"), "input-approverbodyslug", "The approving body cannot be the body the merger forms");
        await AssertRefusedAsync(Fields("Merger", "west-kent-ccg", NhsEngland, "2020-04-01"), "input-formsbodyslug", "West Kent CCG ended on 31 March 2020");
        await AssertRefusedAsync(Fields("Merger", SingleCcg, NhsEngland, "2020-03-01"), "input-liveon", $"The merger cannot take effect before {PapersData.SingleCcg} starts, on 1 April 2020");
        await AssertRefusedAsync(Fields("Merger", SingleCcg, NhsEngland, ""), "input-liveon", "Enter the date the merger takes effect");
        await AssertRefusedAsync(Fields(ProgrammeData.Merger, SingleCcg, NhsEngland, "2020-04-01"), "input-title", $"There is already a merger called {ProgrammeData.Merger}");
        await AssertRefusedAsync(Fields("New", SingleCcg, NhsEngland, "2020-04-01"), "input-title", "Choose another name");
        var unknownBallot = Fields("Merger", SingleCcg, NhsEngland, "2020-04-01");
        unknownBallot["Input.PracticeBallotSlug"] = "no-such-ballot";
        await AssertRefusedAsync(unknownBallot, "input-practiceballotslug", "Choose a ballot from the list");

        Assert.Equal(before, await app.QueryDbAsync(db => db.Mergers.CountAsync()));
    }

    [Fact]
    public async Task Only_the_programme_office_creates_mergers_or_records_their_approval()
    {
        var command = new NewMergerModel.Command("Mine", SingleCcg, NhsEngland, new DateOnly(2020, 4, 1), null, null);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(1), command));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), new ChangeProgramme.ApproveMerger(Slug.From(ProgrammeData.Merger), new DateOnly(2020, 1, 10))));
    }

    private Task<int> BodyIdAsync(string slug) => app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == slug).Select(body => body.Id).SingleAsync());

    private async Task AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart)
    {
        var response = await _browser.SubmitAsync(NewPage, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string title, string formsBody, string approver, string liveOn) => new()
    {
        ["Input.Title"] = title,
        ["Input.FormsBodySlug"] = formsBody,
        ["Input.ApproverBodySlug"] = approver,
        ["Input.LiveOn"] = liveOn,
    };
}
