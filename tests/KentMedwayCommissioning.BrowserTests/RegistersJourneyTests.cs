using System.Globalization;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class RegistersJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_declares_hospitality_a_secretary_records_a_procurement_decision_and_the_public_sees_both_and_the_member_s_votes()
    {
        var gpName = DemoAccounts.GpMember.PersonName!;
        var layName = DemoAccounts.LayMember.PersonName!;

        // The member is reminded to declare, and is told what the rules say about £40 of hospitality.
        var gp = await SignedInAsync(DemoAccounts.GpMember);
        await Assertions.Expect(gp.Locator("#declaration-due")).ToContainTextAsync("Your declaration of interests is due");
        await gp.GetByRole(AriaRole.Link, new() { Name = "Review your register of interests" }).ClickAsync();
        await gp.GetByLabel("Hospitality", new() { Exact = true }).CheckAsync();
        await gp.GetByLabel("Describe it").FillAsync("Dinner after the stroke services conference");
        await gp.GetByLabel("Who offered it").FillAsync("A regional stroke network");
        await gp.GetByLabel("Value in pounds").FillAsync("£40");
        await gp.GetByLabel("Offered on").FillAsync(KentMedwayCommissioning.Web.Domain.UkCalendar.Today(TimeProvider.System).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await gp.GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "Check what the rules say" }).ClickAsync();
        await Assertions.Expect(gp.Locator("#offer-check")).ToContainTextAsync("It may be accepted and must be declared");
        await gp.GetByRole(AriaRole.Button, new() { Name = "Record the offer" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("It may be accepted and must be declared. Hospitality worth £25 to £75 may be accepted, and must be declared.");
        await BrowserApp.ScreenshotAsync(gp, "register-of-interests-member");
        Assert.Empty(await Accessibility.ViolationsAsync(gp));

        // The member votes on the demo meeting's open item; the secretary closes it and publishes the decision.
        var meetingId = await app.QueryDbAsync(db => db.Meetings.Where(meeting => meeting.Title == DecisionsData.DemoMeetingInProgress).Select(meeting => meeting.Id).SingleAsync());
        var itemUrl = $"/meetings/{meetingId}/items/1";
        await gp.GotoAsync(itemUrl);
        await gp.GetByLabel("For", new() { Exact = true }).CheckAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "Record my vote" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your vote (For) is recorded.");

        var secretary = await SignedInAsync(DemoAccounts.BoardSecretary);
        await secretary.GotoAsync(itemUrl);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote and apply the rules" }).ClickAsync();
        // Only one eligible member has voted, so the close is confirmed.
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote anyway" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#outcome + p")).ToContainTextAsync("Carried");
        await secretary.GotoAsync($"/meetings/{meetingId}");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the meeting" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Publish the decisions" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("published", new() { IgnoreCase = true });

        // The secretary records a procurement decision in which the lay member withdrew for a declared interest.
        await secretary.GotoAsync("/registers/procurement");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Record a procurement decision" }).ClickAsync();
        await secretary.GetByLabel("Service").FillAsync("Musculoskeletal services for Kent and Medway");
        await secretary.GetByLabel("Awarded to").FillAsync("A community health partnership");
        await secretary.GetByLabel("Value in pounds").FillAsync("£900,000");
        await secretary.GetByLabel("Contract starts on").FillAsync("2021-04-01");
        await secretary.GetByLabel("Competitive tender").CheckAsync();
        await secretary.GetByLabel("Decided on").FillAsync("2021-01-10");
        await secretary.GetByLabel("Member who declared it").SelectOptionAsync(new SelectOptionValue { Label = $"{layName} ({DemoAccounts.Body})" });
        await secretary.GetByLabel("The interest").FillAsync("Trustee of a charity that bid for the contract");
        await secretary.GetByLabel("Withdrew from the discussion and the vote").CheckAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The procurement decision is on the register.");
        await BrowserApp.ScreenshotAsync(secretary, "procurement-register-secretary");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Record a declared interest in Musculoskeletal services for Kent and Medway" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Record a declared interest");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        // The public, without signing in, sees both entries and the member's named vote.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/registers/gifts-and-hospitality");
        var hospitality = visitor.Locator("#offers tbody tr").Filter(new() { HasText = "Dinner after the stroke services conference" });
        await Assertions.Expect(hospitality).ToContainTextAsync(gpName);
        await Assertions.Expect(hospitality).ToContainTextAsync("£40");
        await BrowserApp.ScreenshotAsync(visitor, "gifts-and-hospitality-register");
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));

        await visitor.GotoAsync("/registers/procurement");
        var procurement = visitor.Locator("dl").Filter(new() { HasText = "A community health partnership" });
        await Assertions.Expect(procurement).ToContainTextAsync($"{layName}: Trustee of a charity that bid for the contract. Withdrew from the discussion and the vote.");
        await Assertions.Expect(procurement).ToContainTextAsync("1 April 2026");
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));

        await visitor.GotoAsync($"/people/{Slug.From(gpName)}");
        var votes = visitor.Locator("#votes + table");
        await Assertions.Expect(votes).ToContainTextAsync(DecisionsData.DemoOpenItem);
        await Assertions.Expect(votes.Locator("tbody tr").Filter(new() { HasText = DecisionsData.DemoOpenItem })).ToContainTextAsync(new Regex(@"Carried\s+(Vote\s+)?For"));
        await BrowserApp.ScreenshotAsync(visitor, "person-public-record");
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));
    }

    private async Task<IPage> SignedInAsync(DemoAccounts.Account account)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();
        return page;
    }
}
