using System.Globalization;
using System.Net.Http.Json;
using CsvHelper;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Pages.Decisions;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>What reads the whole register a batch at a time (RegisterBatches) reads every entry once, across batches.</summary>
public sealed class WholeRegisterTests
{
    [Fact]
    public async Task The_csv_and_the_chain_check_read_every_entry_once_across_batches()
    {
        // Two whole batches and a part of a third.
        var entries = (RegisterBatches.Size * 2) + 3;
        var connectionString = await PostgresServer.CreateDatabaseAsync("batches");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(entries), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient();

            var chain = await client.GetFromJsonAsync<ChainAnswer>("/api/v1/decisions/verify");
            Assert.Equal(new ChainAnswer(true, entries), chain);

            using var reader = new StringReader(await client.GetStringAsync("/decisions.csv"));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            var sequences = csv.GetRecords<CsvRow>().Select(row => row.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, entries).Reverse().Select(sequence => (long)sequence), sequences);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private sealed record ChainAnswer(bool Intact, long Entries);

    private sealed class CsvRow
    {
        [CsvHelper.Configuration.Attributes.Name("sequence")]
        public long Sequence { get; set; }
    }
}
