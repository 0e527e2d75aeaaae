using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class ProposalJourneyTests(BrowserApp app) : IAsyncLifetime
{
    private const string CcgMeeting = "Governing body in public (test)";
    private const string BoardMeeting = "Programme board (test)";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();

        // Meetings of their own still to be held by two bodies that exist today, so the demo's planned meeting keeps its agenda.
        await app.QueryDbAsync(async db =>
        {
            var ccg = await db.Bodies.SingleAsync(body => body.Slug == Slug.From(PapersData.SingleCcg));
            var board = await db.Bodies.SingleAsync(body => body.Slug == Slug.From(PapersData.StpProgrammeBoard));
            db.Meetings.Add(new Meeting(ccg.Id, CcgMeeting, DateTimeOffset.UtcNow.AddDays(14), "Sessions House, Maidstone"));
            db.Meetings.Add(new Meeting(board.Id, BoardMeeting, DateTimeOffset.UtcNow.AddDays(21), "Kent House, Chatham"));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_office_sends_a_proposal_to_two_bodies_and_sees_each_on_its_agenda()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.ProgrammeOffice.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();

        await page.GotoAsync("/proposals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Send a proposal to bodies" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Shared stroke services (test)");
        await page.GetByLabel("The question each body votes on").FillAsync("Does the body agree to share stroke services?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose at least one body, and the meeting at which it decides");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByLabel(PapersData.SingleCcg, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = (await OptionLabelAsync(page, PapersData.SingleCcg, CcgMeeting)) });
        await page.GetByLabel(PapersData.StpProgrammeBoard, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = (await OptionLabelAsync(page, PapersData.StpProgrammeBoard, BoardMeeting)) });
        await BrowserApp.ScreenshotAsync(page, "proposal-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the proposal" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The proposal is sent to 2 bodies");
        await Assertions.Expect(page.Locator("#proposal-summary")).ToHaveTextAsync("0 of 2 agreed, 2 yet to decide");
        var rows = page.Locator("main table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = PapersData.SingleCcg })).ToContainTextAsync("On the agenda");
        await Assertions.Expect(rows.Filter(new() { HasText = PapersData.StpProgrammeBoard })).ToContainTextAsync("On the agenda");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await BrowserApp.ScreenshotAsync(page, "proposal-sent");

        await rows.Filter(new() { HasText = PapersData.StpProgrammeBoard }).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^On the agenda") }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Does the body agree to share stroke services?");
    }

    private static async Task<string> OptionLabelAsync(IPage page, string bodyName, string meetingTitle) =>
        (await page.GetByLabel(bodyName, new() { Exact = true }).Locator("option").Filter(new() { HasText = meetingTitle }).TextContentAsync())!.Trim();
}
