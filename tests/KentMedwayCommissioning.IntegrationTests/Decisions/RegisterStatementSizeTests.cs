using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// The register's unsearched pages are read by statements whose LIMIT is one of a few constants
/// (RegisterQueries.StatementSizes), so that PostgreSQL keeps one plan for each rather than planning it again on every
/// request; a page reads exactly what it asked for from the smallest that holds it.
/// </summary>
public sealed class RegisterStatementSizeTests
{
    [Fact]
    public async Task Every_page_size_reads_exactly_the_newest_entries_it_asks_for_with_no_limit_as_a_parameter()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("statementsize");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(520), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);

            // Either side of each statement size, and the largest a page may ask for (the API's limit plus one).
            foreach (var take in new[] { 2, 25, 26, 27, 50, 51, 52, 100, 101, 102, 200, 201, 202, 500, OpenData.MaximumLimit + 1 })
            {
                using var scope = factory.Services.CreateScope();
                var export = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenData.Export(new IndexModel.Query(null, null, null, null), take));

                Assert.Equal(Enumerable.Range(520 - take + 1, take).Reverse().Select(sequence => (long)sequence), await export.Decisions.Select(entry => entry.Sequence).ToListAsync());
            }

            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadDb.Key);
                // One connection throughout, so that its prepared statements can be asked about at the end.
                await db.Database.OpenConnectionAsync();
                for (var request = 0; request < 10; request++)
                {
                    var deep = new IndexModel.Query(null, null, null, Before: 400 - request);
                    var (rows, _) = await RegisterQueries.RowsAndHeadAsync(db, new RegisterQueries.RequestHead(db), deep, IndexModel.PageSize + 1, CancellationToken.None);
                    var (entries, _) = await RegisterQueries.EntriesAndHeadAsync(db, new RegisterQueries.RequestHead(db), deep, 30, CancellationToken.None);

                    Assert.Equal(IndexModel.PageSize + 1, rows.Count);
                    Assert.Equal(30, entries.Count);
                }

                // The statements as this connection prepared them. On a register this small PostgreSQL would keep one plan
                // even for a LIMIT that is a parameter (the planning it saves outweighs the difference in cost), so what is
                // checked is that no LIMIT is one: at 100,000 decisions, such a statement was planned on every execution.
                var statements = await db.Database
                    .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%published_decisions%'")
                    .ToListAsync();

                Assert.Contains(statements, statement => statement.Contains($"LIMIT {IndexModel.PageSize + 1}", StringComparison.Ordinal));
                Assert.Contains(statements, statement => statement.Contains("LIMIT 51", StringComparison.Ordinal));
                Assert.All(statements, statement => Assert.DoesNotMatch(@"LIMIT \$\d", statement));
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
