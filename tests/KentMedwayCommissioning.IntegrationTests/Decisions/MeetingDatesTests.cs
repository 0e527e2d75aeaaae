using System.Globalization;
using System.Text.Json;
using CsvHelper;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>A meeting's date is published no more precisely than the papers give it: ISO 8601 for machines, the papers' words for people.</summary>
[Collection(nameof(SharedApp))]
public sealed class MeetingDatesTests(TestApp app)
{
    private const string PapersWords = "January or February 2018 (the papers do not give the date)";

    private readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task A_decision_the_papers_date_only_to_the_year_is_published_as_2018_in_json_and_csv_with_their_words_beside_it()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?body=west-kent-ccg"));
        var historical = json.RootElement.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("meetingDate").GetString() == PapersWords);

        Assert.Equal("2018", historical.GetProperty("meetingDateIso").GetString());
        Assert.Equal("year", historical.GetProperty("meetingDatePrecision").GetString());
        Assert.Contains("\"meeting_date_iso\":\"2018\"", historical.GetProperty("canonical").GetString(), StringComparison.Ordinal);

        using var reader = new StringReader(await _client.GetStringAsync("/decisions.csv?body=west-kent-ccg"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var row = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Single(row => (string)row["meeting_date"] == PapersWords);
        Assert.Equal("2018", row["meeting_date_iso"]);
        Assert.Equal("year", row["meeting_date_precision"]);
    }

    [Fact]
    public async Task A_decision_taken_in_the_app_is_published_with_its_meeting_s_start_in_utc_and_the_page_shows_each_date_beside_its_publication()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 2, name: "Dated Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));

        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?body=dated-board"));
        var decision = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", decision.GetProperty("meetingDateIso").GetString());
        Assert.Equal("time", decision.GetProperty("meetingDatePrecision").GetString());

        var browsing = new Browsing(app);
        var page = await browsing.GetPageAsync($"/decisions/{decision.GetProperty("sequence").GetInt64()}");
        Assert.Equal(decision.GetProperty("meetingDateIso").GetString(), page.QuerySelector("#meeting-date time")!.GetAttribute("datetime"));
        var historical = await browsing.GetPageAsync($"/decisions/{await HistoricalSequenceAsync()}");
        var date = historical.QuerySelector("#meeting-date time")!;
        Assert.Equal("2018", date.GetAttribute("datetime"));
        Assert.Equal(PapersWords, date.TextContent);
        Assert.Equal("Published", historical.QuerySelector("#meeting-date")!.ParentElement!.NextElementSibling!.QuerySelector("dt")!.TextContent);
    }

    private async Task<long> HistoricalSequenceAsync()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?body=west-kent-ccg"));
        return json.RootElement.GetProperty("items").EnumerateArray().First(item => item.GetProperty("meetingDate").GetString() == PapersWords).GetProperty("sequence").GetInt64();
    }
}
