using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Interests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>What feed readers, HTTP caches, browsers on other sites and spreadsheets rely on in the open data.</summary>
[Collection(nameof(SharedApp))]
public sealed class OpenDataStandardsTests(TestApp app)
{
    private const string PublicOrigin = "http://localhost:5080";

    private readonly HttpClient _client = app.Factory.CreateClient();

    private static readonly string[] Urls =
    [
        "/api/v1/bodies", "/api/v1/decisions", "/api/v1/decisions/verify", "/api/v1/decisions/1", "/api/v1/proposals/establish-a-strategic-commissioner-and-share-a-single-senior-management-team-with-one-accountable-officer", "/api/v1/people/ian-ayres/record",
        "/decisions.csv", "/decisions/feed.atom", "/meetings/calendar.ics",
        "/registers/interests.csv", "/registers/interests/feed.atom", "/registers/gifts-and-hospitality.csv",
        "/registers/gifts-and-hospitality/feed.atom", "/registers/procurement.csv", "/registers/procurement/feed.atom",
    ];

    public static TheoryData<string> OpenDataUrls() => [.. Urls];

    public static TheoryData<string> Feeds() =>
        ["/decisions/feed.atom", "/registers/interests/feed.atom", "/registers/gifts-and-hospitality/feed.atom", "/registers/procurement/feed.atom"];

    [Theory]
    [MemberData(nameof(OpenDataUrls))]
    public async Task Every_open_data_url_answers_head_and_is_cacheable_and_readable_from_any_origin(string url)
    {
        using var get = await _client.GetAsync(url);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.True(get.Headers.CacheControl?.Public, url);
        Assert.Equal(TimeSpan.FromMinutes(1), get.Headers.CacheControl?.MaxAge);
    }

    /// <summary>Every open-data URL but the chain check, which must see tampering at once, and so is never answered from a copy.</summary>
    public static TheoryData<string> ConditionalUrls() =>
        [.. Urls.Where(url => url != "/api/v1/decisions/verify").Append("/decisions/feed.atom?body=west-kent-ccg")];

