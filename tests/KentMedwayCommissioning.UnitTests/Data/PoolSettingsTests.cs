using KentMedwayCommissioning.Web.Data;
using Npgsql;

namespace KentMedwayCommissioning.UnitTests.Data;

public sealed class PoolSettingsTests
{
    [Fact]
    public void A_connection_string_that_does_not_mention_them_gets_automatic_preparation_and_no_reset_on_close()
    {
        var builder = new NpgsqlConnectionStringBuilder(AppDbContext.WithPoolSettings("Host=db;Database=kmc"));

        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.True(builder.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Database=kmc;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=kmc;maxautoprepare=0")]
    public void A_connection_string_that_turns_preparation_off_keeps_it_off(string connectionString) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(AppDbContext.WithPoolSettings(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Database=kmc;No Reset On Close=false")]
    [InlineData("Host=db;Database=kmc;noresetonclose=false")]
    public void A_connection_string_that_asks_for_the_reset_keeps_it(string connectionString) =>
        Assert.False(new NpgsqlConnectionStringBuilder(AppDbContext.WithPoolSettings(connectionString)).NoResetOnClose);
}
