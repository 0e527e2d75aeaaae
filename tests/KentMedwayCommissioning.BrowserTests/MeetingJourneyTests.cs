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
        await secretary.GotoAsync("/bodies/kent-and-medway-ccg/meetings");
        await secretary.GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoPlannedMeeting }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting has started.");
        var meetingUrl = secretary.Url;

        // Everyone starts as present on the roll: one submit records the whole room.
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attendance recorded.");

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

        // Two of the eligible members have voted: closing asks first, and says how many have not.
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote and apply the rules" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#confirm-close")).ToContainTextAsync(new Regex(@"2 of \d+ eligible members have voted; \d+ have not voted"));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote anyway" }).ClickAsync();
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

    [Fact]
    public async Task A_secretary_runs_a_meeting_from_the_dashboard_with_one_roll_a_show_of_hands_and_the_publish_link()
    {
        var secretary = await SignedInAsync(DemoAccounts.BoardSecretary);
        await Assertions.Expect(secretary.Locator("#votes-to-run + ul")).ToContainTextAsync(DecisionsData.DemoOpenItem);
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.Locator("#meetings-to-run + ul").GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoPlannedMeeting }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting has started.");
        var meetingUrl = secretary.Url;

        // All present, then the exceptions: one member sent apologies and one arrived late.
        var rows = secretary.Locator("#attendance ~ form table tbody tr");
        await rows.Nth(1).GetByRole(AriaRole.Combobox).SelectOptionAsync("Sent apologies");
        await rows.Nth(2).GetByLabel(new Regex("^Arrived late")).CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Record attendance" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("Attendance recorded.");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Sent apologies");
        await Assertions.Expect(secretary.Locator("#attendance ~ form table")).ToContainTextAsync("arrived late");
        await Assertions.Expect(secretary.Locator(".kmc-meta", new() { HasTextString = "arrived late" })).ToHaveCountAsync(1);
        await Assertions.Expect(secretary.Locator("#meeting-quorum")).ToContainTextAsync("Quorate");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        await secretary.GetByRole(AriaRole.Link, new() { Name = $"1. {DecisionsData.DemoPlannedItem}" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#item-quorum")).ToContainTextAsync("voting members present");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Open the vote" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The vote is open.");

        // Nobody in the room has a device: the secretary takes the show of hands for everyone eligible.
        var hands = secretary.Locator("#show-of-hands ~ form select");
        var eligible = await hands.CountAsync();
        Assert.True(eligible >= 5, $"only {eligible} members can vote");
        for (var index = 0; index < eligible; index++)
        {
            await hands.Nth(index).SelectOptionAsync(index == 0 ? "Against" : "For");
        }

        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Record the show of hands" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{eligible} votes from the show of hands are recorded.");
        await Assertions.Expect(secretary.Locator("#audit-trail ~ table").First).ToContainTextAsync("Show of hands, recorded by the secretary");
        await BrowserApp.ScreenshotAsync(secretary, "item-show-of-hands");

        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the vote and apply the rules" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#outcome + p")).ToContainTextAsync($"Carried {eligible - 1} to 1");

        await secretary.GotoAsync(meetingUrl);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Close the meeting" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The meeting is closed.");

        // The dashboard sends the secretary back to publish, and the meeting then links to its decision.
        await secretary.GotoAsync("/dashboard");
        await Assertions.Expect(secretary.Locator("#decisions-to-publish + ul")).ToContainTextAsync(DecisionsData.DemoPlannedMeeting);
        await secretary.Locator("#decisions-to-publish + ul").GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoPlannedMeeting }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Publish the decisions" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 decision is published in the register.");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Publish the decisions" })).ToHaveCountAsync(0);
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Published decision \\d+") }).ClickAsync();
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync(DecisionsData.DemoPlannedItem);
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync("Carried");

        // The published meeting leaves the dashboard's list (the demo's previous meeting still waits there).
        await secretary.GotoAsync("/dashboard");
        await Assertions.Expect(secretary.Locator("#decisions-to-publish + ul")).Not.ToContainTextAsync(DecisionsData.DemoPlannedMeeting);
    }

    [Fact]
    public async Task A_member_declares_an_interest_while_the_vote_is_open_and_their_vote_is_set_aside()
    {
        var gp = await SignedInAsync(DemoAccounts.GpMember);
        await Assertions.Expect(gp.Locator("main")).ToContainTextAsync("Votes open for you");
        await gp.GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoOpenItem }).ClickAsync();
        var itemUrl = gp.Url;
        await VoteAsync(gp, itemUrl, "For");
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your vote (For) is recorded");

        await gp.GetByText("Declare an interest in this item").ClickAsync();
        await Assertions.Expect(gp.Locator("#declarations ~ details")).ToContainTextAsync("any vote they cast is set aside");
        await gp.GetByLabel("The interest").FillAsync("Partner in a practice named in the engagement plan");
        Assert.Empty(await Accessibility.ViolationsAsync(gp));
        await gp.GetByRole(AriaRole.Button, new() { Name = "Declare the interest" }).ClickAsync();
        await Assertions.Expect(gp.GetByRole(AriaRole.Alert)).ToContainTextAsync("The interest has been declared and recorded.");
        await Assertions.Expect(gp.Locator("#your-vote + .nhsuk-inset-text")).ToContainTextAsync("You declared an interest in this item, so you are withdrawn from its vote.");

        // The secretary's trail keeps the vote that was set aside, and why.
        var secretary = await SignedInAsync(DemoAccounts.BoardSecretary);
        await secretary.GotoAsync(itemUrl);
        await Assertions.Expect(secretary.Locator("#audit-trail ~ table").First).ToContainTextAsync("Vote set aside: was for (Declared an interest: Partner in a practice named in the engagement plan)");
        await Assertions.Expect(secretary.Locator("#item-quorum")).ToContainTextAsync("1 withdrew for a declared interest");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        await gp.GotoAsync("/dashboard");
        await Assertions.Expect(gp.Locator("main")).Not.ToContainTextAsync("Votes open for you");
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
