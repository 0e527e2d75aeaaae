using KentMedwayCommissioning.Transparency;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using NpgsqlTypes;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The register's Merkle tree in PostgreSQL: each entry's leaf and every complete subtree, appended as entries are
/// published, so a root, an audit path or a consistency proof reads O(log n) stored hashes and never recomputes the tree.
/// </summary>
public static class RegisterTree
{
    /// <summary>Entries read per round while catching up, so a large register is added in bounded memory.</summary>
    private const int Batch = 2000;

    /// <summary>How many entries the tree holds: the size of the newest checkpoint.</summary>
    public static async Task<long> SizeAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.RegisterTreeNodes.Where(node => node.Level == 0).MaxAsync(node => (long?)node.Index, cancellationToken) ?? -1) + 1;

    /// <summary>
    /// Adds every published entry the tree does not hold yet, under the chain's lock: the publisher calls it after
    /// appending entries, and the app at start (a register loaded in bulk, or entries published before the tree existed).
    /// </summary>
    public static async Task CatchUpAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await Publisher.LockChainAsync(db, cancellationToken);
        var size = await SizeAsync(db, cancellationToken);
        var edge = MerkleTree.CompleteSubtrees(new LeafRange(0, size));
        var hashes = await HashesAsync(db, edge, cancellationToken);
        var tree = new TreeAppender(edge.Select(node => (node, hashes[node])));
        while (true)
        {
            var entries = await db.PublishedDecisions.AsNoTracking()
                .Where(entry => entry.Sequence > tree.Size)
                .OrderBy(entry => entry.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return;
            }

            var added = new List<(TreeNode Node, byte[] Hash)>();
            foreach (var entry in entries)
            {
                if (entry.Sequence != tree.Size + 1)
                {
                    throw new InvalidOperationException($"The register has no entry {tree.Size + 1}: the tree cannot skip one.");
                }

                added.AddRange(tree.Append(entry.LeafHash()));
            }

            await WriteAsync(db, added, cancellationToken);
        }
    }

    /// <summary>Catches the tree up in a transaction of its own: at start, outside any command.</summary>
    public static Task CatchUpAloneAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CatchUpAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>Whether the tree holds every published entry: what a checkpoint signed now would cover.</summary>
    public static async Task<bool> HoldsEveryEntryAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await SizeAsync(db, cancellationToken) == (await db.PublishedDecisions.MaxAsync(entry => (long?)entry.Sequence, cancellationToken) ?? 0);

    // COPY, on the command's own connection and transaction: a bulk load adds twice as many nodes as entries.
    private static Task WriteAsync(AppDbContext db, List<(TreeNode Node, byte[] Hash)> nodes, CancellationToken cancellationToken) =>
        WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), nodes, cancellationToken);

    /// <summary>Stores complete subtrees with binary COPY; also how the benchmark's seeder stores the tree it seeds.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IEnumerable<(TreeNode Node, byte[] Hash)> nodes, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY register_tree_nodes (level, index, hash) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (node, hash) in nodes)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(node.Level, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(node.Index, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(hash, NpgsqlDbType.Bytea, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The root of the tree's first <paramref name="size"/> entries.</summary>
    public static async Task<byte[]> RootAsync(AppDbContext db, long size, CancellationToken cancellationToken) =>
        (await RangeHashesAsync(db, [new LeafRange(0, size)], cancellationToken))[0];

    /// <summary>The leaf hash of entry <paramref name="index"/> (from 0), as the tree holds it.</summary>
    public static async Task<byte[]> LeafAsync(AppDbContext db, long index, CancellationToken cancellationToken) =>
        (await HashesAsync(db, [new TreeNode(0, index)], cancellationToken))[new TreeNode(0, index)];

    /// <summary>The audit path of entry <paramref name="index"/> (from 0) in the tree of the first <paramref name="size"/> entries.</summary>
    public static Task<IReadOnlyList<byte[]>> InclusionAsync(AppDbContext db, long index, long size, CancellationToken cancellationToken) =>
        RangeHashesAsync(db, MerkleTree.InclusionPath(index, size), cancellationToken);

    /// <summary>The proof that the tree of <paramref name="first"/> entries is a prefix of the tree of <paramref name="second"/>.</summary>
    public static Task<IReadOnlyList<byte[]>> ConsistencyAsync(AppDbContext db, long first, long second, CancellationToken cancellationToken) =>
        RangeHashesAsync(db, MerkleTree.ConsistencyPath(first, second), cancellationToken);

    /// <summary>Each range's hash, from its complete subtrees, all read in one query.</summary>
    private static async Task<IReadOnlyList<byte[]>> RangeHashesAsync(AppDbContext db, IReadOnlyList<LeafRange> ranges, CancellationToken cancellationToken)
    {
        var hashes = await HashesAsync(db, ranges.SelectMany(MerkleTree.CompleteSubtrees).Distinct().ToList(), cancellationToken);
        return [.. ranges.Select(range => MerkleTree.RangeHash(range, node => hashes[node]))];
    }

    private static async Task<Dictionary<TreeNode, byte[]>> HashesAsync(AppDbContext db, IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return [];
        }

        var levels = nodes.Select(node => node.Level).ToArray();
        var indexes = nodes.Select(node => node.Index).ToArray();
        var found = await db.RegisterTreeNodes.FromSql($"SELECT * FROM register_tree_nodes WHERE (level, index) IN (SELECT * FROM unnest({levels}, {indexes}))")
            .AsNoTracking()
            .ToDictionaryAsync(node => new TreeNode(node.Level, node.Index), node => node.Hash, cancellationToken);
        if (found.Count != nodes.Count)
        {
            throw new InvalidOperationException("The register's tree is missing a node: it holds fewer entries than asked for.");
        }

        return found;
    }
}

/// <summary>
/// At start, adds to the tree every entry it does not hold yet (entries published before the tree existed, or a
/// register loaded in bulk), retrying while the database is away or not yet migrated. The instance is ready only while
/// the tree holds every entry, so it never signs a checkpoint of a tree that lags its register.
/// </summary>
public sealed class RegisterTreeCatchUp(IServiceScopeFactory scopes, ILogger<RegisterTreeCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!(await db.Database.GetPendingMigrationsAsync(stoppingToken)).Any())
                {
                    await RegisterTree.CatchUpAloneAsync(db, stoppingToken);
                    return;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "The register's tree could not catch up with its entries yet; trying again");
            }

            await Task.Delay(Retry, stoppingToken);
        }
    }
}

/// <summary>Ready needs the register's tree to hold every entry; two index probes.</summary>
public sealed class RegisterTreeReadyHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RegisterTree.HoldsEveryEntryAsync(db, cancellationToken)
                ? HealthCheckResult.Healthy("The register's tree holds every entry.")
                : HealthCheckResult.Unhealthy("The register's tree is still catching up with its entries.");
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The register's tree cannot be read.", exception);
        }
    }
}
