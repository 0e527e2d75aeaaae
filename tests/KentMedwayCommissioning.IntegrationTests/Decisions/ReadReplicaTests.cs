using System.Net;
using System.Net.Http.Json;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// Public reads through a streaming replica (<c>ConnectionStrings:ReadOnly</c>): a replica that lags shows the older
/// register whole, never a head it does not hold, and the newer one once it has replayed; a replica that goes away
/// leaves the reads to the primary.
/// </summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task A_lagging_replica_serves_the_older_register_whole_then_the_newer_and_reads_fall_back_to_the_primary_when_it_goes_away()
    {
        await using var primary = await PrivateCluster.StartAsync();
        var connectionString = primary.ConnectionString("postgres");
        await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(10), TextWriter.Null, CancellationToken.None);
        await using var replica = await primary.StartReplicaAsync();
        await replica.CatchUpWithAsync(primary);

        await using var factory = TestApp.CreateFactory(connectionString)
            .WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:ReadOnly", replica.ConnectionString("postgres")));
        var reader = factory.CreateClient();
        await AssertRegisterHoldsAsync(reader, entries: 10);
        Assert.Contains("read connection: Healthy, The read replica answers", await reader.GetStringAsync("/health/ready"), StringComparison.Ordinal);

        // Nothing can be written through the read connection, even by mistake, even where it reads from the primary.
        var readDb = factory.Services.GetRequiredService<ReadDb>();
        await using (var primaryRead = readDb.Create(new DefaultHttpContext { User = TestApp.Secretary(1) }))
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => primaryRead.Database.ExecuteSqlRawAsync("delete from published_decisions"));
            Assert.Equal(Npgsql.PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        }

        await replica.PauseReplayAsync();
        await CorrectDecisionThreeAsync(factory);

        // The replica has not replayed the correction: every public answer is the ten-entry register, cached or not.
        await AssertRegisterHoldsAsync(reader, entries: 10);
        await AssertRegisterHoldsAsync(reader, entries: 10);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/decisions/11")).StatusCode);

        // A signed-in user (here the secretary who just published) reads from the primary and sees the correction at once.
        await using (var primaryRead = readDb.Create(new DefaultHttpContext { User = TestApp.Secretary(1) }))
        {
            Assert.Equal(11, await primaryRead.PublishedDecisions.CountAsync());
        }

        await using (var anonymousRead = readDb.Create(new DefaultHttpContext()))
        {
            Assert.Equal(10, await anonymousRead.PublishedDecisions.CountAsync());
        }

        await replica.ResumeReplayAsync();
        await replica.CatchUpWithAsync(primary);
        await AssertRegisterHoldsAsync(reader, entries: 11);

        await replica.StopAbruptlyAsync();
        await WaitForAsync(async () => (await reader.GetStringAsync("/health/ready")).Contains("read connection: Degraded, The read replica does not answer", StringComparison.Ordinal));
        Assert.StartsWith("Degraded\n", await reader.GetStringAsync("/health/ready"), StringComparison.Ordinal);
        await AssertRegisterHoldsAsync(reader, entries: 11);
    }

    private static async Task AssertRegisterHoldsAsync(HttpClient client, int entries)
    {
        Assert.Contains($"{entries} entries in the register", await client.GetStringAsync("/decisions"), StringComparison.Ordinal);
        var decisionThree = await client.GetStringAsync("/decisions/3");
        if (entries > 10)
        {
            Assert.Contains("/decisions/11", decisionThree, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("/decisions/11", decisionThree, StringComparison.Ordinal);
        }

        Assert.Equal(entries, (await client.GetFromJsonAsync<ApiPage>("/api/v1/decisions"))!.Entries);
    }

    /// <summary>The correction goes through the app's command, as its body's secretary would publish it.</summary>
    private static async Task CorrectDecisionThreeAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var original = await db.PublishedDecisions.AsNoTracking().SingleAsync(decision => decision.Sequence == 3);
        var bodyId = await db.Bodies.Where(body => body.Slug == original.BodySlug).Select(body => body.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = TestApp.Secretary(bodyId);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Correct.Command(3, original.BodySlug, "Carried", "Corrected.", "A test correction"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The condition did not hold within 30 s.");
            await Task.Delay(200);
        }
    }

    private sealed record ApiPage(long Entries);
}
