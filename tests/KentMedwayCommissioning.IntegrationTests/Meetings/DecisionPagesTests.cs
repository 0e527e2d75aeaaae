using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

[Collection(nameof(SharedApp))]
public sealed class DecisionPagesTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Fact]
    public async Task The_strategic_commissioner_proposal_shows_six_of_eight_agreed_one_deferred_one_declined()
    {
        var page = await _browser.GetPageAsync("/proposals/establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer");

        Assert.Equal("6 of 8 agreed, 1 deferred, 1 declined", page.QuerySelector("#proposal-summary")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("main tbody tr").Select(row => row.TextContent).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Contains(rows, row => row.Contains("South Kent Coast CCG", StringComparison.Ordinal) && row.Contains("22 February 2018", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("Thanet CCG", StringComparison.Ordinal) && row.Contains("Declined", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("main svg[role=img][aria-labelledby=proposal-summary]"));
    }

    [Fact]
    public async Task The_stroke_decision_waits_for_the_joint_committee()
    {
        var page = await _browser.GetPageAsync("/proposals");

        var stroke = page.QuerySelectorAll("main li").Single(item => item.TextContent.Contains(DecisionsData.StrokeProposal, StringComparison.Ordinal));
        Assert.Equal("0 of 1 agreed, 1 yet to decide", stroke.QuerySelector(".kmc-meta")!.TextContent.Trim());

        var proposal = await _browser.GetPageAsync(stroke.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("Proposal decided by 1 body", proposal.QuerySelector("h1 .nhsuk-caption-l")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_demo_member_sees_the_open_vote_on_their_dashboard()
    {
        await _browser.SignInAsync(DemoAccounts.GpMember.Email, DemoAccounts.Password);

        var dashboard = await _browser.GetPageAsync("/dashboard");

        Assert.Contains($"Votes open for you {DecisionsData.DemoOpenItem}", dashboard.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_scrutiny_committee_noted_the_reports()
    {
        await _browser.SignInAsync(DemoAccounts.ProgrammeOffice.Email, DemoAccounts.Password);

        var meetings = await _browser.GetPageAsync("/bodies/medway-council-health-scrutiny-committee/meetings");
        var link = meetings.QuerySelectorAll("main a").First(anchor => anchor.TextContent.Contains("Strategic Commissioner Update", StringComparison.Ordinal));
        var meeting = await _browser.GetPageAsync(link.GetAttribute("href")!);
        var item = await _browser.GetPageAsync(meeting.QuerySelector("#agenda ~ table a")!.GetAttribute("href")!);

        Assert.Contains("The Committee noted the report.", item.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_s_meetings_are_listed_upcoming_first_then_the_past_by_year()
    {
        var previous = await app.QueryDbAsync(db => db.Meetings.Where(meeting => meeting.Title == DecisionsData.DemoPreviousMeeting).Select(meeting => meeting.StartsAt).SingleAsync());
        var year = UkCalendar.DayOf(previous).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var page = await new Browsing(app).GetPageAsync("/bodies/kent-and-medway-ccg/meetings");

        var headings = page.QuerySelectorAll("main h2").Select(heading => heading.TextContent.Trim()).ToList();
        Assert.Equal(["Upcoming and in progress", year], headings);
        Assert.Contains(DecisionsData.DemoMeetingInProgress, page.QuerySelector("#upcoming + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DecisionsData.DemoPlannedMeeting, page.QuerySelector("#upcoming + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DecisionsData.DemoPreviousMeeting, page.QuerySelector($"#year-{year} + ul")!.TextContent, StringComparison.Ordinal);
    }
}
