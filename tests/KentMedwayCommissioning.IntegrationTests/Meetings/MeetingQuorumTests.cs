using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Meetings;

/// <summary>What the meeting page says about quorum.</summary>
[Collection(nameof(SharedApp))]
public sealed class MeetingQuorumTests(TestApp app) : IAsyncLifetime
{
    private readonly Browsing _browser = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_meeting_page_says_why_the_meeting_and_an_item_are_inquorate()
    {
        await _browser.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);
        var meetingId = await app.QueryDbAsync(db => db.Meetings.Where(meeting => meeting.Title == DecisionsData.DemoPlannedMeeting).Select(meeting => meeting.Id).SingleAsync());

        var page = await _browser.GetPageAsync($"/meetings/{meetingId}");

        Assert.Contains("Not quorate", page.QuerySelector("#meeting-quorum")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not quorate: 0 of 8 voting members present, 4 needed", page.QuerySelector("#agenda ~ table")!.TextContent, StringComparison.Ordinal);
    }
}
