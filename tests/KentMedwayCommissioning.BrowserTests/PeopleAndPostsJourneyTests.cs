using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class PeopleAndPostsJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_administrator_adds_a_person_renames_them_appoints_them_to_a_new_post_and_ends_the_appointment()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.Administrator.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-name-error")).ToContainTextAsync("Enter the person's full name");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByLabel("Full name").FillAsync("Dr Ada Quill");
        await page.GetByLabel("Yes, list them on the public pages").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dr Ada Quill is added.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change name or public listing" }).ClickAsync();
        await page.GetByLabel("New full name").FillAsync("Dr Ada Lovelace-Quill");
        await page.GetByLabel("Known by the new name from").FillAsync("2026-01-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the new name" }).ClickAsync();
        await Assertions.Expect(page.Locator("#renaming-reason-error")).ToContainTextAsync("Say why");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.Locator("#renaming-reason").FillAsync("Married");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the new name" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dr Ada Lovelace-Quill");
        await Assertions.Expect(page.GetByText("Formerly Dr Ada Quill, until 4 January 2026")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes to Dr Ada Lovelace-Quill's record, latest first" })).ToContainTextAsync("Married");
        await BrowserApp.ScreenshotAsync(page, "person-renamed");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GotoAsync("/posts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a post" }).ClickAsync();
        await page.GetByLabel("Body").SelectOptionAsync(new SelectOptionValue { Label = "Kent and Medway CCG" });
        await page.GetByLabel("Title").FillAsync("Director of Nursing");
        await page.GetByLabel("Established on").FillAsync("2020-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The post of Director of Nursing is added.");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Vacant since 1 April 2020");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = "Dr Ada Lovelace-Quill" });
        await page.GetByLabel("Substantive", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Starts on").FillAsync("2020-06-01");
        await page.GetByLabel("Ends on (optional)").FillAsync("2020-05-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the appointment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#input-to-error")).ToContainTextAsync("The appointment must end on or after the day it starts");
        await page.GetByLabel("Ends on (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the appointment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The appointment has been recorded.");

        await page.GetByLabel("Appointment", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Last day in the post").FillAsync("2025-12-31");
        await page.GetByLabel("Reason").FillAsync("Retired");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the appointment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Changes to appointments" })).ToContainTextAsync("Retired");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("Vacant since 31 December 2025");
        await BrowserApp.ScreenshotAsync(page, "post-appointments");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}
