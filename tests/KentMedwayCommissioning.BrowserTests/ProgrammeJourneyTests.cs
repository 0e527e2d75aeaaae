using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class ProgrammeJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private const string Upcoming = "Operating framework agreed (test)";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();

        // A milestone three months ahead, so re-forecasting it moves it from on track to late.
        await app.QueryDbAsync(async db =>
        {
            var programmeId = await db.Programmes.Select(programme => programme.Id).FirstAsync();
            var baseline = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(90);
            db.Milestones.Add(new Milestone(programmeId, Upcoming, "Programme director", new ReportedDate(baseline)));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_office_re_forecasts_a_milestone_and_records_the_merger_conditions_met()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.ProgrammeOffice.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/programme");
        var row = page.Locator("#milestones tbody tr").Filter(new() { HasText = Upcoming });
        await Assertions.Expect(row).ToContainTextAsync("On track");
        var timelineBefore = await page.Locator(".kmc-timeline svg").InnerHTMLAsync();

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var newForecast = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(150);
        await page.GetByLabel("New forecast date").FillAsync(newForecast.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Why the forecast has changed").FillAsync("The operating framework waits for the steering group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the forecast" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The forecast is changed");
        await Assertions.Expect(page.Locator("#milestone-dates")).ToContainTextAsync("Late");
        await Assertions.Expect(page.Locator("#milestone-dates")).ToContainTextAsync("60 days later");
        await Assertions.Expect(page.Locator("#history ~ table").First).ToContainTextAsync("The operating framework waits for the steering group");
        await BrowserApp.ScreenshotAsync(page, "milestone-reforecast");

        await page.GotoAsync("/programme");
        await Assertions.Expect(page.Locator("#milestones tbody tr").Filter(new() { HasText = Upcoming })).ToContainTextAsync("Late");
        Assert.NotEqual(timelineBefore, await page.Locator(".kmc-timeline svg").InnerHTMLAsync());
        await BrowserApp.ScreenshotAsync(page, "programme");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync($"/programme/mergers/{Slug.From(ProgrammeData.Merger)}");
        foreach (var condition in ProgrammeData.MergerConditions)
        {
            await Assertions.Expect(page.Locator("#approval")).ToContainTextAsync("Approved subject to conditions");
            await page.GetByLabel("Which condition").SelectOptionAsync(new SelectOptionValue { Label = condition });
            await page.GetByLabel("Met on").FillAsync("2020-02-01");
            await page.GetByLabel("Evidence").FillAsync($"Board minute recording: {condition}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record as met" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The condition is recorded as met.");
        }

        await Assertions.Expect(page.Locator("#approval")).ToContainTextAsync("Approved unconditionally from 1 February 2020");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}
