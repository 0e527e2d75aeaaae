using System.Linq.Expressions;
using System.Reflection;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// How the public register is read: its head, a page of its list, a page of whole entries, and everything matching its
/// filters, shared by the register page, the JSON API, the CSV and the Atom feed so that they always agree.
/// <para>
/// What every visitor's request reads is a compiled query, so EF Core does not translate, hash and look up the LINQ on
/// each request: measured with 16 readers at 1,000 decisions, that took the deep page from 0.50 to 0.32 ms of the
/// app's CPU a request. A filter that is not set is passed as null, and EF Core writes the SQL for each combination of
/// nulls without those conditions, so every combination is its own plain statement, planned as a hand-written one
/// would be. A search names the unmapped <c>search_vector</c> column in SQL (see PublishedDecisionConfiguration), which a
/// compiled query cannot compose, so a search is composed per request; so is a whole export, read in batches.
/// </para>
/// <para>
/// The filters and the list's row are each written once, as an expression (<see cref="Filters"/>, <see cref="ListRow"/>):
/// a query calls their stand-in methods and <see cref="Inline"/> puts the expressions in their place, compiled or not.
/// </para>
/// </summary>
public static class RegisterQueries
{
    /// <summary>The register's filters as the database compares them: a blank filter is null, days are moments in Kent.</summary>
    private sealed record Filter(string? Body, string? Outcome, DateTimeOffset? Start, DateTimeOffset? End, long? Before)
    {
        public static Filter Of(IndexModel.Query query) => new(
            Blank(query.Body),
            Blank(query.Outcome),
            query.From is { } from ? UkCalendar.StartOfDay(from) : null,
            query.To is { } to ? UkCalendar.EndOfDay(to) : null,
            query.Before);

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The newest entry: what the register holds, named by its hash, and when it last grew.</summary>
    public sealed record ChainHead(long Sequence, string Hash, DateTimeOffset PublishedAt);

    // Declared before the compiled queries that inline them: static fields are set in the order they are written.
    /// <summary>The register's filters: a null filter matches every entry, and EF Core leaves it out of the SQL.</summary>
    private static readonly Expression<Func<PublishedDecision, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, bool>> Filters =
        (decision, body, outcome, start, end, before) =>
            (body == null || decision.BodySlug == body)
            && (outcome == null || decision.Outcome == outcome)
            && (start == null || decision.PublishedAt >= start)
            && (end == null || decision.PublishedAt < end)
            && (before == null || decision.Sequence < before);

    /// <summary>A row of the register's list, with the first later entry that corrects it.</summary>
    private static readonly Expression<Func<PublishedDecision, IQueryable<PublishedDecision>, IndexModel.Row>> ListRow =
        (decision, all) => new IndexModel.Row(
            decision.Sequence, decision.BodyName, decision.ItemTitle, decision.Outcome, decision.MeetingDate, decision.PublishedAt, decision.CorrectsSequence,
            all.Where(correction => correction.CorrectsSequence == decision.Sequence).Min(correction => (long?)correction.Sequence));

    /// <summary>The newest entry's sequence, hash and publication time.</summary>
    private static readonly Expression<Func<IQueryable<PublishedDecision>, ChainHead>> NewestEntry =
        all => all.OrderByDescending(decision => decision.Sequence).Select(decision => new ChainHead(decision.Sequence, decision.Hash, decision.PublishedAt)).FirstOrDefault()!;

    private static readonly Func<AppDbContext, Task<ChainHead?>> Head = EF.CompileAsyncQuery(Replaced<Func<AppDbContext, ChainHead?>>(db => HeadOf(db.PublishedDecisions)));

    /// <summary>
    /// The head of the chain as one request sees it, read once through the request's read connection by whichever needs
    /// it first (the output cache's key, the HTTP validators, the handler), so that all three agree and it is read once
    /// rather than three times. The first to ask comes before the answer is read (<see cref="RegisterCache"/>), unless
    /// nothing asks before a page of the register's rows or entries is read: then the statement that reads them reads
    /// the head too (<see cref="RowsAndHeadAsync"/>, <see cref="EntriesAndHeadAsync"/>) and tells it to this request's
    /// RequestHead.
    /// </summary>
    public sealed class RequestHead([FromKeyedServices(ReadDb.Key)] AppDbContext db)
    {
        private Task<ChainHead?>? _head;

