using System.Globalization;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class BallotJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_administrator_sets_up_a_ballot_records_the_practices_answers_and_closes_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.Administrator.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        await page.GotoAsync("/proposals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask the member practices a question" }).ClickAsync();
        var today = UkCalendar.Today(TimeProvider.System);
        await page.GetByLabel("Question").FillAsync("Do you support one primary care network for Maidstone (test)?");
        await page.GetByLabel("CCG whose practices are asked").SelectOptionAsync(new SelectOptionValue { Label = PapersData.SingleCcg });
        await page.GetByLabel("Practices taking part").FillAsync("Riverside Surgery, G82001, 9500\nHilltop Practice\nriverside surgery");
        await page.GetByLabel("Opens on").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Closes on").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("More than half of the practices that answer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the ballot" }).ClickAsync();

        await Assertions.Expect(page.Locator("#input-practices-error")).ToContainTextAsync("Riverside Surgery is listed twice");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Practices taking part").FillAsync("Riverside Surgery, G82001, 9500\nHilltop Practice\nLakeside Surgery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up the ballot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The ballot is set up.");
        await Assertions.Expect(page.Locator("#ballot-result")).ToContainTextAsync("Open: no result until its secretary closes it");

        foreach (var (practice, answer) in new[] { ("Riverside Surgery", "Support"), ("Hilltop Practice", "Oppose"), ("Lakeside Surgery", "Oppose") })
        {
            await page.GetByLabel("Practice", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = practice });
            await page.GetByLabel(answer, new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"The answer of {practice} is recorded.");
        }

        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the ballot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The ballot is closed and its result recorded.");
        await Assertions.Expect(page.Locator("#ballot-result")).ToContainTextAsync("Not supported");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" })).ToHaveCountAsync(0);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await BrowserApp.ScreenshotAsync(page, "ballot-closed");
    }
}
