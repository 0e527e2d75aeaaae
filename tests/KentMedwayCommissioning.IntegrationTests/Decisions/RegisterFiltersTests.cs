using System.Globalization;
using System.Net.Http.Json;
using CsvHelper;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// The register's filters mean the same wherever they are used: the page and the JSON API read through compiled queries
/// when there is no search, and through queries composed per request when there is one, as the CSV always does
/// (Pages/Decisions/RegisterQueries). Each combination of filters is checked in all three against the rule itself.
/// </summary>
public sealed class RegisterFiltersTests
{
    private const string Search = "stroke";

    [Fact]
    public async Task Every_combination_of_filters_selects_the_same_entries_in_the_page_the_api_and_the_csv()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("filters");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(150), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var browsing = new Browsing(factory);
            var all = (await browsing.Client.GetFromJsonAsync<Page>("/api/v1/decisions?limit=500"))!.Items;
            Assert.Equal(150, all.Count);

            // Values that each keep some entries and leave out others.
            var body = all[10].BodySlug;
            var outcome = all[20].Outcome;
            var to = UkCalendar.DayOf(all[30].PublishedAt);
            var from = UkCalendar.DayOf(all[110].PublishedAt);
            var before = all[40].Sequence;
            var combinations = new (string Query, Func<Entry, bool> Keeps)[]
            {
                ("", _ => true),
                ($"body={body}", entry => entry.BodySlug == body),
                ($"outcome={Uri.EscapeDataString(outcome)}", entry => entry.Outcome == outcome),
                ($"from={from:yyyy-MM-dd}", entry => UkCalendar.DayOf(entry.PublishedAt) >= from),
                ($"to={to:yyyy-MM-dd}", entry => UkCalendar.DayOf(entry.PublishedAt) <= to),
                ($"body={body}&outcome={Uri.EscapeDataString(outcome)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}",
                    entry => entry.BodySlug == body && entry.Outcome == outcome && UkCalendar.DayOf(entry.PublishedAt) >= from && UkCalendar.DayOf(entry.PublishedAt) <= to),
            };

            foreach (var (query, keeps) in combinations)
            {
                var expected = all.Where(keeps).Select(entry => entry.Sequence).ToList();
                Assert.True(query.Length == 0 || expected.Count < all.Count, $"'{query}' leaves nothing out");
                var expectedBefore = all.Where(keeps).Where(entry => entry.Sequence < before).Select(entry => entry.Sequence).ToList();
                Assert.NotEmpty(expectedBefore);

                foreach (var search in new[] { "", $"q={Search}" })
                {
                    var filters = string.Join('&', new[] { query, search }.Where(part => part.Length > 0));
                    var api = await ApiAsync(browsing.Client, filters);
                    var apiBefore = await ApiAsync(browsing.Client, $"{filters}&before={before}");
                    if (search.Length == 0)
                    {
                        Assert.Equal(expected, api);
                        Assert.Equal(expectedBefore, apiBefore);
                    }
                    else
                    {
                        // The search narrows what the other filters keep; which entries it matches is PostgreSQL's to say.
                        Assert.Subset(expected.ToHashSet(), api.ToHashSet());
                        Assert.True(query.Length > 0 || (api.Count > 0 && api.Count < all.Count), $"the search for '{Search}' matches some entries, not all");
                        Assert.Equal(api.Where(sequence => sequence < before), apiBefore);
                    }

                    Assert.Equal(api, await CsvAsync(browsing.Client, filters));
                    Assert.Equal(api.Take(25), await PageAsync(browsing, filters));
                    Assert.Equal(apiBefore.Take(25), await PageAsync(browsing, $"{filters}&before={before}"));
                }
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<List<long>> ApiAsync(HttpClient client, string filters) =>
        (await client.GetFromJsonAsync<Page>($"/api/v1/decisions?limit=500&{filters}"))!.Items.Select(entry => entry.Sequence).ToList();

    private static async Task<List<long>> CsvAsync(HttpClient client, string filters)
    {
        using var reader = new StringReader(await client.GetStringAsync($"/decisions.csv?{filters}"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<CsvRow>().Select(row => row.Sequence).ToList();
    }

    private static async Task<List<long>> PageAsync(Browsing browsing, string filters)
    {
        var page = await browsing.GetPageAsync($"/decisions?{filters}");
        return page.QuerySelectorAll("#decisions > li > a").Select(link => long.Parse(link.GetAttribute("href")!["/decisions/".Length..], CultureInfo.InvariantCulture)).ToList();
    }

    private sealed record Page(IReadOnlyList<Entry> Items);

    private sealed record Entry(long Sequence, string BodySlug, string Outcome, DateTimeOffset PublishedAt);

    private sealed class CsvRow
    {
        [CsvHelper.Configuration.Attributes.Name("sequence")]
        public long Sequence { get; set; }
    }
}
