using KentMedwayCommissioning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The connection public reads use. A public read handler asks for it with
/// <c>[FromKeyedServices(ReadDb.Key)] AppDbContext db</c>; everything else takes the plain <see cref="AppDbContext"/>
/// (the primary). An anonymous request reads from the replica named by <c>ConnectionStrings:ReadOnly</c> while the
/// replica answers; a signed-in request (which may follow the user's own write) and every request while the replica does
/// not answer read from the primary. Either way the session is read-only (<c>default_transaction_read_only</c>), so
/// nothing can be written through it, even where there is no replica and it is the primary.
/// </summary>
public sealed class ReadDb
{
    public const string Key = "read";

    private readonly PooledDbContextFactory<AppDbContext> _primary;
    private readonly PooledDbContextFactory<AppDbContext>? _replica;
    private volatile bool _replicaAnswers = true;

    public ReadDb(DbContextOptions<AppDbContext> primaryOptions, string primaryConnectionString, string? replicaConnectionString)
    {
        _primary = new PooledDbContextFactory<AppDbContext>(ReadOnly(primaryOptions, primaryConnectionString));
        if (!string.IsNullOrWhiteSpace(replicaConnectionString))
        {
            ReplicaConnectionString = ReadOnlyConnectionString(replicaConnectionString);
            _replica = new PooledDbContextFactory<AppDbContext>(ReadOnly(primaryOptions, replicaConnectionString));
        }
    }

    /// <summary>The replica's connection string (read-only), or null when reads go to the primary.</summary>
    public string? ReplicaConnectionString { get; }

    /// <summary>True when public reads go to the replica now.</summary>
    public bool UsesReplica => _replica is not null && _replicaAnswers;

    /// <summary>Set by <see cref="ReadReplicaProbe"/>: a replica that stops answering is left until it answers again.</summary>
    public void ReplicaAnswered(bool answers) => _replicaAnswers = answers;

    public AppDbContext Create(HttpContext? request) =>
        _replica is not null && _replicaAnswers && request?.User.Identity?.IsAuthenticated != true
            ? _replica.CreateDbContext()
            : _primary.CreateDbContext();

    /// <summary>
    /// The app's own options with another connection string: the same model and provider services, so the compiled
    /// queries and the model built once serve both.
    /// </summary>
    private static DbContextOptions<AppDbContext> ReadOnly(DbContextOptions<AppDbContext> options, string connectionString) =>
        (DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>(options)
            .UseNpgsql(ReadOnlyConnectionString(connectionString), npgsql => npgsql.ExecutionStrategy(dependencies => new StreamingReadStrategy(dependencies)))
            .Options;

    private static string ReadOnlyConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(AppDbContext.WithPoolSettings(connectionString)) { Options = "-c default_transaction_read_only=on" }.ConnectionString;

    public static void AddReadDb(IServiceCollection services, string primaryConnectionString, string? replicaConnectionString)
    {
        services.AddSingleton(provider => new ReadDb(provider.GetRequiredService<DbContextOptions<AppDbContext>>(), primaryConnectionString, replicaConnectionString));
        services.AddKeyedScoped(Key, (provider, _) => provider.GetRequiredService<ReadDb>().Create(provider.GetRequiredService<IHttpContextAccessor>().HttpContext));
        if (!string.IsNullOrWhiteSpace(replicaConnectionString))
        {
            services.AddHostedService<ReadReplicaProbe>();
        }
    }

    /// <summary>Opens a connection to the replica and asks how far it has replayed; null when it does not answer.</summary>
    public async Task<ReplicaState?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (ReplicaConnectionString is null)
        {
            return null;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = new NpgsqlConnection(ReplicaConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand(
                "select pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn()::text, ''), coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)::float8", connection);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            return new ReplicaState(reader.GetBoolean(0), reader.GetString(1), TimeSpan.FromSeconds(reader.GetDouble(2)));
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <param name="InRecovery">True for a streaming replica (false would be a promoted one, or the primary itself).</param>
    /// <param name="ReplayedTo">The WAL position replayed so far.</param>
    /// <param name="SinceLastReplay">Time since the last transaction replayed: the lag while the primary is busy, the idle time when it is not.</param>
    public sealed record ReplicaState(bool InRecovery, string ReplayedTo, TimeSpan SinceLastReplay);
}

/// <summary>
/// Retries a read whose statement fails to start (a dropped connection, a failover), as the primary's strategy does, but
/// says it does not retry on failure: EF Core then streams a query's rows instead of reading them all into a buffer
/// first so that it could run the whole query again. A read that fails after its rows began to arrive fails.
/// </summary>
internal sealed class StreamingReadStrategy(ExecutionStrategyDependencies dependencies)
    : Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlRetryingExecutionStrategy(dependencies, AppDbContext.MaxRetries, AppDbContext.MaxRetryDelay, errorCodesToAdd: null)
{
    public override bool RetriesOnFailure => false;
}

/// <summary>Asks the replica every few seconds whether it answers, so that reads leave it when it goes away and return when it is back.</summary>
public sealed class ReadReplicaProbe(ReadDb readDb, ILogger<ReadReplicaProbe> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var answers = await readDb.ProbeAsync(stoppingToken) is not null;
            if (answers != readDb.UsesReplica)
            {
                if (answers)
                {
                    logger.LogInformation("The read replica answers again; public reads go to it");
                }
                else
                {
                    logger.LogWarning("The read replica does not answer; public reads go to the primary until it does");
                }
            }

            readDb.ReplicaAnswered(answers);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Ready says which connection public reads use; a replica that does not answer leaves the app degraded, not down (reads go to the primary).</summary>
public sealed class ReadDbHealthCheck(ReadDb readDb) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readDb.ReplicaConnectionString is null)
        {
            return HealthCheckResult.Healthy("No read replica is configured; public reads go to the primary.");
        }

        var state = await readDb.ProbeAsync(cancellationToken);
        readDb.ReplicaAnswered(state is not null);
        return state switch
        {
            null => HealthCheckResult.Degraded("The read replica does not answer; public reads go to the primary."),
            { InRecovery: false } => HealthCheckResult.Degraded("The read connection answers but is not a replica in recovery (promoted?); public reads go to it."),
            _ => HealthCheckResult.Healthy($"The read replica answers; replayed to {state.ReplayedTo}, last transaction replayed {state.SinceLastReplay.TotalSeconds:0.#} s ago."),
        };
    }
}
