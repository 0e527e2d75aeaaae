using System.ComponentModel;
using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The register as open data: JSON (<c>/api/v1/decisions</c>, keyset <c>next</c> link), CSV (<c>/decisions.csv</c>)
/// and Atom (<c>/decisions/feed.atom</c>), all with the register page's own filters.
/// </summary>
public static class OpenData
{
    /// <summary>Times in UTC to the second with a <c>Z</c>, as in the canonical form.</summary>
    internal const string UtcSeconds = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public const int DefaultLimit = 100;
    public const int MaximumLimit = 500;

    /// <summary>Matching decisions, newest first, up to <paramref name="Take"/> (all when null).</summary>
    public sealed record Export(IndexModel.Query Filters, int? Take) : IQuery<ExportResult>;

    /// <param name="HeadPublishedAt">When the newest entry of the whole register was published; null while it is empty.</param>
    /// <param name="Decisions">Read from the database as they are enumerated, so the CSV streams them.</param>
    public sealed record ExportResult(IAsyncEnumerable<PublishedDecision> Decisions, long Entries, string HeadHash, DateTimeOffset? HeadPublishedAt);

    public sealed class ExportValidator : AbstractValidator<Export>
    {
        private static readonly IndexModel.QueryValidator FiltersValidator = new();

        public ExportValidator([FromKeyedServices(ReadDb.Key)] AppDbContext db)
        {
            RuleFor(export => export.Filters).SetValidator(FiltersValidator);
            RuleFor(export => export.Filters.Body).MustBeAKnownBody(db).OverridePropertyName("Body");
            // The API asks for one more than its limit, to know whether there is a next page.
            RuleFor(export => export.Take).InclusiveBetween(2, MaximumLimit + 1).When(export => export.Take is not null)
                .OverridePropertyName("Limit").WithMessage($"Limit must be a whole number from 1 to {MaximumLimit}");
        }
    }

