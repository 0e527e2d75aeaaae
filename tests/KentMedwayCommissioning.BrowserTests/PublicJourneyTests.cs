using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KentMedwayCommissioning.BrowserTests;

[Collection(nameof(SharedBrowser))]
public sealed class PublicJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_finds_west_kent_s_accountable_officer_from_the_home_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bodies", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bodies", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "West Kent CCG" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "West Kent CCG", Level = 1 }).WaitForAsync();
        var officer = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Accountable officer" });
        await Assertions.Expect(officer).ToContainTextAsync("Ian Ayres");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Also holds the transitional role Medway, North and West Kent Managing Director");
    }

    [Fact]
    public async Task A_visitor_follows_a_person_to_every_post_they_hold()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/posts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Simon Perks" }).First.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Simon Perks", Level = 1 }).WaitForAsync();
        var rows = page.Locator("main table").First.Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Ashford CCG" })).ToContainTextAsync("Accountable Officer");
        await Assertions.Expect(rows.Filter(new() { HasText = "Canterbury and Coastal CCG" })).ToContainTextAsync("Accountable Officer");
        await Assertions.Expect(rows.Filter(new() { HasText = "Deputy Managing Director" })).ToContainTextAsync("Transitional role");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_a_keyboard_reaches()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/bodies");
        // NHS.UK frontend's script takes over the skip link once it has started: wait for it, so the test is not a race.
        await page.Locator("body.nhsuk-frontend-supported").WaitForAsync();

        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#maincontent")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bodies")]
    [InlineData("/bodies/west-kent-ccg")]
    [InlineData("/bodies/kent-and-medway-ccg")]
    [InlineData("/bodies/joint-committee-of-clinical-commissioning-groups")]
    [InlineData("/people")]
    [InlineData("/people/simon-perks")]
    [InlineData("/posts")]
    [InlineData("/account/sign-in")]
    [InlineData("/bodies/no-such-body")]
    [InlineData("/decisions")]
    [InlineData("/decisions?q=strategic+commissioner")]
    [InlineData("/decisions/1")]
    [InlineData("/decisions/verify")]
    [InlineData("/open-data")]
    [InlineData("/accessibility")]
    [InlineData("/programme")]
    [InlineData("/proposals")]
    [InlineData("/proposals/establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer")]
    [InlineData("/registers")]
    [InlineData("/registers/interests")]
    [InlineData("/registers/gifts-and-hospitality")]
    [InlineData("/registers/procurement")]
    public async Task Public_pages_have_no_accessibility_violations_axe_can_find(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);

        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task A_visitor_follows_the_calendar_s_link_to_a_meeting_and_reads_its_agenda_without_signing_in()
    {
        var page = await app.NewPageAsync();
        var calendar = await (await page.APIRequest.GetAsync("/meetings/calendar.ics")).TextAsync();
        var demoMeeting = calendar.Replace("\r\n ", "", StringComparison.Ordinal).Split("BEGIN:VEVENT").Single(entry => entry.Contains(DecisionsData.DemoMeetingInProgress, StringComparison.Ordinal));
        var link = demoMeeting.Split("\r\n").Single(line => line.StartsWith("URL:", StringComparison.Ordinal))["URL:".Length..];

        // The feed names the site's configured public address; the test server listens elsewhere, so follow the path.
        await page.GotoAsync(new Uri(link).PathAndQuery);

        await page.GetByRole(AriaRole.Heading, new() { Name = DecisionsData.DemoMeetingInProgress, Level = 1 }).WaitForAsync();
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = DecisionsData.DemoOpenItem }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = DecisionsData.DemoOpenItem, Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your vote" })).ToHaveCountAsync(0);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        await page.GotoAsync("/bodies/kent-and-medway-ccg/meetings");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(DecisionsData.DemoMeetingInProgress);
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task A_member_signs_in_with_a_demo_account_and_out_again()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dashboard");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 }).WaitForAsync();
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.NurseMember.Email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" }).WaitForAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Signed in as {DemoAccounts.NurseMember.DisplayName}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{DemoAccounts.Body}: Nurse member, voting");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_mistyped_password_is_explained_in_the_error_summary()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.GetByLabel("Email address").FillAsync(DemoAccounts.GpMember.Email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Enter a correct email address and password.");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}

[Collection(nameof(SharedBrowser))]
public sealed class RegisterJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_using_only_the_keyboard_searches_and_reads_why_South_Kent_Coast_deferred()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/decisions");

        await page.GetByLabel("Search the decisions").FocusAsync();
        await page.Keyboard.TypeAsync("strategic commissioner");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#decisions")).ToContainTextAsync("South Kent Coast CCG");
        Assert.Equal(8, await page.Locator("#decisions li").Filter(new() { HasText = "Proposal to establish a strategic commissioner" }).CountAsync());

        var link = page.GetByRole(AriaRole.Link, new() { Name = "South Kent Coast CCG: Proposal to establish a strategic commissioner" });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("GP membership met on 22 February 2018");
        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }
}

[Collection(nameof(SharedBrowser))]
public sealed class CorrectionJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    /// <summary>Puts the demo register back: journeys that follow in the collection count its entries as the papers give them.</summary>
    public Task DisposeAsync() => app.ResetAsync();

    [Fact]
    public async Task A_visitor_sees_in_the_register_list_which_entry_is_corrected_and_follows_it_to_the_correction()
    {
        var (original, bodyId) = await app.QueryDbAsync(async db =>
        {
            var sequence = await db.PublishedDecisions.Where(decision => decision.BodySlug == "thanet-ccg").Select(decision => decision.Sequence).MinAsync();
            return (sequence, await db.Bodies.Where(body => body.Slug == "thanet-ccg").Select(body => body.Id).SingleAsync());
        });
        var correction = await app.SendAsAsync(TestApp.Secretary(bodyId), new Correct.Command(original, "thanet-ccg", "Deferred", "Deferred for more detail.", "Wrong outcome"));
        var page = await app.NewPageAsync();

        await page.GotoAsync("/decisions");

        var corrected = page.Locator("#decisions li").Filter(new() { Has = page.Locator($"a[href='/decisions/{original}']") });
        await Assertions.Expect(corrected).ToContainTextAsync($"Corrected by decision {correction}");
        await Assertions.Expect(page.Locator("#decisions li").Filter(new() { Has = page.Locator($"a[href='/decisions/{correction}']") })).ToContainTextAsync($"Correction of decision {original}");
        Assert.Empty(await Accessibility.ViolationsAsync(page));

        await corrected.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"This decision is corrected by decision {correction}");
    }
}
