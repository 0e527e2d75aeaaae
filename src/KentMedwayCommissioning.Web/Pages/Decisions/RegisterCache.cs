using System.Globalization;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The public register's pages and open data are cached whole for anonymous readers. A published decision never
/// changes, but every page that lists decisions (and a decision's own page, which links its corrections) changes when
/// an entry is appended. So each cached answer is keyed by the hash at the head of the chain, read for every request
/// with one index probe: an append made by any instance of the app makes the older answers unreachable on every
/// instance at once, with no signal between instances to be missed. The hash names the whole chain's content, so a
/// key can never stand for two different registers. The chain check is not cached: it must see tampering at once.
/// The head is read through the same read connection (<see cref="ReadDb"/>) as the answer it keys, before the answer:
/// on a replica that lags, a reader gets the older head and the older answer together, and an answer is never older
/// than its key, so a head the replica does not yet hold is never served.
/// </summary>
public static class RegisterCache
{
    public const string Policy = "Register";

    /// <summary>Every cached register answer, for a test that empties the database under a running app.</summary>
    public const string Tag = "register";

    /// <summary>
    /// HTTP validators for an answer drawn from the register: the head hash names the whole chain, so it is a sound
    /// ETag, and the head's publication time is the Last-Modified. A client that already holds the answer gets a 304
    /// before anything else is read. (The chain check gets none: tampering leaves the head hash where it was.)
    /// </summary>
    /// <param name="handlerReadsHead">
    /// The handler reads the head itself, with its answer or before it (<see cref="RegisterQueries.RequestHead"/>). Then a
    /// request that names no copy (no If-None-Match) has its validators set after the handler, from the head its own
    /// statement read: one round trip rather than two. Otherwise the head is always read first, so that an answer is
    /// never older than its ETag.
    /// </param>
    public static RouteHandlerBuilder WithChainValidators(this RouteHandlerBuilder endpoint, bool handlerReadsHead = false) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var requestHead = http.RequestServices.GetRequiredService<RegisterQueries.RequestHead>();
            if (handlerReadsHead && !ConditionalGet.IsConditional(http.Request))
            {
                var answer = await next(context);
                var seen = await requestHead.GetAsync();
                ConditionalGet.SetValidators(http, EntityTag(seen), seen?.PublishedAt);
                return answer;
            }

