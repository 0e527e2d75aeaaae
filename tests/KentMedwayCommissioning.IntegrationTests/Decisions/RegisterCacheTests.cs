using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>The register is output-cached for anonymous readers, and an append through any instance shows at once on every instance.</summary>
public sealed class RegisterCacheTests
{
    [Fact]
    public async Task A_correction_shows_at_once_on_each_instance_s_cached_register_decision_and_api()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("register_cache");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(10), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            await using var otherInstance = TestApp.CreateFactory(connectionString);
            HttpClient[] clients = [factory.CreateClient(), otherInstance.CreateClient()];

            // Read twice on each instance, so the second answers come from its cache.
            foreach (var client in clients.Concat(clients))
            {
                Assert.Contains("10 entries in the register", await client.GetStringAsync("/decisions"), StringComparison.Ordinal);
                Assert.DoesNotContain("/decisions/11", await client.GetStringAsync("/decisions/3"), StringComparison.Ordinal);
                Assert.Equal(10, (await client.GetFromJsonAsync<ApiPage>("/api/v1/decisions"))!.Entries);
            }

            // The correction goes through the app's command, as its body's secretary would publish it.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var original = await db.PublishedDecisions.AsNoTracking().SingleAsync(decision => decision.Sequence == 3);
                var bodyId = await db.Bodies.Where(body => body.Slug == original.BodySlug).Select(body => body.Id).SingleAsync();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = TestApp.Secretary(bodyId);
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Correct.Command(3, original.BodySlug, "Carried", "Corrected.", "A test correction"));
            }

            foreach (var client in clients)
            {
                Assert.Contains("11 entries in the register", await client.GetStringAsync("/decisions"), StringComparison.Ordinal);
                Assert.Contains("/decisions/11", await client.GetStringAsync("/decisions/3"), StringComparison.Ordinal);
                Assert.Equal(11, (await client.GetFromJsonAsync<ApiPage>("/api/v1/decisions"))!.Entries);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_list_s_first_pages_are_served_from_the_cache_and_its_later_pages_never_are()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("register_cache_pages");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(60), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient();

            // The cache marks an answer it serves with its age.
            foreach (var path in new[] { "/decisions", "/decisions?outcome=Carried", "/api/v1/decisions?limit=5", "/decisions/feed.atom" })
            {
                await client.GetStringAsync(path);
                Assert.True((await client.GetAsync(path)).Headers.Age is not null, $"{path} was not served from the cache");
            }

            foreach (var path in new[] { "/decisions?before=30", "/decisions?outcome=Carried&before=30", "/api/v1/decisions?limit=5&before=30" })
            {
                await client.GetStringAsync(path);
                using var again = await client.GetAsync(path);
                Assert.True(again.IsSuccessStatusCode);
                Assert.Null(again.Headers.Age);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_recent_decision_is_served_from_the_cache_and_an_older_one_never_is()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("register_cache_recent");
        try
        {
            var entries = RegisterCache.RecentEntries + 20;
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(entries), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient();
            var newestOld = entries - RegisterCache.RecentEntries;

            foreach (var path in new[] { $"/decisions/{entries}", $"/decisions/{newestOld + 1}", $"/api/v1/decisions/{newestOld + 1}" })
            {
                await client.GetStringAsync(path);
                Assert.True((await client.GetAsync(path)).Headers.Age is not null, $"{path} was not served from the cache");
            }

            foreach (var path in new[] { $"/decisions/{newestOld}", "/decisions/1", $"/api/v1/decisions/{newestOld}" })
            {
                await client.GetStringAsync(path);
                using var again = await client.GetAsync(path);
                Assert.True(again.IsSuccessStatusCode);
                Assert.Null(again.Headers.Age);
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_older_decision_s_page_reads_only_its_entry_once_the_cache_has_seen_a_newer_head()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("register_cache_old");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(RegisterCache.RecentEntries + 20), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient();
            // The register's first page is keyed by the head, so the cache has seen it; then an older page, to warm its path.
            await client.GetStringAsync("/decisions");
            await client.GetStringAsync("/decisions/1");

            // Npgsql traces every statement it sends; only those to this test's database, about the register, count.
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            var statements = new ConcurrentQueue<string>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string text && text.Contains("published_decisions", StringComparison.Ordinal))
                    {
                        statements.Enqueue(text);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);

            using var page = await client.GetAsync("/decisions/2");

            Assert.True(page.IsSuccessStatusCode);
            Assert.Null(page.Headers.Age);
            Assert.Single(statements);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private sealed record ApiPage(long Entries);
}
