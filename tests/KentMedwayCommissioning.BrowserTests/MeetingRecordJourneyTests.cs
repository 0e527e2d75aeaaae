using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

/// <summary>After a meeting: the secretary attaches a paper, records an action, drafts and publishes the minutes; a visitor reads them.</summary>
[Collection(nameof(SharedBrowser))]
public sealed class MeetingRecordJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_secretary_attaches_a_paper_adds_an_action_and_publishes_the_minutes_and_a_visitor_reads_them_all()
    {
        var secretary = await app.NewPageAsync();
        await secretary.GotoAsync("/account/sign-in");
        await secretary.GetByLabel("Email address").FillAsync(DemoAccounts.BoardSecretary.Email);
        await secretary.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        // The body's previous meeting, closed four weeks ago, and its item.
        await secretary.GotoAsync("/bodies/kent-and-medway-ccg/meetings");
        await secretary.GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoPreviousMeeting, Exact = true }).ClickAsync();
        var meetingUrl = secretary.Url;
        await secretary.Locator("#agenda ~ table a").First.ClickAsync();
        var itemUrl = new Uri(secretary.Url).AbsolutePath;

        await secretary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Attach a paper") }).ClickAsync();
        await secretary.GetByLabel("Title of the paper").FillAsync("Case for change");
        await secretary.GetByLabel("Upload the paper").SetInputFilesAsync(new FilePayload { Name = "case-for-change.pdf", MimeType = "application/pdf", Buffer = Pdf });
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Attach the paper" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The paper is attached.");

        await secretary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Add an action") }).ClickAsync();
        await secretary.GetByLabel("What is to be done").FillAsync("Publish the engagement report");
        await secretary.GetByLabel("Who is to do it").FillAsync("Director of Partnerships");
        await secretary.GetByLabel("Due by").FillAsync(DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The action is added to the action log.");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        await secretary.GotoAsync(meetingUrl);
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Minutes of this meeting" }).ClickAsync();
        var minutesUrl = new Uri(secretary.Url).AbsolutePath;
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Draft the minutes" }).ClickAsync();
        await secretary.GetByLabel("Minute of item 1").FillAsync("The chief executive presented the **case for change**.");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Save the draft minutes" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The draft minutes are saved.");
        Assert.Empty(await Accessibility.ViolationsAsync(secretary));

        // Before approval the visitor sees that there are no minutes yet, and none of the draft.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(minutesUrl);
        await Assertions.Expect(visitor.Locator("#minutes-status")).ToContainTextAsync("not published yet");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("case for change");

        // The demo meeting sitting today approves them.
        await secretary.GetByLabel("Approved by").SelectOptionAsync(new SelectOptionValue { Label = DecisionsData.DemoMeetingInProgress });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Approve and publish the minutes" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Alert)).ToContainTextAsync("The minutes are approved and published");
        await BrowserApp.ScreenshotAsync(secretary, "minutes-published");

        // The visitor comes by the calendar's link to the meeting sitting today, which approved the minutes, and on to them.
        var calendar = Ical.Net.Calendar.Load(await (await visitor.APIRequest.GetAsync("/meetings/calendar.ics?body=kent-and-medway-ccg")).TextAsync())!;
        var today = calendar.Events.Single(meeting => meeting.Summary!.Contains(DecisionsData.DemoMeetingInProgress, StringComparison.Ordinal));
        await visitor.GotoAsync(today.Url!.AbsolutePath);
        await Assertions.Expect(visitor.Locator("#agenda ~ table").First).ToContainTextAsync("Minutes of the meeting of");
        await visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Minutes approved at this meeting") }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#minutes-status")).ToContainTextAsync("Approved as a true record on");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("The chief executive presented the case for change.");
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));
        await BrowserApp.ScreenshotAsync(visitor, "minutes-public");

        await visitor.GotoAsync(new Uri(meetingUrl).AbsolutePath);
        await Assertions.Expect(visitor.Locator("#agenda ~ table").First).ToContainTextAsync(DecisionsData.DemoPreviousItem);
        await visitor.GotoAsync(itemUrl);
        var paper = visitor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download Case for change") });
        var download = await visitor.RunAndWaitForDownloadAsync(() => paper.ClickAsync());
        Assert.Equal("case-for-change.pdf", download.SuggestedFilename);
        var served = await visitor.APIRequest.GetAsync((await paper.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", served.Headers["content-type"]);
        Assert.StartsWith("attachment", served.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", served.Headers["x-content-type-options"]);
        Assert.StartsWith("sandbox", served.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal(Pdf, await served.BodyAsync());
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));

        await visitor.GetByRole(AriaRole.Link, new() { Name = "The action log of Kent and Medway CCG" }).ClickAsync();
        var action = visitor.Locator("main tbody tr").Filter(new() { HasText = "Publish the engagement report" });
        await Assertions.Expect(action).ToContainTextAsync("Director of Partnerships");
        await Assertions.Expect(action).ToContainTextAsync("Overdue");
        Assert.Empty(await Accessibility.ViolationsAsync(visitor));
        await BrowserApp.ScreenshotAsync(visitor, "action-log");
    }
}