        public Task<ChainHead?> GetAsync() => _head ??= Head(db);

        /// <summary>Whether the head has been asked for yet in this request.</summary>
        public bool IsRead => _head is not null;

        /// <summary>The head as a statement that also read an answer saw it, for whatever asks for it later in the request.</summary>
        public void Saw(ChainHead head) => _head ??= Task.FromResult<ChainHead?>(head);
    }

    /// <summary>A row of the register's list, or a whole entry, with the head of the chain as the same statement saw it.</summary>
    private sealed record WithHead<T>(T Item, ChainHead Head);

    /// <summary>
    /// The LIMITs the compiled queries' statements are written with: a page asks for the smallest that holds it and reads
    /// only what it asked for. A LIMIT that is a parameter makes PostgreSQL plan a prepared statement again on every
    /// execution (its generic plan, costed for a LIMIT it cannot see, never looks as cheap as a custom one), which at
    /// 100,000 decisions was about half of PostgreSQL's time on a deep page (README, "Where the uncached time goes"). A
    /// constant lets it keep one plan; a search, composed per request, keeps its parameter and its custom plans, which
    /// are planned for the words searched for.
    /// </summary>
    private static readonly int[] StatementSizes = [IndexModel.PageSize + 1, 51, OpenData.DefaultLimit + 1, 201, OpenData.MaximumLimit + 1];

    private static readonly Sized<IndexModel.Row> UnsearchedRows = new((db, body, outcome, start, end, before, take) =>
        db.PublishedDecisions
            .Where(decision => Matches(decision, body, outcome, start, end, before))
            .OrderByDescending(decision => decision.Sequence)
            .Take(take)
            .Select(decision => Row(decision, db.PublishedDecisions)));

    private static readonly Sized<PublishedDecision> UnsearchedEntries = new((db, body, outcome, start, end, before, take) =>
        db.PublishedDecisions.AsNoTracking()
            .Where(decision => Matches(decision, body, outcome, start, end, before))
            .OrderByDescending(decision => decision.Sequence)
            .Take(take));

    private static readonly Sized<WithHead<IndexModel.Row>> UnsearchedRowsAndHead = new((db, body, outcome, start, end, before, take) =>
        db.PublishedDecisions
            .Where(decision => Matches(decision, body, outcome, start, end, before))
            .OrderByDescending(decision => decision.Sequence)
            .Take(take)
            .Select(decision => new WithHead<IndexModel.Row>(Row(decision, db.PublishedDecisions), HeadOf(db.PublishedDecisions))));

    private static readonly Sized<WithHead<PublishedDecision>> UnsearchedEntriesAndHead = new((db, body, outcome, start, end, before, take) =>
        db.PublishedDecisions.AsNoTracking()
            .Where(decision => Matches(decision, body, outcome, start, end, before))
            .OrderByDescending(decision => decision.Sequence)
            .Take(take)
            .Select(decision => new WithHead<PublishedDecision>(decision, HeadOf(db.PublishedDecisions))));

    /// <summary>An unsearched query compiled once for each of <see cref="StatementSizes"/>, its <c>take</c> written in as that size.</summary>
    private sealed class Sized<T>(Expression<Func<AppDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, int, IQueryable<T>>> query)
    {
        private readonly Func<AppDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, IAsyncEnumerable<T>>[] _bySize =
            [.. StatementSizes.Select(size => EF.CompileAsyncQuery(WithTake(Replaced(query), size)))];

        /// <summary>The first <paramref name="take"/> entries that match, read with the smallest statement that holds them.</summary>
        public IAsyncEnumerable<T> Read(AppDbContext db, Filter filter, int take)
        {
            var smallest = Array.FindIndex(StatementSizes, size => size >= take);
            ArgumentOutOfRangeException.ThrowIfNegative(smallest, nameof(take));
            return _bySize[smallest](db, filter.Body, filter.Outcome, filter.Start, filter.End, filter.Before).Take(take);
        }

