using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Programme;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Programme;

[Collection(nameof(SharedApp))]
public sealed class MilestoneEditingTests(TestApp app) : IAsyncLifetime
{
    private const string NewPage = "/programme/milestones/new";
    private const string FullyOperational = "Strategic commissioner fully operational";
    // After changing the forecast and marking as done, on a milestone not yet done.
    private const int ReassignForm = 2;
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_programme_office_adds_a_milestone_with_its_owner_dependencies_and_authorising_decision()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var shadow = await MilestoneIdAsync(ProgrammeData.ShadowForm);
        var form = await _browser.GetPageAsync(NewPage);
        var decision = form.QuerySelectorAll("#input-proposalslug option").Select(option => option.GetAttribute("value")!).First(value => value.Length > 0);

        var response = await _browser.SubmitAsync(NewPage, Fields("Joint committee meets in public", "2019-09-01", "Programme director", decision, shadow));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await app.QueryDbAsync(db => db.Milestones.Include(candidate => candidate.Dependencies).SingleAsync(candidate => candidate.Title == "Joint committee meets in public"));
        Assert.Equal($"/programme/milestones/{milestone.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal((new DateOnly(2019, 9, 1), new DateOnly(2019, 9, 1), "Programme director"), (milestone.Baseline.Date, milestone.Forecast.Date, milestone.Owner));
        Assert.Equal([shadow], milestone.Dependencies.Select(dependency => dependency.DependsOnId));
        Assert.Equal(decision, await app.QueryDbAsync(db => db.Proposals.Where(proposal => proposal.Id == milestone.ProposalId).Select(proposal => proposal.Slug).SingleAsync()));
        var page = await _browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The milestone is added.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(ProgrammeData.ShadowForm, page.QuerySelector("#milestone-dates")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Joint committee meets in public", (await _browser.GetPageAsync("/programme")).QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_milestone_without_title_baseline_or_owner_or_with_a_title_taken_is_refused_next_to_the_field()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var before = await app.QueryDbAsync(db => db.Milestones.CountAsync());

        var page = await AssertRefusedAsync(NewPage, Fields("", "", "", "", null), "input-title", "Enter what the milestone is");
        Assert.Contains("Enter the baseline date", page.QuerySelector("#input-baseline-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter who owns the milestone", page.QuerySelector("#input-owner-error")!.TextContent, StringComparison.Ordinal);
        await AssertRefusedAsync(NewPage, Fields(ProgrammeData.ShadowForm, "2019-09-01", "Programme director", "", null), "input-title", $"There is already a milestone called {ProgrammeData.ShadowForm}");
        await AssertRefusedAsync(NewPage, Fields("Something new", "2019-09-01", "Programme director", "no-such-proposal", null), "input-proposalslug", "Choose a decision from the list");

        Assert.Equal(before, await app.QueryDbAsync(db => db.Milestones.CountAsync()));
    }

    [Fact]
    public async Task Changing_the_owner_and_dependencies_needs_a_date_and_reason_and_is_kept_in_the_history()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var operational = await MilestoneIdAsync(FullyOperational);
        var accountable = await MilestoneIdAsync("Accountable officers take transitional roles");
        var path = $"/programme/milestones/{operational}";

        await AssertRefusedAsync(path, Reassigning("Accountable Officer", null, "", accountable), "reassigning-effectiveon", "Enter the date the change takes effect", ReassignForm);
        var response = await _browser.SubmitAsync(path, Reassigning("Accountable Officer", "2019-06-01", "The Accountable Officer now leads the programme", accountable), ReassignForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var milestone = await app.QueryDbAsync(db => db.Milestones.Include(candidate => candidate.Dependencies).Include(candidate => candidate.Changes).SingleAsync(candidate => candidate.Id == operational));
        Assert.Equal("Accountable Officer", milestone.Owner);
        Assert.Equal([accountable], milestone.Dependencies.Select(dependency => dependency.DependsOnId));
        var change = Assert.Single(milestone.Changes);
        Assert.Equal(
            ($"Owner from {ProgrammeData.PapersOwner} to Accountable Officer; now depends on Accountable officers take transitional roles; no longer depends on {ProgrammeData.ShadowForm}", new DateOnly(2019, 6, 1)),
            (change.Change, change.EffectiveOn));
        var history = (await _browser.GetPageAsync(path)).QuerySelector("#milestone-changes")!.TextContent;
        Assert.Contains("The Accountable Officer now leads the programme", history, StringComparison.Ordinal);
        Assert.Contains("From 1 June 2019", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dependency_that_closes_a_circle_or_on_itself_is_refused_next_to_the_dependencies()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var shadow = await MilestoneIdAsync(ProgrammeData.ShadowForm);
        var operational = await MilestoneIdAsync(FullyOperational);
        var path = $"/programme/milestones/{shadow}";

        await AssertRefusedAsync(path, Reassigning(ProgrammeData.PapersOwner, "2019-06-01", "Try a circle", operational), "reassigning-dependson", $"{FullyOperational} already waits, directly or through others, on this milestone", ReassignForm);
        await AssertRefusedAsync(path, Reassigning(ProgrammeData.PapersOwner, "2019-06-01", "Try itself", shadow), "reassigning-dependson", "A milestone cannot depend on itself", ReassignForm);

        Assert.Empty(await app.QueryDbAsync(db => db.Milestones.Where(milestone => milestone.Id == shadow).SelectMany(milestone => milestone.Dependencies).ToListAsync()));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Milestones.SelectMany(milestone => milestone.Changes).CountAsync()));
    }

    [Fact]
    public async Task Without_a_programme_the_page_asks_for_the_programme_first()
    {
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE programmes CASCADE"));
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var page = await _browser.GetPageAsync(NewPage);

        Assert.NotNull(page.QuerySelector("#no-programme a[href='/programme/edit']"));
        Assert.Null(page.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Only_the_programme_office_adds_or_changes_milestones()
    {
        var shadow = await MilestoneIdAsync(ProgrammeData.ShadowForm);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), new NewMilestoneModel.Command("Mine", new DateOnly(2030, 1, 1), null, "Me", null, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(1), new ChangeProgramme.Reassign(shadow, "Me", null, new DateOnly(2030, 1, 1), "Mine now")));
    }

    private Task<int> MilestoneIdAsync(string title) =>
        app.QueryDbAsync(db => db.Milestones.Where(milestone => milestone.Title == title).Select(milestone => milestone.Id).SingleAsync());

    private async Task<AngleSharp.Dom.IDocument> AssertRefusedAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string fieldId, string messageStart, int formIndex = 0)
    {
        var response = await _browser.SubmitAsync(path, fields.ToDictionary(), formIndex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        return page;
    }

    private static Dictionary<string, string> Fields(string title, string baseline, string owner, string proposalSlug, int? dependsOn)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Baseline"] = baseline,
            ["Input.Owner"] = owner,
            ["Input.ProposalSlug"] = proposalSlug,
        };
        if (dependsOn is { } id)
        {
            fields["Input.DependsOn"] = id.ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private static Dictionary<string, string> Reassigning(string owner, string? effectiveOn, string reason, int dependsOn) => new()
    {
        ["Reassigning.Owner"] = owner,
        ["Reassigning.EffectiveOn"] = effectiveOn ?? "",
        ["Reassigning.Reason"] = reason,
        ["Reassigning.DependsOn"] = dependsOn.ToString(CultureInfo.InvariantCulture),
    };
}