            var head = await requestHead.GetAsync();
            return ConditionalGet.NotModified(http, EntityTag(head), head?.PublishedAt)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : await next(context);
        });

    private static EntityTagHeaderValue EntityTag(RegisterQueries.ChainHead? head) => new($"\"{head?.Hash ?? PublishedDecision.GenesisHash}\"");

    public static void AddRegisterCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // A bound on memory: at most this much cached register at once; the least used goes first. Cached pages cost
            // about twice their size in the process (measured: 32 MB of pages grew it by 62 MB), and the app is meant to
            // stay under 300 MB (at 16 MB the bench's cached runs peaked at 300 to 321 MB, its uncached runs at 263 to 266).
            // 8 MB still holds the register's first pages, every feed and the recent decisions (RecentEntries).
            options.SizeLimit = 8 * 1024 * 1024;
            // The default policy's rules still apply: GET and HEAD only, anonymous only, no answer that sets a cookie.
            options.AddPolicy(Policy, policy => policy.With(IsWorthCachingAsync).VaryByValue(ChainHeadAsync).Expire(TimeSpan.FromMinutes(10)).Tag(Tag));
        });
        services.AddSingleton<PublishedBodies>();
        services.AddSingleton<NewestHeadSeen>();
        services.AddScoped<RegisterQueries.RequestHead>();
    }

    /// <summary>
    /// A decision's page (or its JSON) is cached only while it is among the register's newest entries. Readers come to a
    /// decision mostly in the months after it is published; an older one is read about once, by someone following a
    /// link from old minutes or a crawler, and caching it cost more than it saved: a miss that is stored costs a copy
    /// into the cache and the eviction of something read more often. Measured at 100,000 decisions with the bench's
    /// decision pages spread over the whole register, nearly all misses: 0.54 to 0.61 ms of app CPU a page cached,
    /// 0.35 uncached, and 0.20 for a hit.
    /// </summary>
    public const int RecentEntries = 250;

    /// <summary>
    /// Whether an answer is looked up in the cache and stored there. A list's later pages (keyset paging,
    /// <c>before=</c>) never are: each is read about once, by someone paging back or a crawler, so caching one costs its
    /// key's head read, a copy of the page into the cache and the eviction of something read more often, and saves
    /// nothing (measured at 100,000 decisions with the bench's deep pages spread over the register: 949 requests a
    /// second cached against 1,896 uncached). Nor is an older entry's page (<see cref="RecentEntries"/>). Telling which
    /// entries are recent needs the head; an entry older than the newest head this instance has seen is older than the
    /// true head too (the chain only grows), so its page is passed by without reading the head at all: reading it there
    /// made an old decision's page, with the cache on, half as fast as without it (1,692 against 3,348 requests a second
    /// at 1,000,000 decisions). Otherwise the head is read, as the cache's key reads it next anyway, once per request.
    /// </summary>
    private static async ValueTask<bool> IsWorthCachingAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        if (request.Query.ContainsKey("before"))
        {
            return false;
        }

        if (!long.TryParse(request.RouteValues["sequence"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return true;
        }

        var newestSeen = context.HttpContext.RequestServices.GetRequiredService<NewestHeadSeen>();
        if (!IsRecent(sequence, newestSeen.Sequence))
        {
            return false;
        }

        var head = await context.HttpContext.RequestServices.GetRequiredService<RegisterQueries.RequestHead>().GetAsync();
        newestSeen.Saw(head);
        return head is not null && IsRecent(sequence, head.Sequence);
    }

    private static bool IsRecent(long sequence, long head) => sequence > head - RecentEntries;

    private static async ValueTask<KeyValuePair<string, string>> ChainHeadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var head = await context.RequestServices.GetRequiredService<RegisterQueries.RequestHead>().GetAsync();
        context.RequestServices.GetRequiredService<NewestHeadSeen>().Saw(head);
        return new("chain-head", head?.Hash ?? "empty");
    }

    /// <summary>
    /// The highest sequence at the head of the chain that this instance's cache has read: never above the true head, so
    /// an entry older than it is older than the head. (Emptying the database under a running app, as a test does, can
    /// leave it above; then recent pages go uncached until the register grows past it, which costs speed, never
    /// correctness.)
    /// </summary>
    public sealed class NewestHeadSeen
    {
        private long _sequence;

        public long Sequence => Volatile.Read(ref _sequence);

        public void Saw(RegisterQueries.ChainHead? head)
        {
            var seen = head?.Sequence ?? 0;
            long known;
            while (seen > (known = Volatile.Read(ref _sequence)) && Interlocked.CompareExchange(ref _sequence, seen, known) != known)
            {
            }
        }
    }

    /// <summary>
    /// The bodies that have published, for the register's body filter. They change only when the chain grows, so they
    /// are kept in memory for the head they were read at.
    /// </summary>
    public sealed class PublishedBodies
    {
        private sealed record Snapshot(long Head, IReadOnlyList<(string Name, string Slug)> Bodies);

        private Snapshot? _snapshot;

        public async ValueTask<IReadOnlyList<(string Name, string Slug)>> GetAsync(
            long head, Func<CancellationToken, Task<IReadOnlyList<(string Name, string Slug)>>> load, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Head == head)
            {
                return snapshot.Bodies;
            }

            var bodies = await load(cancellationToken);
            Volatile.Write(ref _snapshot, new Snapshot(head, bodies));
            return bodies;
        }
    }
}
