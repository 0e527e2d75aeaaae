using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>The public register of decisions: newest first, searchable, every filter in the address so it can be shared.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = RegisterCache.Policy)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>Published on or after this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Published on or before this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Keyset paging: show decisions published before this number.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public Results Register { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (valid, results) = ModelState.IsValid
            ? await sender.TrySendQueryAsync(new Query(Search, Body, Outcome, Before, From, To), ModelState, cancellationToken)
            : (false, null);
        Register = valid ? results! : await sender.Send(new Query(null, null, null, null), cancellationToken);
        return Page();
    }

    public sealed record Query(string? Search, string? Body, string? Outcome, long? Before, DateOnly? From = null, DateOnly? To = null) : IQuery<Results>;

    public sealed record Results(IReadOnlyList<Row> Decisions, long? NextBefore, IReadOnlyList<(string Name, string Slug)> Bodies, long Entries, string HeadHash);

    /// <param name="Corrects">The entry this one corrects, if it is a correction.</param>
    /// <param name="CorrectedBy">The later entry that corrects this one, if any: the list marks both, not only their pages.</param>
    public sealed record Row(long Sequence, string BodyName, string ItemTitle, string Outcome, string MeetingDate, DateTimeOffset PublishedAt, long? Corrects, long? CorrectedBy);

    public static IReadOnlyList<string> Outcomes { get; } = ["Carried", "Not carried", "Deferred", "Declined", "Noted", "Inquorate"];

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator()
        {
            RuleFor(query => query.Search)
                .MaximumLength(200).WithMessage("Search for 200 characters or fewer")
                // PostgreSQL refuses a null character in text; a control character is never part of a search.
                .Must(search => search is null || !search.Any(char.IsControl)).WithMessage("Search for words, without control characters");
            RuleFor(query => query.Outcome).Must(outcome => outcome is null || Outcomes.Contains(outcome)).WithMessage($"Outcome must be one of: {string.Join(", ", Outcomes)}");
            RuleFor(query => query.Body).MaximumLength(200).Matches("^[a-z0-9-]*$").WithMessage("Body must be a body's slug, such as west-kent-ccg");
            RuleFor(query => query.Before).GreaterThan(0).When(query => query.Before is not null);
            RuleFor(query => query.To)
                .GreaterThanOrEqualTo(query => query.From).When(query => query.From is not null && query.To is not null)
                .WithMessage("The end of the date range must not be before its start");
        }
    }

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, RegisterQueries.RequestHead requestHead, RegisterCache.PublishedBodies publishedBodies) : IQueryHandler<Query, Results>
    {
        public async ValueTask<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, head) = await RegisterQueries.RowsAndHeadAsync(db, requestHead, query, PageSize + 1, cancellationToken);
            var bodies = await publishedBodies.GetAsync(head?.Sequence ?? 0, PublishedBodiesAsync, cancellationToken);
            return new Results(
                page.Take(PageSize).ToList(),
                page.Count > PageSize ? page[PageSize - 1].Sequence : null,
                bodies,
                head?.Sequence ?? 0,
                head?.Hash ?? PublishedDecision.GenesisHash);
        }

        /// <summary>
        /// The bodies that have published, by the name of their latest entry: one index probe per body rather than a scan
        /// of the whole register.
        /// </summary>
        private async Task<IReadOnlyList<(string Name, string Slug)>> PublishedBodiesAsync(CancellationToken cancellationToken) =>
            (await db.Bodies.AsNoTracking()
                .Select(body => new
                {
                    Name = db.PublishedDecisions.Where(decision => decision.BodySlug == body.Slug).OrderByDescending(decision => decision.Sequence).Select(decision => decision.BodyName).FirstOrDefault(),
                    body.Slug,
                })
                .Where(body => body.Name != null)
                .OrderBy(body => body.Name)
                .ToListAsync(cancellationToken))
            .Select(body => (body.Name!, body.Slug))
            .ToList();
    }
}
