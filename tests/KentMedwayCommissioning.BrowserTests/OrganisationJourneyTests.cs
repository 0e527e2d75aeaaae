using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class OrganisationJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_board_secretary_adds_a_dated_seat_after_correcting_the_form()
    {
        var newcomer = await app.QueryDbAsync(db => db.People
            .Where(person => !db.Memberships.Any(membership => membership.PersonId == person.Id && membership.Body.Slug == "kent-and-medway-ccg"))
            .OrderBy(person => person.Slug).Select(person => person.FullName).FirstAsync());
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.BoardSecretary.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/bodies/kent-and-medway-ccg");
        await page.GetByRole(AriaRole.Link, new() { Name = "Seats on Kent and Medway CCG's governing body, past and present" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the seat" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose the person who holds the seat");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = newcomer });
        await page.GetByLabel("Lay member").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "What the member brings to the quorum" }).GetByLabel("Lay").CheckAsync();
        await page.GetByLabel("This seat has a vote").CheckAsync();
        await page.GetByLabel("Starts on").FillAsync("2021-04-01");
        await page.GetByLabel("Ends on (optional)").FillAsync("2021-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the seat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-to-error")).ToContainTextAsync("The seat must end on or after the day it starts");

        await page.GetByLabel("Ends on (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the seat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The seat has been added.");
        await Assertions.Expect(page.Locator("table tbody tr").Filter(new() { HasText = newcomer })).ToContainTextAsync("Lay member");
        await BrowserApp.ScreenshotAsync(page, "body-seats");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task The_board_secretary_ends_a_seat_today_with_a_reason_after_correcting_the_form()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.BoardSecretary.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/bodies/kent-and-medway-ccg/seats");
        var seat = page.GetByLabel("Seat", new() { Exact = true });
        var chosen = (await seat.Locator("option").Nth(1).TextContentAsync())!.Trim();
        await seat.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Last day in the seat").FillAsync(UkCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "End the seat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ending-reason-error")).ToContainTextAsync("Say why the seat ends");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Reason").FillAsync("Term of office ended");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the seat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The seat's last day has been recorded.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes to seats" })).ToContainTextAsync("Term of office ended");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes to seats" })).ToContainTextAsync(chosen.Split(',')[0]);
        await BrowserApp.ScreenshotAsync(page, "body-seats-ended");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task An_administrator_ends_a_body_with_a_reason_after_correcting_the_form_and_it_shows_as_ended()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.Administrator.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        // A body with no meetings (the single CCG holds the demo's meetings of today, so cannot end before them).
        await page.GotoAsync("/bodies/bexley-ccg");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change or end Bexley CCG" }).ClickAsync();
        await page.GetByLabel("Last day").FillAsync("2022-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the body" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ending-reason-error")).ToContainTextAsync("Say why: the reason is kept in the body's history");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Reason").Last.FillAsync("Its functions passed to the integrated care board");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the body" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The body's last day has been recorded.");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Bexley CCG ended on 30 June 2022");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes to Bexley CCG, latest first" })).ToContainTextAsync("Its functions passed to the integrated care board");
        await BrowserApp.ScreenshotAsync(page, "body-ended");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task An_administrator_adds_a_member_body_to_a_joint_committee_after_correcting_the_form()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.Administrator.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/bodies/joint-committee-of-clinical-commissioning-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or end Joint Committee of Clinical Commissioning Groups's member bodies" }).ClickAsync();
        await page.GetByLabel("Member body").First.SelectOptionAsync(new SelectOptionValue { Label = "Kent and Medway CCG" });
        await page.GetByLabel("Member from").FillAsync("2020-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member body" }).ClickAsync();
        await Assertions.Expect(page.Locator("#adding-reason-error")).ToContainTextAsync("Say why: the reason is kept in the committee's history");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Reason").First.FillAsync("Joined on the merger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member body" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The member body has been added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Member bodies today, their representatives and the functions they delegate" })).ToContainTextAsync("From 1 April 2020");
        await BrowserApp.ScreenshotAsync(page, "joint-committee-members");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Record or end functions delegated to Joint Committee of Clinical Commissioning Groups" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Functions delegated to it" }).WaitForAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}
