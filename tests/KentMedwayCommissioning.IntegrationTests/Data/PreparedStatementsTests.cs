using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Data;

/// <summary>PostgreSQL plans a statement the app sends again and again once per connection, not on every request.</summary>
[Collection(nameof(SharedApp))]
public sealed class PreparedStatementsTests(TestApp app)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_query_sent_twice_on_a_connection_is_prepared_there(bool throughTheReadConnection)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = throughTheReadConnection
            ? scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadDb.Key)
            : scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var time = 0; time < 3; time++)
            {
                await db.Bodies.Where(body => body.Slug == "thanet-ccg").Select(body => body.Name).ToListAsync();
            }

            var prepared = await db.Database
                .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM bodies%thanet%' OR statement LIKE '%FROM bodies AS b%WHERE b.slug%'")
                .ToListAsync();
            Assert.NotEmpty(prepared);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
