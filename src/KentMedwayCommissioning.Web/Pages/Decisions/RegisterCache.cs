using System.Data.Common;
using System.Runtime.CompilerServices;
using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The public register's pages and open data are cached whole for anonymous readers. A published decision never
/// changes, but every page that lists decisions (and a decision's own page, which links its corrections) changes when
/// an entry is appended, so each cached answer carries the <see cref="Tag"/> and <see cref="Invalidator"/> evicts the
/// tag once an append has committed, whoever appended it.
/// </summary>
public static class RegisterCache
{
    public const string Policy = "Register";
    public const string Tag = "register";

    public static void AddRegisterCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // A bound on memory: at most this much cached register at once; the least used goes first.
            options.SizeLimit = 32 * 1024 * 1024;
            // The default policy's rules still apply: GET and HEAD only, anonymous only, no answer that sets a cookie.
            options.AddPolicy(Policy, policy => policy.Tag(Tag).Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddSingleton<PublishedBodies>();
        services.AddSingleton<Invalidator>();
    }

    /// <summary>
    /// The bodies that have published, for the register's body filter. They change only when the chain grows, so they
    /// are kept in memory and forgotten together with the cached pages.
    /// </summary>
    public sealed class PublishedBodies
    {
        private sealed record Snapshot(long Version, IReadOnlyList<(string Name, string Slug)> Bodies);

        private long _version;
        private Snapshot? _snapshot;

        public async ValueTask<IReadOnlyList<(string Name, string Slug)>> GetAsync(Func<CancellationToken, Task<IReadOnlyList<(string Name, string Slug)>>> load, CancellationToken cancellationToken)
        {
            var version = Interlocked.Read(ref _version);
            if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version == version)
            {
                return snapshot.Bodies;
            }

            var bodies = await load(cancellationToken);
            // Kept only if nothing was appended while loading; otherwise the next reader loads again.
            if (Interlocked.Read(ref _version) == version)
            {
                Volatile.Write(ref _snapshot, new Snapshot(version, bodies));
            }

            return bodies;
        }

        public void Forget() => Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Evicts the register's cached answers once an append to the chain is committed: when the transaction it was saved
    /// in commits, or straight after the save when there is no transaction. Evicting earlier would let a reader cache
    /// the old page again before the commit.
    /// </summary>
    public sealed class Invalidator(IOutputCacheStore cache, PublishedBodies bodies) : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private static readonly object Appended = new();
        private readonly ConditionalWeakTable<DbTransaction, object> _transactions = [];
        private readonly ConditionalWeakTable<DbContext, object> _contexts = [];

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Remember(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Remember(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (eventData.Context is { } context && _contexts.Remove(context))
            {
                Forget();
            }

            return result;
        }

        public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && _contexts.Remove(context))
            {
                await ForgetAsync(cancellationToken);
            }

            return result;
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData)
        {
            if (eventData.Context is { } context)
            {
                _contexts.Remove(context);
            }
        }

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            SaveChangesFailed(eventData);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (_transactions.Remove(transaction))
            {
                Forget();
            }
        }

        public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (_transactions.Remove(transaction))
            {
                await ForgetAsync(cancellationToken);
            }
        }

        private async ValueTask ForgetAsync(CancellationToken cancellationToken)
        {
            bodies.Forget();
            await cache.EvictByTagAsync(Tag, cancellationToken);
        }

        // The in-memory store evicts without I/O, so the synchronous paths may wait for it.
        private void Forget() => ForgetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

        private void Remember(DbContext? context)
        {
            if (context is null || !context.ChangeTracker.Entries<PublishedDecision>().Any(entry => entry.State == EntityState.Added))
            {
                return;
            }

            if (context.Database.CurrentTransaction is { } transaction)
            {
                _transactions.AddOrUpdate(transaction.GetDbTransaction(), Appended);
            }
            else
            {
                _contexts.AddOrUpdate(context, Appended);
            }
        }
    }
}
