using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// The register's list and a page of its open data (the JSON API, the Atom feed) read the head of the chain in the same
/// statement as their rows when nothing in the request has read it yet (RegisterQueries.RowsAndHeadAsync,
/// EntriesAndHeadAsync): the answer must still carry the true head, searched or not, with rows or without, and hand it on
/// to whatever asks later in the request, such as the HTTP validators.
/// </summary>
public sealed class RegisterPageHeadTests
{
    [Fact]
    public async Task The_list_shows_the_head_it_was_read_with_and_the_rest_of_the_request_sees_the_same()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("pagehead");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(40), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            long newest;
            string newestHash;
            using (var scope = factory.Services.CreateScope())
            {
                var head = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublishedDecisions.OrderByDescending(decision => decision.Sequence).FirstAsync();
                (newest, newestHash) = (head.Sequence, head.Hash);
            }

            var queries = new (IndexModel.Query Query, bool HasRows)[]
            {
                (new(null, null, null, null), true),
                (new(null, null, null, Before: 20), true),
                (new("stroke", null, null, null), true),
                (new(null, null, null, Before: 1), false),
                (new("zzyzx", null, null, null), false),
            };
            foreach (var (query, hasRows) in queries)
            {
                using var scope = factory.Services.CreateScope();
                var requestHead = scope.ServiceProvider.GetRequiredService<RegisterQueries.RequestHead>();
                Assert.False(requestHead.IsRead);

                var results = await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);

                Assert.Equal(hasRows, results.Decisions.Count > 0);
                Assert.Equal(newest, results.Entries);
                Assert.Equal(newestHash, results.HeadHash);
                Assert.True(requestHead.IsRead);
                Assert.Equal(newestHash, (await requestHead.GetAsync())!.Hash);

                using var exportScope = factory.Services.CreateScope();
                var exportHead = exportScope.ServiceProvider.GetRequiredService<RegisterQueries.RequestHead>();
                var export = await exportScope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenData.Export(query, IndexModel.PageSize));

                Assert.Equal(results.Decisions.Select(row => row.Sequence), await export.Decisions.Select(entry => entry.Sequence).ToListAsync());
                Assert.Equal(newest, export.Entries);
                Assert.Equal(newestHash, export.HeadHash);
                Assert.Equal(newestHash, (await exportHead.GetAsync())!.Hash);
            }

            // Where the head was read first (as the output cache does for its key), the list is read on its own.
            using (var scope = factory.Services.CreateScope())
            {
                var requestHead = scope.ServiceProvider.GetRequiredService<RegisterQueries.RequestHead>();
                Assert.Equal(newest, (await requestHead.GetAsync())!.Sequence);
                var results = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IndexModel.Query(null, null, null, Before: 20));
                Assert.Equal(Enumerable.Range(1, 19).Reverse().Select(sequence => (long)sequence), results.Decisions.Select(row => row.Sequence));
                Assert.Equal(newestHash, results.HeadHash);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_uncached_api_page_carries_the_head_it_was_read_with_as_its_etag_and_answers_304_to_it()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("apihead");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(40), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString).WithWebHostBuilder(host => host.UseSetting("OutputCache:Enabled", "false"));
            string newestHash;
            using (var scope = factory.Services.CreateScope())
            {
                newestHash = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().PublishedDecisions.OrderByDescending(decision => decision.Sequence).FirstAsync()).Hash;
            }

            using var client = factory.CreateClient();
            foreach (var url in new[] { "/api/v1/decisions?limit=5", "/api/v1/decisions?q=zzyzx", "/decisions/feed.atom" })
            {
                using var first = await client.GetAsync(url);
                using var again = new HttpRequestMessage(HttpMethod.Get, url);
                again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
                using var notModified = await client.SendAsync(again);

                Assert.Equal($"\"{newestHash}\"", first.Headers.ETag?.Tag);
                Assert.NotNull(first.Content.Headers.LastModified);
                Assert.Equal(System.Net.HttpStatusCode.NotModified, notModified.StatusCode);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
