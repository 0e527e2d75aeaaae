using System.Globalization;
using System.Net;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class ChangeTests(TestApp app) : IAsyncLifetime
{
    private const string WestKent = "west-kent-ccg";
    private const string SingleCcg = "kent-and-medway-ccg";

    /// <summary>A body with no meetings, so it may end on any day (the single CCG has the demo's meetings of today).</summary>
    private const string Bexley = "bexley-ccg";
    private const int EndForm = 1;
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_renamed_body_keeps_its_address_and_shows_the_change_its_day_and_reason()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(ChangePage(SingleCcg), ChangeFields("NHS Kent and Medway CCG", new DateOnly(2021, 4, 1), "Renamed by the governing body"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("NHS Kent and Medway CCG", await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == SingleCcg).Select(body => body.Name).SingleAsync()));
        var page = await _browser.GetPageAsync($"/bodies/{SingleCcg}");
        Assert.Contains("The change has been recorded.", page.MainText(), StringComparison.Ordinal);
        var history = page.QuerySelectorAll("table")[^1].TextContent;
        Assert.Contains("1 April 2021", history, StringComparison.Ordinal);
        Assert.Contains("Name: Kent and Medway CCG to NHS Kent and Medway CCG", history, StringComparison.Ordinal);
        Assert.Contains("Renamed by the governing body", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2021-04-01", "A reason", "input-name", "Enter the body's name")]
    [InlineData("Kent and Medway CCG 2", "", "A reason", "input-effectiveon", "Enter the day the change takes effect")]
    [InlineData("Kent and Medway CCG 2", "2021-04-01", "", "input-reason", "Say why: the reason is kept in the body's history")]
    [InlineData("West Kent CCG", "2021-04-01", "A reason", "input-name", "There is already a body called West Kent CCG")]
    [InlineData("Kent and Medway CCG", "2021-04-01", "A reason", "input-name", "Nothing has changed")]
    public async Task A_bad_change_is_refused_by_the_field_and_writes_nothing(string name, string effectiveOn, string reason, string fieldId, string message)
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var fields = ChangeFields(name, new DateOnly(2021, 4, 1), reason);
        fields["Input.EffectiveOn"] = effectiveOn;

        await AssertRefusedAsync(SingleCcg, fields, fieldId, message);

        Assert.Equal("Kent and Medway CCG", await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == SingleCcg).Select(body => body.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_ended_body_keeps_its_record_and_shows_as_ended_with_its_reason()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(ChangePage(Bexley), EndFields(new DateOnly(2022, 6, 30), "Its functions passed to the integrated care board"), EndForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2022, 6, 30), await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == Bexley).Select(body => body.ExistedTo).SingleAsync()));
        var details = await _browser.GetPageAsync($"/bodies/{Bexley}");
        Assert.Contains("Bexley CCG ended on 30 June 2022", details.MainText(), StringComparison.Ordinal);
        Assert.Contains("Its functions passed to the integrated care board", details.MainText(), StringComparison.Ordinal);
        var index = await _browser.GetPageAsync("/bodies");
        Assert.Equal("Ended", index.QuerySelector($"a[href='/bodies/{Bexley}']")!.ParentElement!.QuerySelector(".nhsuk-tag")!.TextContent);
    }

    [Fact]
    public async Task A_body_that_has_ended_cannot_end_again()
    {
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        await _browser.SubmitAsync(ChangePage(Bexley), EndFields(new DateOnly(2022, 6, 30), "Closed"), EndForm);
        var changes = await app.QueryDbAsync(db => db.BodyChanges.CountAsync());

        // The end form is gone from the page once the body has ended; a stale form sent again is refused in the error summary.
        var response = await _browser.Client.PostAsync(ChangePage(Bexley) + "?handler=End", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(ChangePage(Bexley)),
            ["Ending.LastDay"] = "2023-01-31",
            ["Ending.Reason"] = "Closed again",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.Contains("Bexley CCG has already ended (its last day was 30 June 2022)", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(changes, await app.QueryDbAsync(db => db.BodyChanges.CountAsync()));
        Assert.Equal(new DateOnly(2022, 6, 30), await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == Bexley).Select(body => body.ExistedTo).SingleAsync()));
    }

    [Fact]
    public async Task An_ended_body_cannot_have_a_meeting_scheduled_after_its_last_day()
    {
        // An administrator may run any body's meetings; the demo secretary runs the single CCG, which has not ended.
        await _browser.SignInAsync(DemoAccounts.Administrator.Email, DemoAccounts.Password);
        var meetings = await app.QueryDbAsync(db => db.Meetings.CountAsync());

        var response = await _browser.SubmitAsync($"/bodies/{WestKent}/meetings", new Dictionary<string, string>
        {
            ["Schedule.Title"] = "Governing body",
            ["Schedule.StartsAt"] = "2030-01-10T10:00",
            ["Schedule.Place"] = "Wharf House",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.Equal("West Kent CCG ended on 31 March 2020, so nothing can start on or after 1 April 2020", ErrorAt(page, "schedule-startsat"));
        Assert.Equal(meetings, await app.QueryDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_body_s_secretary_changes_its_description_and_the_change_is_kept()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var response = await _browser.SubmitAsync(ChangePage(SingleCcg), new Dictionary<string, string>
        {
            ["Describing.Description"] = "Commissions care for the people of Kent and Medway.",
            ["Describing.EffectiveOn"] = "2021-04-01",
            ["Describing.Reason"] = "Brought up to date a year after the merger",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Commissions care for the people of Kent and Medway.", await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == SingleCcg).Select(body => body.Description).SingleAsync()));
        var change = await app.QueryDbAsync(db => db.BodyChanges.Where(entry => entry.Body.Slug == SingleCcg).Select(entry => new { entry.Change, entry.Reason }).SingleAsync());
        Assert.Equal(("Description changed", "Brought up to date a year after the merger"), (change.Change, change.Reason));
    }

    [Fact]
    public async Task A_secretary_sees_only_the_description_form_and_cannot_reach_another_body()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var page = await _browser.GetPageAsync(ChangePage(SingleCcg));
        Assert.Equal([$"/bodies/{SingleCcg}/change?handler=Description"], page.QuerySelectorAll("main form").Select(form => form.GetAttribute("action")));
        var other = await _browser.Client.GetAsync(ChangePage("medway-ccg"));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/account/access-denied", other.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static string ChangePage(string slug) => $"/bodies/{slug}/change";

    private async Task<string> TokenAsync(string path) =>
        (await _browser.GetPageAsync(path)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task AssertRefusedAsync(string slug, Dictionary<string, string> fields, string fieldId, string messageStart, int formIndex = 0)
    {
        var changes = await app.QueryDbAsync(db => db.BodyChanges.CountAsync());

        var response = await _browser.SubmitAsync(ChangePage(slug), fields, formIndex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browsing.ParseAsync(response);
        Assert.StartsWith(messageStart, ErrorAt(page, fieldId), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(changes, await app.QueryDbAsync(db => db.BodyChanges.CountAsync()));
    }

    private static string ErrorAt(AngleSharp.Dom.IDocument page, string fieldId) =>
        page.QuerySelector($"#{fieldId}-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();

    private static Dictionary<string, string> ChangeFields(string name, DateOnly effectiveOn, string reason) => new()
    {
        ["Input.Name"] = name,
        ["Input.Kind"] = "ClinicalCommissioningGroup",
        ["Input.SubSystem"] = "",
        ["Input.Description"] = "The single CCG for Kent and Medway, formed by merging the eight Kent and Medway CCGs, live from 1 April 2020. NHS England approved the merger subject to conditions.",
        ["Input.ExistedFrom"] = "2020-04-01",
        ["Input.EffectiveOn"] = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Reason"] = reason,
    };

    private static Dictionary<string, string> EndFields(DateOnly lastDay, string reason) => new()
    {
        ["Ending.LastDay"] = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Ending.Reason"] = reason,
    };
}