    internal sealed class ExportHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db, RegisterQueries.RequestHead requestHead) : IQueryHandler<Export, ExportResult>
    {
        public async ValueTask<ExportResult> Handle(Export export, CancellationToken cancellationToken)
        {
            // A page is one statement, with the head where it can be; a whole export is read a batch at a time after the
            // head, so the CSV streams in constant memory.
            IAsyncEnumerable<PublishedDecision> rows;
            RegisterQueries.ChainHead? head;
            if (export.Take is { } take)
            {
                (var page, head) = await RegisterQueries.EntriesAndHeadAsync(db, requestHead, export.Filters, take, cancellationToken);
                rows = page.ToAsyncEnumerable();
            }
            else
            {
                head = await requestHead.GetAsync();
                rows = RegisterBatches.ReadAsync(RegisterQueries.Matching(db, export.Filters), newestFirst: true, cancellationToken);
            }

            return new ExportResult(rows, head?.Sequence ?? 0, head?.Hash ?? PublishedDecision.GenesisHash, head?.PublishedAt);
        }
    }

    public static void MapDecisionsOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenData("/api/v1/decisions", async (
            string? q,
            string? body,
            string? outcome,
            [Description("Only decisions numbered below this: the next page's key, as the next link gives it.")] long? before,
            DateOnly? from,
            DateOnly? to,
            [Description("How many decisions a page holds, from 1 to 500; 100 when not given.")] int? limit,
            PublicAddress address,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var filters = new IndexModel.Query(q, body, outcome, before, from, to);
            var pageSize = limit ?? DefaultLimit;
            // One more than asked for says whether there is a next page.
            var result = await sender.Send(new Export(filters, pageSize + 1), cancellationToken);
            var decisions = await result.Decisions.ToListAsync(cancellationToken);
            var next = decisions.Count > pageSize
                ? address.Absolute($"/api/v1/decisions?{Filters(filters with { Before = decisions[pageSize - 1].Sequence }, limit)}")
                : null;
            return DecisionJsonWriter.Page(decisions.Count > pageSize ? decisions[..pageSize] : decisions, next, result.Entries, result.HeadHash);
        }, endpoint => endpoint.WithChainValidators(handlerReadsHead: true)).WithName("ListDecisions").Produces<DecisionPage>().CacheOutput(RegisterCache.Policy);

        endpoints.MapOpenData("/api/v1/decisions/verify", async (ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new VerifyModel.Query(), cancellationToken);
            return TypedResults.Ok(new ChainCheckJson(
                result.IsIntact, result.Chain.Entries, result.Chain.HeadHash, result.Chain.FirstFailingSequence, result.Reason, result.TreeSize, Convert.ToBase64String(result.StoredRoot)));
        }).WithName("VerifyDecisions").Produces<ChainCheckJson>();

        endpoints.MapOpenData(VerifyModel.ScriptPath, () => Results.File(
                typeof(VerifyModel).Assembly.GetManifestResourceStream("verify_register.py")!, "text/x-python; charset=utf-8", "verify_register.py"))
            .WithName("GetVerifyScript").ExcludeFromDescription();

        endpoints.MapOpenData("/api/v1/decisions/{sequence:long}", async (long sequence, ISender sender, CancellationToken cancellationToken) =>
            await sender.Send(new DetailsModel.Query(sequence), cancellationToken) is { } found
                ? DecisionJsonWriter.Decision(found.Item1)
                : throw new NotFoundException($"There is no published decision {sequence}."), endpoint => endpoint.WithChainValidators())
            .WithName("GetDecision").Produces<DecisionJson>().CacheOutput(RegisterCache.Policy);

        endpoints.MapOpenData("/decisions.csv", async (string? q, string? body, string? outcome, DateOnly? from, DateOnly? to, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new Export(new IndexModel.Query(q, body, outcome, null, from, to), null), cancellationToken);
            return CsvFile.Result(CsvHeader, result.Decisions.Select(CsvRow));
        }, endpoint => endpoint.WithChainValidators()).WithName("DecisionsCsv").Produces<string>(contentType: CsvFile.ContentType);

        endpoints.MapOpenData("/decisions/feed.atom", async (string? q, string? body, string? outcome, DateOnly? from, DateOnly? to, PublicAddress address, TimeProvider clock, ISender sender, CancellationToken cancellationToken) =>
        {
            var filters = new IndexModel.Query(q, body, outcome, null, from, to);
            var result = await sender.Send(new Export(filters, 50), cancellationToken);
            var decisions = await result.Decisions.ToListAsync(cancellationToken);
            return AtomFeed.Result(Atom(result, decisions, filters, address, result.HeadPublishedAt ?? clock.GetUtcNow()));
        }, endpoint => endpoint.WithChainValidators(handlerReadsHead: true)).WithName("DecisionsFeed").Produces<string>(contentType: AtomFeed.ContentType).CacheOutput(RegisterCache.Policy);
    }

    private static string Filters(IndexModel.Query filters, int? limit = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", filters.Search);
        Add("body", filters.Body);
        Add("outcome", filters.Outcome);
        Add("from", filters.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", filters.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("before", filters.Before?.ToString(CultureInfo.InvariantCulture));
        Add("limit", limit?.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    /// <summary>
    /// One page of <c>/api/v1/decisions</c>: the decisions, the absolute URL of the next page, and the chain's head. This
    /// record and the three below are the API's documented schema; <see cref="DecisionJsonWriter"/> writes the answers
    /// in their shape straight from the entries.
    /// </summary>
    public sealed record DecisionPage(IReadOnlyList<DecisionJson> Items, string? Next, long Entries, string HeadHash);

    /// <summary>
    /// A published decision: every field of the canonical form, the chain hashes, and which fields the canonical form
    /// carries (<paramref name="CanonicalFields"/>, named as in the canonical form), so anyone can re-check that each
    /// field matches it. <paramref name="MeetingDate"/> is the date in words, as the entry publishes it;
    /// <paramref name="MeetingDateIso"/> is ISO 8601 at the precision the papers give (<c>2018</c>, <c>2018-02</c>,
    /// <c>2018-02-22</c> or a UTC time), null on entries published before it was kept. <paramref name="Url"/> and
    /// <paramref name="MeetingDatePrecision"/> are derived from other fields, so are not in the canonical form.
    /// </summary>
    public sealed record DecisionJson(
        long Sequence,
        string Url,
        string Body,
        string BodySlug,
        string Meeting,
        string MeetingDate,
        string? MeetingDateIso,
        string? MeetingDatePrecision,
        string Item,
        string? Question,
        string Outcome,
        string Explanation,
        int? VotesFor,
        int? VotesAgainst,
        int? Abstentions,
        IReadOnlyList<VoteJson> Votes,
        IReadOnlyList<DeclarationJson> Declarations,
        string PublishedAt,
        long? Corrects,
        string Canonical,
        IReadOnlyList<string> CanonicalFields,
        string PreviousHash,
        string Hash);

    public sealed record VoteJson(string Member, string Vote, bool Casting);

    public sealed record DeclarationJson(string Member, string Interest, string Management);

    /// <summary>The whole chain re-checked: intact, or the first entry that fails and why.</summary>
    /// <param name="TreeSize">How many entries the site's Merkle tree holds: the size of its newest checkpoint.</param>
    /// <param name="TreeRoot">That tree's root, base64: intact means it is the root of the entries re-checked.</param>
    public sealed record ChainCheckJson(bool Intact, long Entries, string HeadHash, long? FirstFailingSequence, string? Reason, long TreeSize, string TreeRoot);

    /// <summary>"year", "month", "day" or "time": how much of the meeting's date is known.</summary>
    internal static string? Precision(PublishedDecision decision) =>
        decision.MeetingDateIso is { } iso ? MeetingDate.PrecisionOf(iso).ToString().ToLowerInvariant() : null;

    private static readonly string[] CsvHeader =
        ["sequence", "body", "meeting", "meeting_date", "meeting_date_iso", "meeting_date_precision", "item", "question", "outcome", "explanation", "votes_for", "votes_against", "abstentions", "published_at", "corrects", "canonical", "previous_hash", "hash", "canonical_fields"];

    private static string[] CsvRow(PublishedDecision decision) =>
    [
        decision.Sequence.ToString(CultureInfo.InvariantCulture), decision.BodyName, decision.MeetingTitle, decision.MeetingDate, decision.MeetingDateIso ?? "",
        Precision(decision) ?? "", decision.ItemTitle,
        decision.Question ?? "", decision.Outcome, decision.Explanation, Number(decision.VotesFor), Number(decision.VotesAgainst), Number(decision.Abstentions),
        decision.PublishedAt.UtcDateTime.ToString(UtcSeconds, CultureInfo.InvariantCulture), Number(decision.CorrectsSequence),
        decision.Canonical(), decision.PreviousHash, decision.Hash, string.Join(' ', decision.CanonicalFields),
    ];

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static byte[] Atom(ExportResult result, IReadOnlyList<PublishedDecision> decisions, IndexModel.Query filters, PublicAddress address, DateTimeOffset updatedWhenEmpty)
    {
        var query = Filters(filters);
        // Each filtered feed is its own feed: its own id (its address) and a title that says what it holds.
        var self = address.Absolute(query.Length == 0 ? "/decisions/feed.atom" : $"/decisions/feed.atom?{query}");
        var title = "Kent and Medway Commissioning: register of decisions" + FilterTitle(filters);
        var items = decisions.Select(decision => new SyndicationItem(
            $"{decision.BodyName}: {decision.ItemTitle} ({decision.Outcome})",
            decision.Explanation,
            new Uri(address.Absolute($"/decisions/{decision.Sequence}")),
            address.Absolute($"/decisions/{decision.Sequence}"),
            decision.PublishedAt)).ToList();
        return AtomFeed.Write(
            title,
            $"{result.Entries} entries; head of the hash chain {result.HeadHash}",
            self,
            address.Absolute(query.Length == 0 ? "/decisions" : $"/decisions?{query}"),
            items,
            updatedWhenEmpty,
            feed =>
            {
                feed.ElementExtensions.Add("chainHead", "https://kentmedway.example/ns/register", result.HeadHash);
                feed.ElementExtensions.Add("chainEntries", "https://kentmedway.example/ns/register", result.Entries);
            });
    }

    private static string FilterTitle(IndexModel.Query filters)
    {
        string?[] parts =
        [
            string.IsNullOrWhiteSpace(filters.Body) ? null : $"body {filters.Body}",
            string.IsNullOrWhiteSpace(filters.Outcome) ? null : $"outcome {filters.Outcome}",
            string.IsNullOrWhiteSpace(filters.Search) ? null : $"matching \"{filters.Search}\"",
            filters.From is { } from ? $"from {from:yyyy-MM-dd}" : null,
            filters.To is { } to ? $"to {to:yyyy-MM-dd}" : null,
        ];
        var named = parts.OfType<string>().ToList();
        return named.Count == 0 ? "" : $" ({string.Join(", ", named)})";
    }
}
