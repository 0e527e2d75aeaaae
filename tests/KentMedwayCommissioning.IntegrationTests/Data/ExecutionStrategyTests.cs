using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Data;

/// <summary>A dropped connection or a failover is retried on both connections; public reads still stream their rows.</summary>
[Collection(nameof(SharedApp))]
public sealed class ExecutionStrategyTests(TestApp app)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_statement_that_fails_for_a_transient_reason_runs_again(bool throughTheReadConnection)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = throughTheReadConnection
            ? scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadDb.Key)
            : scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempts = 0;

        var answer = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            attempts++;
            if (attempts == 1)
            {
                throw new NpgsqlException("The connection was dropped.", new IOException("Connection reset by peer"));
            }

            return await db.Bodies.CountAsync();
        });

        Assert.Equal(2, attempts);
        Assert.True(answer > 0);
    }

    [Fact]
    public async Task Public_reads_are_not_buffered_whole_before_their_first_row_is_read()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadDb.Key);
        var primary = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // EF Core reads every row of a query into memory first when its strategy says it retries on failure.
        Assert.False(read.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.True(primary.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