    [Theory]
    [MemberData(nameof(ConditionalUrls))]
    public async Task An_open_data_url_has_an_etag_and_last_modified_and_answers_304_to_if_none_match(string url)
    {
        using var first = await _client.GetAsync(url);
        var tag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(tag!);
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        head.Headers.IfNoneMatch.Add(tag!);

        using var notModified = await _client.SendAsync(again);
        using var headNotModified = await _client.SendAsync(head);

        Assert.NotNull(tag);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, headNotModified.StatusCode);
    }

    [Fact]
    public async Task A_change_made_by_any_command_changes_the_etag_of_the_live_tables_open_data()
    {
        using var before = await _client.GetAsync("/registers/interests.csv");
        var administrator = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Administrator)], authenticationType: "Test"));
        await app.SendAsAsync(administrator, new RegisterModel.AddInterest("ian-ayres", InterestKind.NonFinancialPersonal, "Trustee of a hospice charity", null, null, null));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/registers/interests.csv");
        again.Headers.IfNoneMatch.Add(before.Headers.ETag!);

        using var after = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Trustee of a hospice charity", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Every_feed_has_an_author_and_a_self_link_that_is_its_permanent_id(string url)
    {
        var feed = await Feed(url);

        Assert.Equal(AtomFeed.Author, Assert.Single(feed.Authors).Name);
        var self = Assert.Single(feed.Links, link => link.RelationshipType == "self");
        Assert.Equal(PublicOrigin + url, self.Uri.ToString());
        Assert.Equal(PublicOrigin + url, feed.Id);
        Assert.True(feed.LastUpdatedTime > new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.All(feed.Items, item => Assert.StartsWith(PublicOrigin + "/", item.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filtered_feed_has_its_own_id_and_title_and_an_empty_one_a_real_updated_time()
    {
        var all = await Feed("/decisions/feed.atom");
        var westKent = await Feed("/decisions/feed.atom?body=west-kent-ccg");
        var empty = await Feed("/decisions/feed.atom?q=zebra");

        Assert.NotEqual(all.Id, westKent.Id);
        Assert.NotEqual(all.Title.Text, westKent.Title.Text);
        Assert.Contains("west-kent-ccg", westKent.Title.Text, StringComparison.Ordinal);
        Assert.Empty(empty.Items);
        Assert.Equal(all.LastUpdatedTime, empty.LastUpdatedTime);
    }

    [Fact]
    public async Task Ids_come_from_the_configured_public_address_and_another_host_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/decisions/feed.atom");
        request.Headers.Host = "evil.example";

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PublicOrigin + "/decisions/feed.atom", (await Feed("/decisions/feed.atom")).Id);
    }

    [Fact]
    public async Task A_gifts_feed_entry_links_to_an_anchor_the_register_page_has()
    {
        var feed = await Feed("/registers/gifts-and-hospitality/feed.atom");
        var page = await _client.GetStringAsync("/registers/gifts-and-hospitality");

        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.Contains($"id=\"{item.Links.Single().Uri.Fragment.TrimStart('#')}\"", page, StringComparison.Ordinal));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/registers/gifts-and-hospitality/feed.atom\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/decisions?body=nope")]
    [InlineData("/decisions.csv?body=nope")]
    [InlineData("/decisions/feed.atom?body=nope")]
    [InlineData("/meetings/calendar.ics?body=nope")]
    [InlineData("/decisions.csv?outcome=bogus")]
    [InlineData("/api/v1/decisions?limit=0")]
    [InlineData("/api/v1/decisions?limit=501")]
    public async Task An_unknown_body_outcome_or_limit_is_a_400_problem_on_every_format(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var parameter = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateObject()).Name;
        Assert.Contains(parameter + "=", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_form_is_named_without_internal_type_names()
    {
        using var response = await _client.GetAsync("/api/v1/decisions?before=abc");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The value given for 'before' is not of the right form.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Limit_sets_the_page_size_and_next_is_an_absolute_url_that_keeps_it()
    {
        using var first = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?limit=3"));
        var next = first.RootElement.GetProperty("next").GetString()!;
        using var second = JsonDocument.Parse(await _client.GetStringAsync(new Uri(next).PathAndQuery));

        Assert.Equal(3, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.StartsWith(PublicOrigin + "/api/v1/decisions?", next, StringComparison.Ordinal);
        Assert.Contains("limit=3", next, StringComparison.Ordinal);
        Assert.Equal(3, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(second.RootElement.GetProperty("items")[0].GetProperty("sequence").GetInt64() < first.RootElement.GetProperty("items")[2].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task A_csv_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var http = new DefaultHttpContext { RequestServices = app.Factory.Services };
        using var body = new MemoryStream();
        http.Response.Body = body;

        await CsvFile.Result(["description", "value"], [["=HYPERLINK(\"http://evil.example\")", "@SUM(A1)"], ["+1", "-2"], ["plain", "a=b"]]).ExecuteAsync(http);

        using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(body.ToArray()));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", rows[0]["description"]);
        Assert.Equal("'@SUM(A1)", rows[0]["value"]);
        Assert.Equal("'+1", rows[1]["description"]);
        Assert.Equal("'-2", rows[1]["value"]);
        Assert.Equal("plain", rows[2]["description"]);
        Assert.Equal("a=b", rows[2]["value"]);
    }

    [Fact]
    public async Task The_openapi_server_is_the_public_address_and_times_end_in_z()
    {
        using var openApi = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        using var decisions = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/decisions?limit=1"));

        Assert.Equal(PublicOrigin, Assert.Single(openApi.RootElement.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", decisions.RootElement.GetProperty("items")[0].GetProperty("publishedAt").GetString());
    }

    [Fact]
    public async Task The_calendar_s_dtstamp_is_when_it_was_written_not_when_the_meeting_is()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var calendar = await _client.GetStringAsync("/meetings/calendar.ics");
        var after = DateTime.UtcNow.AddSeconds(1);

        var stamps = calendar.Split("\r\n").Where(line => line.StartsWith("DTSTAMP:", StringComparison.Ordinal))
            .Select(line => DateTime.ParseExact(line["DTSTAMP:".Length..], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToList();
        Assert.NotEmpty(stamps);
        Assert.All(stamps, stamp => Assert.InRange(stamp, before.AddSeconds(-1), after));
    }

    private async Task<SyndicationFeed> Feed(string url)
    {
        using var stream = await _client.GetStreamAsync(url);
        using var xml = XmlReader.Create(stream);
        return SyndicationFeed.Load(xml);
    }
}
