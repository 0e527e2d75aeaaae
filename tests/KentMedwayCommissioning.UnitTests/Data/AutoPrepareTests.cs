using KentMedwayCommissioning.Web.Data;
using Npgsql;

namespace KentMedwayCommissioning.UnitTests.Data;

public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_that_does_not_mention_it_gets_automatic_preparation()
    {
        var builder = new NpgsqlConnectionStringBuilder(AppDbContext.WithAutoPrepare("Host=db;Database=kmc"));

        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;Database=kmc;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=kmc;maxautoprepare=0")]
    public void A_connection_string_that_turns_it_off_keeps_it_off(string connectionString) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(AppDbContext.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
