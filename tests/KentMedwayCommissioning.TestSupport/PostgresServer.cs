using Npgsql;
using Testcontainers.PostgreSql;

namespace KentMedwayCommissioning.TestSupport;

/// <summary>
/// The PostgreSQL server the tests create their databases on: the one scripts/test.sh starts (KMC_TEST_POSTGRES),
/// or, where a Docker engine answers, a Testcontainers PostgreSQL 15 started once per test run.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "KMC_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    public static Task<string> AdminConnectionStringAsync() => AdminConnection.Value;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"kmc_{purpose}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // No server given: Testcontainers needs a Docker engine, and says so clearly if there is none.
        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
    }
}
