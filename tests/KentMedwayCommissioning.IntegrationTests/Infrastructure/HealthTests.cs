using System.Net;
using KentMedwayCommissioning.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KentMedwayCommissioning.Web.Data;

namespace KentMedwayCommissioning.IntegrationTests.Infrastructure;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_is_503_until_the_database_is_migrated_then_200()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("health");
        try
        {
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached()
    {
        await using var factory = TestApp.CreateFactory("Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2");
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