        private static Expression<Func<AppDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, IQueryable<T>>> WithTake(
            Expression<Func<AppDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, int, IQueryable<T>>> query, int size) =>
            Expression.Lambda<Func<AppDbContext, string?, string?, DateTimeOffset?, DateTimeOffset?, long?, IQueryable<T>>>(
                new ParameterReplacer(new() { [query.Parameters[^1]] = Expression.Constant(size) }).Visit(query.Body),
                query.Parameters.SkipLast(1));
    }

    /// <summary>The newest <paramref name="take"/> rows of the register's list that match the query.</summary>
    private static IAsyncEnumerable<IndexModel.Row> Rows(AppDbContext db, IndexModel.Query query, int take)
    {
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return UnsearchedRows.Read(db, Filter.Of(query), take);
        }

        var all = db.PublishedDecisions;
        return Matching(db, query)
            .OrderByDescending(decision => decision.Sequence)
            .Take(take)
            .Select(Inline((PublishedDecision decision) => Row(decision, all)))
            .AsAsyncEnumerable();
    }

    /// <summary>The newest <paramref name="take"/> rows of the list that match the query, and the head of the chain (<see cref="WithHeadAsync"/>).</summary>
    public static Task<(List<IndexModel.Row> Rows, ChainHead? Head)> RowsAndHeadAsync(
        AppDbContext db, RequestHead requestHead, IndexModel.Query query, int take, CancellationToken cancellationToken)
    {
        var filter = Filter.Of(query);
        var all = db.PublishedDecisions;
        return WithHeadAsync(
            requestHead,
            () => Rows(db, query, take),
            () => string.IsNullOrWhiteSpace(query.Search)
                ? UnsearchedRowsAndHead.Read(db, filter, take)
                : Matching(db, query)
                    .OrderByDescending(decision => decision.Sequence)
                    .Take(take)
                    .Select(Inline((PublishedDecision decision) => new WithHead<IndexModel.Row>(Row(decision, all), HeadOf(all))))
                    .AsAsyncEnumerable(),
            cancellationToken);
    }

    /// <summary>The newest <paramref name="take"/> whole entries that match the query, and the head of the chain (<see cref="WithHeadAsync"/>).</summary>
    public static Task<(List<PublishedDecision> Entries, ChainHead? Head)> EntriesAndHeadAsync(
        AppDbContext db, RequestHead requestHead, IndexModel.Query query, int take, CancellationToken cancellationToken)
    {
        var filter = Filter.Of(query);
        var all = db.PublishedDecisions;
        return WithHeadAsync(
            requestHead,
            () => Entries(db, query, take),
            () => string.IsNullOrWhiteSpace(query.Search)
                ? UnsearchedEntriesAndHead.Read(db, filter, take)
                : Matching(db, query)
                    .OrderByDescending(decision => decision.Sequence)
                    .Take(take)
                    .Select(Inline((PublishedDecision decision) => new WithHead<PublishedDecision>(decision, HeadOf(all))))
                    .AsAsyncEnumerable(),
            cancellationToken);
    }

    /// <summary>
    /// An answer and the head of the chain it was read at. When nothing in the request has read the head yet (the output
    /// cache, which reads it first for its key, is off or passed the request by; the HTTP validators wait for a request
    /// that names no copy), both come from one statement: one round trip rather than two, and the head is the one the
    /// answer was read with, which this request's RequestHead is then told. A statement that finds nothing carries no
    /// head: then the head is read, and the answer again after it, so that an answer is never older than its head.
    /// </summary>
    private static async Task<(List<T> Items, ChainHead? Head)> WithHeadAsync<T>(
        RequestHead requestHead, Func<IAsyncEnumerable<T>> alone, Func<IAsyncEnumerable<WithHead<T>>> withHead, CancellationToken cancellationToken)
    {
        if (!requestHead.IsRead && await withHead().ToListAsync(cancellationToken) is { Count: > 0 } items)
        {
            requestHead.Saw(items[0].Head);
            return (items.ConvertAll(item => item.Item), items[0].Head);
        }

        var head = await requestHead.GetAsync();
        return (await alone().ToListAsync(cancellationToken), head);
    }

