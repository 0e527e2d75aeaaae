using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KentMedwayCommissioning.IntegrationTests.Meetings;
using KentMedwayCommissioning.IntegrationTests.Popolo;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// What a client generator and a Popolo consumer rely on: every operation in the OpenAPI document declares its bodies,
/// and what the API answers is valid against them (JsonSchema.Net) and against the Popolo schemas.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed class OpenDataContractTests(TestApp app)
{
    private const string Proposal = "establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer";

    private readonly HttpClient _client = app.Factory.CreateClient();

    [Fact]
    public async Task Every_operation_has_an_id_a_200_body_with_a_schema_and_400_and_404_problem_bodies()
    {
        var contract = await OpenApiContract.LoadAsync(_client);
        var operations = contract.Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Method: operation.Key, Operation: operation.Value!))).ToList();

        Assert.True(operations.Count >= 15, string.Join(", ", operations.Select(operation => operation.Path)));
        Assert.Equal(operations.Count, operations.Select(operation => operation.Operation["operationId"]?.GetValue<string>()).OfType<string>().Distinct().Count());
        Assert.All(operations, operation =>
        {
            var responses = operation.Operation["responses"]!.AsObject();
            var ok = Assert.Single(responses["200"]!["content"]!.AsObject());
            Assert.NotNull(ok.Value!["schema"]);
            Assert.Equal("application/problem+json", Assert.Single(responses["400"]!["content"]!.AsObject()).Key);
            Assert.Equal("application/problem+json", Assert.Single(responses["404"]!["content"]!.AsObject()).Key);
        });
        var limit = contract.Document["paths"]!["/api/v1/decisions"]!["get"]!["parameters"]!.AsArray().Single(parameter => parameter!["name"]!.GetValue<string>() == "limit");
        Assert.Contains("from 1 to 500", limit!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/bodies", "/api/v1/bodies", 200)]
    [InlineData("/api/v1/bodies?kind=JointCommittee", "/api/v1/bodies", 200)]
    [InlineData("/api/v1/bodies?kind=bogus", "/api/v1/bodies", 400)]
    [InlineData("/api/v1/decisions", "/api/v1/decisions", 200)]
    [InlineData("/api/v1/decisions?limit=2", "/api/v1/decisions", 200)]
    [InlineData("/api/v1/decisions?q=zebra", "/api/v1/decisions", 200)]
    [InlineData("/api/v1/decisions?body=nope", "/api/v1/decisions", 400)]
    [InlineData("/api/v1/decisions?before=abc", "/api/v1/decisions", 400)]
    [InlineData("/api/v1/decisions/verify", "/api/v1/decisions/verify", 200)]
    [InlineData("/api/v1/decisions/1", "/api/v1/decisions/{sequence}", 200)]
    [InlineData("/api/v1/decisions/99999", "/api/v1/decisions/{sequence}", 404)]
    [InlineData("/api/v1/proposals/" + Proposal, "/api/v1/proposals/{slug}", 200)]
    [InlineData("/api/v1/proposals/no-such-proposal", "/api/v1/proposals/{slug}", 404)]
    [InlineData("/api/v1/people/ian-ayres/record", "/api/v1/people/{slug}/record", 200)]
    [InlineData("/api/v1/people/no-such-person/record", "/api/v1/people/{slug}/record", 404)]
    public async Task Every_json_answer_is_valid_against_the_schema_the_openapi_document_declares_for_it(string url, string operation, int status)
    {
        var contract = await OpenApiContract.LoadAsync(_client);

        using var response = await _client.GetAsync(url);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, (int)response.StatusCode);
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        Assert.Equal(status == 200 ? "application/json" : "application/problem+json", mediaType);
        Assert.Empty(contract.Problems(operation, status, mediaType, body.RootElement));
    }

    [Fact]
    public async Task The_schema_check_is_not_a_look_alike_a_wrong_body_fails_it()
    {
        var contract = await OpenApiContract.LoadAsync(_client);
        using var decision = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions/1"));
        var wrong = JsonNode.Parse(decision.RootElement.GetRawText())!.AsObject();
        wrong["sequence"] = "one";
        wrong["votes"] = "none";

        using var tampered = JsonDocument.Parse(wrong.ToJsonString());

        Assert.Equal(2, contract.Problems("/api/v1/decisions/{sequence}", 200, "application/json", tampered.RootElement).Count);
    }

    [Fact]
    public async Task A_person_s_record_is_valid_popolo_with_memberships_organizations_and_vote_events()
    {
        var board = await VotingBoard.CreateAsync(app, voters: 3, name: "Popolo Board");
        var secretary = TestApp.Secretary(board.BodyId);
        await app.SendAsAsync(TestApp.Member(board.Voters[0]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(TestApp.Member(board.Voters[1]), new CastVote.Command(board.MeetingId, board.ItemNumber, VoteChoice.Against));
        await app.SendAsAsync(secretary, new RunVote.Command(board.MeetingId, board.ItemNumber, RunVote.Action.Close));
        await app.SendAsAsync(secretary, new RunVote.CastingVoteCommand(board.MeetingId, board.ItemNumber, VoteChoice.For));
        await app.SendAsAsync(secretary, new RunMeeting.ChangeStatus(board.MeetingId, RunMeeting.StatusChange.Close));
        await app.SendAsAsync(secretary, new PublishMeeting.Command(board.MeetingId));

        using var chair = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/people/{Slug.From("Popolo Board Member 1")}/record"));
        using var officer = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/people/ian-ayres/record"));

        foreach (var record in new[] { chair.RootElement, officer.RootElement })
        {
            Assert.Empty(PopoloSchemas.Problems("person", record));
            Assert.All(record.GetProperty("memberships").EnumerateArray(), membership => Assert.Empty(PopoloSchemas.Problems("membership", membership)));
            Assert.All(record.GetProperty("vote_events").EnumerateArray(), voteEvent =>
            {
                Assert.Empty(PopoloSchemas.Problems("vote_event", voteEvent));
                Assert.All(voteEvent.GetProperty("counts").EnumerateArray(), count => Assert.Empty(PopoloSchemas.Problems("count", count)));
                Assert.All(voteEvent.GetProperty("votes").EnumerateArray(), vote => Assert.Empty(PopoloSchemas.Problems("vote", vote)));
                Assert.Empty(PopoloSchemas.Problems("organization", voteEvent.GetProperty("organization")));
            });
        }

        var seat = Assert.Single(chair.RootElement.GetProperty("memberships").EnumerateArray());
        Assert.Equal(Slug.From("Popolo Board"), seat.GetProperty("organization_id").GetString());
        Assert.Equal("Popolo Board", seat.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("Chair", seat.GetProperty("role").GetString());
        var voteEvent = Assert.Single(chair.RootElement.GetProperty("vote_events").EnumerateArray());
        Assert.Equal(Slug.From("Popolo Board"), voteEvent.GetProperty("organization_id").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", voteEvent.GetProperty("start_date").GetString());
        Assert.Equal("yes", voteEvent.GetProperty("casting_vote").GetProperty("option").GetString());
        // Ian Ayres's transitional role is dated to the month in the papers, and says no more.
        Assert.Contains(officer.RootElement.GetProperty("memberships").EnumerateArray(), membership => membership.GetProperty("start_date").GetString() == "2018-02");
    }

    [Fact]
    public void The_popolo_check_is_not_a_look_alike_a_plain_name_for_an_organization_and_display_text_for_a_date_fail_it()
    {
        using var old = JsonDocument.Parse("""{"id":"/decisions/1","organization":"West Kent CCG","start_date":"January or February 2018 (the papers do not give the date)","counts":[{"option":"yes"}]}""");

        Assert.Equal(3, PopoloSchemas.Problems("vote_event", old.RootElement).Count);
    }
}

[Collection(nameof(SharedApp))]
public sealed class OpenDataFieldReferenceTests(TestApp app)
{
    [Fact]
    public async Task The_open_data_page_names_every_json_field_and_csv_column_the_outputs_have()
    {
        var browsing = new Browsing(app);
        var page = await browsing.GetPageAsync("/open-data");
        var named = page.QuerySelectorAll("#fields ~ * code").Select(code => code.TextContent).ToHashSet(StringComparer.Ordinal);
        var client = app.Factory.CreateClient();
        var fields = new List<string>();
        async Task Json(string url, Func<JsonElement, IEnumerable<JsonElement>> objects)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(url));
            fields.AddRange(objects(json.RootElement).SelectMany(element => element.EnumerateObject().Select(property => property.Name)));
        }

        await Json("/api/v1/decisions?limit=5", root => [root, .. root.GetProperty("items").EnumerateArray()]);
        await Json("/api/v1/decisions/verify", root => [root]);
        await Json("/api/v1/bodies", root => root.EnumerateArray());
        await Json("/api/v1/proposals/establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer", root => [root, .. root.GetProperty("bodies").EnumerateArray()]);
        await Json("/api/v1/people/ian-ayres/record", root => [root, .. root.GetProperty("memberships").EnumerateArray(), .. root.GetProperty("declarations").EnumerateArray()]);
        foreach (var csv in new[] { "/decisions.csv", "/registers/interests.csv", "/registers/gifts-and-hospitality.csv", "/registers/procurement.csv" })
        {
            using var reader = new StringReader(await client.GetStringAsync(csv));
            using var parser = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
            parser.Read();
            parser.ReadHeader();
            fields.AddRange(parser.HeaderRecord!);
        }

        var unnamed = fields.Distinct().Where(field => !named.Contains(field)).ToList();
        Assert.True(unnamed.Count == 0, "Not on the page: " + string.Join(", ", unnamed));
    }
}
