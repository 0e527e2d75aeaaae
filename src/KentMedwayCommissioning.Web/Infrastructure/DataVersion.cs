using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// HTTP validators for open data read from the live tables (the registers, bodies, proposals, people and the calendar),
/// which, unlike the decisions, have no hash chain to name their state. Every change is made by a command, and every
/// command writes its audit entry in its own transaction, so the audit log says when anything may have changed. (A
/// vote's audit entry is its vote_events row instead, ISelfAuditedCommand; none of these answers shows live votes.) The
/// ETag names the newest entry, how many entries are under an hour old (an entry numbered before the newest but
/// committed after it still changes that count: no command's transaction stays open so long) and the day in Kent
/// (what the registers publish also changes at midnight: an interest leaves six months after it ends). A change
/// anywhere changes every tag, which costs a reader a download, never a stale answer.
/// </summary>
public static class DataVersion
{
    private static readonly TimeSpan LongestCommand = TimeSpan.FromHours(1);

    private sealed record Newest(long Id, DateTimeOffset At);

    private static readonly Func<AppDbContext, Task<Newest?>> NewestEntry =
        EF.CompileAsyncQuery((AppDbContext db) => db.AuditEntries.OrderByDescending(entry => entry.Id).Select(entry => new Newest(entry.Id, entry.At)).FirstOrDefault());

    private static readonly Func<AppDbContext, DateTimeOffset, Task<int>> EntriesSince =
        EF.CompileAsyncQuery((AppDbContext db, DateTimeOffset since) => db.AuditEntries.Count(entry => entry.At >= since));

    /// <summary>ETag and Last-Modified (the newest change, or the day's start if later), and 304 to a client that holds the answer.</summary>
    public static RouteHandlerBuilder WithDataVersionValidators(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // The connection the answer is read through, so the tag never names a change the answer does not hold.
            var db = http.RequestServices.GetRequiredKeyedService<AppDbContext>(ReadDb.Key);
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var today = UkCalendar.DayOf(now);
            var newest = await NewestEntry(db);
            var recent = await EntriesSince(db, now - LongestCommand);
            var tag = new EntityTagHeaderValue($"\"{today:yyyyMMdd}-{newest?.Id ?? 0}-{recent}\"", isWeak: true);
            var startOfDay = UkCalendar.StartOfDay(today);
            var lastModified = newest is { } entry && entry.At > startOfDay ? entry.At : startOfDay;
            return ConditionalGet.NotModified(http, tag, lastModified) ? Results.StatusCode(StatusCodes.Status304NotModified) : await next(context);
        });
}

/// <summary>The one place that answers a conditional GET or HEAD (RFC 9110 §13): it sets the validators, and says whether the client's copy is current.</summary>
public static class ConditionalGet
{
    /// <summary>Whether the request names copies it holds (If-None-Match), so that its validators must be known before its answer.</summary>
    public static bool IsConditional(HttpRequest request) => request.Headers.IfNoneMatch.Count > 0;

    public static bool NotModified(HttpContext http, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        SetValidators(http, tag, lastModified);
        return http.Request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
    }

    public static void SetValidators(HttpContext http, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = tag;
        headers.LastModified = lastModified;
    }
}
