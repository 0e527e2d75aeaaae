using System.Text.RegularExpressions;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class MeetingJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_secretary_runs_a_vote_that_members_cast_from_their_own_browsers()
    {
        var secretary = await SignedInAsync(DemoAccounts.BoardSecretary);
        await secretary.GotoAsync("/bodies/west-kent-ccg/meetings");
        await secretary.GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoPlannedMeeting }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting has started.");
        var meetingUrl = secretary.Url;

        // The secretary records everyone present, one row at a time, as they would at the door.
        var members = await secretary.Locator("#attendance ~ table tbody tr").CountAsync();
        for (var row = 0; row < members; row++)
        {
            var line = secretary.Locator("#attendance ~ table tbody tr").Nth(row);
            await line.GetByRole(AriaRole.Combobox).SelectOptionAsync("Present");
            await line.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Record attendance") }).ClickAsync();
            await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attendance recorded.");
        }

        await Assertions.Expect(secretary.Locator("#meeting-quorum")).ToContainTextAsync("Quorate");
        await BrowserApp.ScreenshotAsync(secretary, "meeting-in-progress");
        await secretary.GetByRole(AriaRole.Link, new() { Name = $"1. {DecisionsData.DemoPlannedItem}" }).ClickAsync();
        var itemUrl = secretary.Url;

        // The lay member declares an interest before the vote opens.
        var lay = await SignedInAsync(DemoAccounts.LayMember);
        await lay.GotoAsync(itemUrl);
        await lay.GetByText("Declare an interest in this item").ClickAsync();
        await lay.GetByLabel("The interest").FillAsync("Trustee of a community services provider that may bid");
        await lay.GetByRole(AriaRole.Button, new() { Name = "Declare the interest" }).ClickAsync();
        await Assertions.Expect(lay.GetByRole(AriaRole.Alert)).ToContainTextAsync("The interest has been declared and recorded.");

        await secretary.ReloadAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Open the vote" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The vote is open.");

        var gp = await SignedInAsync(DemoAccounts.GpMember);
        await VoteAsync(gp, itemUrl, "For");
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your vote (For) is recorded.");

        var nurse = await SignedInAsync(DemoAccounts.NurseMember);
        await VoteAsync(nurse, itemUrl, "Against");
        await VoteAsync(nurse, itemUrl, "For");
        await Assertions.Expect(nurse.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your vote is changed to For.");

        await lay.GotoAsync(itemUrl);
        await Assertions.Expect(lay.Locator("#your-vote + .nhsuk-inset-text")).ToContainTextAsync("You declared an interest in this item, so you are withdrawn from its vote.");
        await Assertions.Expect(lay.GetByRole(AriaRole.Button, new() { Name = "Record my vote" })).ToHaveCountAsync(0);

        await BrowserApp.ScreenshotAsync(lay, "item-withdrawn-member");
        await BrowserApp.ScreenshotAsync(nurse, "item-member-voted");

        // The secretary's tally has kept up without a reload.
        await Assertions.Expect(secretary.Locator("[data-tally=for]")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await BrowserApp.ScreenshotAsync(secretary, "item-tally-live");

        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote and apply the rules" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#outcome + p")).ToContainTextAsync("Carried 2 to 0; 1 member withdrew for declared interests");
        var namedVotes = secretary.Locator("#named-votes ~ table").First;
        await Assertions.Expect(namedVotes).ToContainTextAsync(DemoAccounts.GpMember.DisplayName);
        await Assertions.Expect(namedVotes).ToContainTextAsync(DemoAccounts.NurseMember.DisplayName);
        await Assertions.Expect(secretary.Locator("#audit-trail ~ table").First).ToContainTextAsync("Changed their vote to for");
        await BrowserApp.ScreenshotAsync(secretary, "item-decided");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        // A vote sent after the close is refused, and says so.
        await gp.GetByLabel("Against").CheckAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "Change my vote" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("The vote on this item has closed. Your vote was not counted.");

        await secretary.GotoAsync(meetingUrl);
        await Assertions.Expect(secretary.Locator("#agenda ~ table").First).ToContainTextAsync("Carried");
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

    private static async Task VoteAsync(IPage page, string itemUrl, string choice)
    {
        await page.GotoAsync(itemUrl);
        await page.GetByLabel(choice, new() { Exact = true }).CheckAsync();
        await page.Locator("form button[type=submit]").Filter(new() { HasTextRegex = new Regex("(Record|Change) my vote") }).ClickAsync();
    }
}
