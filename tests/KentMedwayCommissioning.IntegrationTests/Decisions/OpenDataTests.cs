using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

[Collection(nameof(SharedApp))]
public sealed class OpenDataTests(TestApp app) : IAsyncLifetime
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_json_api_honours_the_register_s_filters()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?q=strategic+commissioner&outcome=Deferred"));

        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("South Kent Coast CCG", item.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
        Assert.Equal(10, json.RootElement.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_problem_and_an_unknown_decision_a_404_problem()
    {
        var bad = await _client.GetAsync("/api/v1/decisions?outcome=Vetoed");
        var missing = await _client.GetAsync("/api/v1/decisions/99999");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_csv_parses_with_a_csv_reader_and_carries_the_chain()
    {
        using var reader = new StringReader(await _client.GetStringAsync("/decisions.csv?body=thanet-ccg"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);

        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var row = Assert.Single(rows);
        Assert.Equal("Declined", row["outcome"]);
        Assert.Equal(64, ((string)row["hash"]).Length);
    }

    [Fact]
    public async Task The_atom_feed_parses_and_names_the_chain_head()
    {
        using var stream = await _client.GetStreamAsync("/decisions/feed.atom?q=noted");
        using var xml = XmlReader.Create(stream);

        var feed = SyndicationFeed.Load(xml);

        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.Contains("Medway Council Health Scrutiny Committee", item.Title.Text, StringComparison.Ordinal));
        Assert.Contains("head of the hash chain", feed.Description.Text, StringComparison.Ordinal);
    }
}

[Collection(nameof(SharedApp))]
public sealed class CalendarTests(TestApp app)
{
    [Fact]
    public async Task The_calendar_parses_with_ical_net_and_filters_by_body_and_every_event_ends()
    {
        var client = app.Factory.CreateClient();

        var all = Ical.Net.Calendar.Load(await client.GetStringAsync("/meetings/calendar.ics"))!;
        var singleCcg = Ical.Net.Calendar.Load(await client.GetStringAsync("/meetings/calendar.ics?body=kent-and-medway-ccg"))!;

        Assert.All(all.Events.Concat(singleCcg.Events), meeting =>
        {
            Assert.NotNull(meeting.DtStart);
            Assert.NotNull(meeting.DtEnd);
            Assert.True(meeting.DtEnd!.CompareTo(meeting.DtStart!) > 0, meeting.Summary);
            Assert.StartsWith("http://localhost:5080/meetings/", meeting.Url!.ToString(), StringComparison.Ordinal);
        });
        Assert.True(singleCcg.Events.Count >= 2, "the two demo meetings");
        Assert.True(all.Events.Count > singleCcg.Events.Count);
        var demo = Assert.Single(singleCcg.Events, meeting => meeting.Summary == $"Kent and Medway CCG: {KentMedwayCommissioning.Web.Data.DemoData.DecisionsData.DemoPlannedMeeting}");
        Assert.True(demo.DtStart!.HasTime);
        Assert.Equal(KentMedwayCommissioning.Web.Pages.Meetings.Calendar.ExpectedLength, demo.DtEnd!.Value - demo.DtStart.Value);
    }

    [Fact]
    public async Task A_meeting_known_to_the_day_is_an_all_day_event_and_one_known_only_to_the_month_or_year_is_left_out()
    {
        await app.QueryDbAsync(async db =>
        {
            var body = new KentMedwayCommissioning.Web.Domain.Body("Calendar Test Board", KentMedwayCommissioning.Web.Domain.BodyKind.JointCommittee);
            db.Bodies.Add(body);
            await db.SaveChangesAsync();
            db.Meetings.AddRange(
                new KentMedwayCommissioning.Web.Domain.Meetings.Meeting(body.Id, "Known to the day", new DateTimeOffset(2018, 2, 22, 0, 0, 0, TimeSpan.Zero), "Not given in the papers",
                    dateAsReported: "22 February 2018", datePrecision: KentMedwayCommissioning.Web.Domain.Meetings.MeetingDatePrecision.Day),
                new KentMedwayCommissioning.Web.Domain.Meetings.Meeting(body.Id, "Known to the month", new DateTimeOffset(2018, 3, 1, 0, 0, 0, TimeSpan.Zero), "Not given in the papers",
                    dateAsReported: "March 2018", datePrecision: KentMedwayCommissioning.Web.Domain.Meetings.MeetingDatePrecision.Month));
            return await db.SaveChangesAsync();
        });

        var calendar = Ical.Net.Calendar.Load(await app.Factory.CreateClient().GetStringAsync("/meetings/calendar.ics?body=calendar-test-board"))!;
        var everything = Ical.Net.Calendar.Load(await app.Factory.CreateClient().GetStringAsync("/meetings/calendar.ics"))!;

        var day = Assert.Single(calendar.Events);
        Assert.Equal("Calendar Test Board: Known to the day", day.Summary);
        Assert.False(day.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2018, 2, 22), day.DtStart.Date);
        Assert.Equal(new DateOnly(2018, 2, 23), day.DtEnd!.Date);
        // The papers' strategic commissioner meetings are known only to the year: no calendar guesses them.
        Assert.DoesNotContain(everything.Events, meeting => meeting.Summary!.EndsWith($": {KentMedwayCommissioning.Web.Data.DemoData.DecisionsData.GoverningBodyDecisionTitle}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_body_parameter_is_a_400_problem()
    {
        var response = await app.Factory.CreateClient().GetAsync("/meetings/calendar.ics?body=%3Cscript%3E");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}

[Collection(nameof(SharedApp))]
public sealed class OpenApiTests(TestApp app)
{
    [Fact]
    public async Task The_openapi_document_describes_the_decisions_api()
    {
        using var json = JsonDocument.Parse(await app.Factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/v1/decisions", paths);
        Assert.Contains("/api/v1/decisions/{sequence}", paths);
        Assert.Contains("/api/v1/bodies", paths);
    }
}

[Collection(nameof(SharedApp))]
public sealed class ProposalsApiTests(TestApp app)
{
    [Fact]
    public async Task The_proposal_api_gives_each_body_s_outcome_and_the_summary()
    {
        using var json = JsonDocument.Parse(await app.Factory.CreateClient().GetStringAsync("/api/v1/proposals/establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer"));

        Assert.Equal("6 of 8 agreed, 1 deferred, 1 declined", json.RootElement.GetProperty("summary").GetString());
        Assert.Equal(8, json.RootElement.GetProperty("bodies").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/proposals/no-such-proposal", "There is no proposal 'no-such-proposal'.")]
    [InlineData("/api/v1/people/no-such-person/record", "There is no person 'no-such-person'.")]
    [InlineData("/api/v1/decisions/99999", "There is no published decision 99999.")]
    [InlineData("/api/v1/no-such-thing", "The API has nothing at this address.")]
    public async Task Every_api_404_is_the_one_handler_s_problem_body(string path, string detail)
    {
        var response = await app.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not found.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task An_unknown_proposal_is_a_404_problem()
    {
        var response = await app.Factory.CreateClient().GetAsync("/api/v1/proposals/no-such-proposal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

[Collection(nameof(SharedApp))]
public sealed class DateRangeTests(TestApp app)
{
    [Fact]
    public async Task The_register_filters_by_publication_date()
    {
        var client = app.Factory.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var now = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/decisions?from={today}&to={today}"));
        using var before = JsonDocument.Parse(await client.GetStringAsync("/api/v1/decisions?to=2019-12-31"));

        Assert.NotEmpty(now.RootElement.GetProperty("items").EnumerateArray());
        Assert.Empty(before.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_bad_or_reversed_date_range_is_refused_with_a_reason()
    {
        var client = app.Factory.CreateClient();

        var notADate = await client.GetAsync("/api/v1/decisions?from=yesterday");
        var reversed = await client.GetAsync("/api/v1/decisions?from=2020-02-01&to=2020-01-01");
        var page = await new Browsing(app).GetPageAsync("/decisions?from=2020-02-01&to=2020-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("The end of the date range must not be before its start", page.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