    /// <summary>The newest <paramref name="take"/> whole entries that match the query.</summary>
    private static IAsyncEnumerable<PublishedDecision> Entries(AppDbContext db, IndexModel.Query query, int take)
    {
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return UnsearchedEntries.Read(db, Filter.Of(query), take);
        }

        return Matching(db, query).OrderByDescending(decision => decision.Sequence).Take(take).AsAsyncEnumerable();
    }

    /// <summary>Every entry that matches the query, to be ordered, paged or read in batches by the caller.</summary>
    public static IQueryable<PublishedDecision> Matching(AppDbContext db, IndexModel.Query query)
    {
        // PostgreSQL folds this subquery into the query composed on it, so the search_vector GIN index is used.
        var decisions = string.IsNullOrWhiteSpace(query.Search)
            ? db.PublishedDecisions.AsNoTracking()
            : db.PublishedDecisions.FromSql($"SELECT * FROM published_decisions WHERE search_vector @@ websearch_to_tsquery('english', {query.Search})").AsNoTracking();
        var filter = Filter.Of(query);
        return decisions.Where(Inline((PublishedDecision decision) => Matches(decision, filter.Body, filter.Outcome, filter.Start, filter.End, filter.Before)));
    }

    /// <summary>Stands for <see cref="Filters"/> in a query, until <see cref="Inline"/> replaces it.</summary>
    private static bool Matches(PublishedDecision decision, string? body, string? outcome, DateTimeOffset? start, DateTimeOffset? end, long? before) =>
        throw new InvalidOperationException("Only for use inside a query passed to RegisterQueries.Inline.");

    /// <summary>Stands for <see cref="ListRow"/> in a query, until <see cref="Inline"/> replaces it.</summary>
    private static IndexModel.Row Row(PublishedDecision decision, IQueryable<PublishedDecision> all) =>
        throw new InvalidOperationException("Only for use inside a query passed to RegisterQueries.Inline.");

    /// <summary>Stands for <see cref="NewestEntry"/> in a query, until <see cref="Inline"/> replaces it.</summary>
    private static ChainHead HeadOf(IQueryable<PublishedDecision> all) =>
        throw new InvalidOperationException("Only for use inside a query passed to RegisterQueries.Inline.");

    private static Expression<Func<PublishedDecision, TResult>> Inline<TResult>(Expression<Func<PublishedDecision, TResult>> expression) => Replaced(expression);

    private static Expression<T> Replaced<T>(Expression<T> expression) => (Expression<T>)new StandInReplacer().Visit(expression);

    /// <summary>Replaces each call of a stand-in method with its expression, the call's arguments in place of its parameters.</summary>
    private sealed class StandInReplacer : ExpressionVisitor
    {
        private static readonly Dictionary<MethodInfo, LambdaExpression> StandIns = new()
        {
            [typeof(RegisterQueries).GetMethod(nameof(Matches), BindingFlags.NonPublic | BindingFlags.Static)!] = Filters,
            [typeof(RegisterQueries).GetMethod(nameof(Row), BindingFlags.NonPublic | BindingFlags.Static)!] = ListRow,
            [typeof(RegisterQueries).GetMethod(nameof(HeadOf), BindingFlags.NonPublic | BindingFlags.Static)!] = NewestEntry,
        };

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!StandIns.TryGetValue(node.Method, out var expression))
            {
                return base.VisitMethodCall(node);
            }

            var arguments = node.Arguments.Select(Visit).ToList();
            return new ParameterReplacer(expression.Parameters.Zip(arguments!).ToDictionary(pair => pair.First, pair => pair.Second!)).Visit(expression.Body);
        }
    }

    private sealed class ParameterReplacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }
}
