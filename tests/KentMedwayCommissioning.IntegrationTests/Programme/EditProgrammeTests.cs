using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Programme;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Programme;

[Collection(nameof(SharedApp))]
public sealed class EditProgrammeTests(TestApp app) : IAsyncLifetime
{
    private const string EditPage = "/programme/edit";
    private static readonly string SingleCcg = Slug.From(PapersData.SingleCcg);
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_programme_the_public_page_says_so_and_the_programme_office_records_one()
    {
        // As on an empty database: no programme, so none of its milestones either.
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE programmes CASCADE"));
        var empty = await _browser.GetPageAsync("/programme");
        Assert.NotNull(empty.QuerySelector("#no-programme"));
        Assert.Null(empty.QuerySelector("a[href='/programme/edit']"));
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        Assert.NotNull((await _browser.GetPageAsync("/programme")).QuerySelector("a[href='/programme/edit']"));

        var response = await _browser.SubmitAsync(EditPage, Fields("West Kent transformation", "2031-04-01", SingleCcg));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var programme = await app.QueryDbAsync(db => db.Programmes.SingleAsync());
        Assert.Equal(("West Kent transformation", new DateOnly(2031, 4, 1), 21), (programme.Name, programme.TargetDate, programme.MarginDays));
        Assert.Equal(await BodyIdAsync(SingleCcg), programme.EstablishesBodyId);
        var page = await _browser.GetPageAsync("/programme");
        Assert.Contains("The programme is recorded.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("West Kent transformation", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var terms = page.QuerySelector("#programme-terms")!.TextContent;
        Assert.Contains(PapersData.SingleCcg, terms, StringComparison.Ordinal);
        Assert.Contains("1 April 2031", terms, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_needs_its_effective_date_and_reason_and_is_kept_in_the_history()
    {
        var before = await app.QueryDbAsync(db => db.Programmes.SingleAsync());
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var fields = Fields(before.Name, "2020-10-01", SingleCcg);
        fields["Input.Description"] = before.Description!;
        fields["Input.MarginDays"] = before.MarginDays.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await AssertRefusedAsync(fields, "input-effectiveon", "Enter the date the change takes effect");
        Assert.Contains("Say why the programme has changed", refused.QuerySelector("#input-reason-error")!.TextContent, StringComparison.Ordinal);

        fields["Input.EffectiveOn"] = "2019-11-01";
        fields["Input.Reason"] = "NHS England asked for a later go-live";
        var response = await _browser.SubmitAsync(EditPage, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var change = await app.QueryDbAsync(db => db.Programmes.SelectMany(programme => programme.Changes).SingleAsync());
        Assert.Equal(("Target date from 1 April 2020 to 1 October 2020", new DateOnly(2019, 11, 1), "Programme office"), (change.Change, change.EffectiveOn, change.ChangedBy));
        Assert.Equal(new DateOnly(2020, 10, 1), await app.QueryDbAsync(db => db.Programmes.Select(programme => programme.TargetDate).SingleAsync()));
        var history = (await _browser.GetPageAsync("/programme")).QuerySelector("#programme-changes")!.TextContent;
        Assert.Contains("From 1 November 2019: Target date from 1 April 2020 to 1 October 2020.", history, StringComparison.Ordinal);
        Assert.Contains("NHS England asked for a later go-live", history, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<PostgresException>(() => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE programme_changes SET reason = 'rewritten'")));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_changes_nothing_is_refused_at_the_top()
    {
        var before = await app.QueryDbAsync(db => db.Programmes.SingleAsync());
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);
        var fields = Fields(before.Name, "2020-04-01", SingleCcg);
        fields["Input.Description"] = before.Description!;
        fields["Input.MarginDays"] = before.MarginDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.EffectiveOn"] = "2019-11-01";
        fields["Input.Reason"] = "No reason";

        var response = await _browser.SubmitAsync(EditPage, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing has changed", (await Browsing.ParseAsync(response)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Programmes.SelectMany(programme => programme.Changes).CountAsync()));
    }

    [Fact]
    public async Task Missing_name_and_target_date_and_an_unknown_body_are_refused_next_to_their_fields()
    {
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE programmes CASCADE"));
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var page = await AssertRefusedAsync(Fields("", "", SingleCcg), "input-name", "Enter the programme's name");
        Assert.Contains("Enter the date the programme aims to be done", page.QuerySelector("#input-targetdate-error")!.TextContent, StringComparison.Ordinal);
        await AssertRefusedAsync(Fields("A programme", "2031-04-01", "no-such-body"), "input-establishesbodyslug", "Choose a body from the list");
        Assert.Equal(0, await app.QueryDbAsync(db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task Only_the_programme_office_records_or_changes_the_programme()
    {
        var command = new EditModel.Command("Taken over", null, null, new DateOnly(2031, 1, 1), 30, new DateOnly(2031, 1, 1), "Testing");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Member(1), command));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(TestApp.Secretary(1), command));
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var response = await _browser.Client.GetAsync(EditPage);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual("Taken over", await app.QueryDbAsync(db => db.Programmes.Select(programme => programme.Name).SingleAsync()));
    }

    private Task<int> BodyIdAsync(string slug) => app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == slug).Select(body => body.Id).SingleAsync());

    private async Task<AngleSharp.Dom.IDocument> AssertRefusedAsync(Dictionary<string, string> fields, string fieldId, string messageStart)
    {
        var response = await _browser.SubmitAsync(EditPage, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        return page;
    }

    private static Dictionary<string, string> Fields(string name, string targetDate, string bodySlug) => new()
    {
        ["Input.Name"] = name,
        ["Input.EstablishesBodySlug"] = bodySlug,
        ["Input.TargetDate"] = targetDate,
        ["Input.MarginDays"] = "21",
    };
}
