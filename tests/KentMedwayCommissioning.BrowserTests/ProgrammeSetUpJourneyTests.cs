using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class ProgrammeSetUpJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        // As on an empty database: no programme and so no milestones, and no merger.
        await app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE programmes, mergers CASCADE"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_office_records_the_programme_a_milestone_a_consultation_and_a_merger_after_correcting_each_form()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.ProgrammeOffice.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/programme");
        await Assertions.Expect(page.Locator("#no-programme")).ToContainTextAsync("No programme has been recorded yet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the programme" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the programme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the programme's name");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Name").FillAsync("West Kent transformation");
        await page.GetByLabel("The body it establishes (optional)").SelectOptionAsync(new SelectOptionValue { Label = PapersData.SingleCcg });
        await page.GetByLabel("Target date").FillAsync("2031-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the programme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The programme is recorded.");
        await Assertions.Expect(page.Locator("#programme-terms")).ToContainTextAsync("1 April 2031");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a milestone" }).ClickAsync();
        await page.GetByLabel("Milestone").FillAsync("Joint committee meets in public");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-baseline-error")).ToContainTextAsync("Enter the baseline date");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Baseline date").FillAsync("2030-09-01");
        await page.GetByLabel("Owner").FillAsync("Programme director");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The milestone is added.");
        await Assertions.Expect(page.Locator("#milestone-dates")).ToContainTextAsync("Programme director");
        await BrowserApp.ScreenshotAsync(page, "milestone-added");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync("/programme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a consultation" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Urgent care review");
        await page.GetByLabel("Opens on").FillAsync("2031-02-01");
        await page.GetByLabel("Last day").FillAsync("2031-04-30");
        await page.GetByLabel("What it asks about").FillAsync("Where urgent care should be");
        await page.GetByLabel("Options").FillAsync("One centre\nTwo centres\none centre");
        await page.GetByLabel("Decided by").SelectOptionAsync(new SelectOptionValue { Label = PapersData.SingleCcg });
        await page.GetByLabel("Decision expected", new() { Exact = true }).FillAsync("2031-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the consultation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-options-error")).ToContainTextAsync("One centre is listed twice");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Options").FillAsync("One centre\nTwo centres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the consultation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The consultation is added.");
        await Assertions.Expect(page.Locator("#options li")).ToHaveTextAsync(["One centre", "Two centres"]);
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync("/programme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a merger" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Kent and Medway CCG merger");
        await page.GetByLabel("The body it forms").SelectOptionAsync(new SelectOptionValue { Label = PapersData.SingleCcg });
        await page.GetByLabel("Approved by").SelectOptionAsync(new SelectOptionValue { Label = PapersData.NhsEngland });
        await page.GetByLabel("Takes effect on").FillAsync("2020-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the merger" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-liveon-error")).ToContainTextAsync($"The merger cannot take effect before {PapersData.SingleCcg} starts");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Takes effect on").FillAsync("2020-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the merger" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The merger is added.");
        await page.GetByLabel("Approved on").FillAsync("2020-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the approval" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The approval is recorded.");
        await page.GetByLabel("The new condition").FillAsync("Appoint an Accountable Officer");
        await page.GetByLabel("Owner").FillAsync("Governing body");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the condition" }).ClickAsync();
        await Assertions.Expect(page.Locator("#approval")).ToContainTextAsync("Approved subject to conditions");
        await page.GetByLabel("Met on").FillAsync("2020-02-01");
        await page.GetByLabel("Evidence").FillAsync("Appointment letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The condition is recorded as met.");
        await Assertions.Expect(page.Locator("#conditions ~ table")).ToContainTextAsync("Appointment letter");
        await BrowserApp.ScreenshotAsync(page, "merger-set-up");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync("/programme");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kent and Medway CCG merger" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#milestones")).ToContainTextAsync("Joint committee meets in public");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Urgent care review" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "programme-set-up");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}
