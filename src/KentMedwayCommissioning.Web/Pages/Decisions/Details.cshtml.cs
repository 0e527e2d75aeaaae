using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>One published decision, at a stable address.</summary>
[AllowAnonymous]
public sealed class DetailsModel(ISender sender) : PageModel
{
    public PublishedDecision Decision { get; private set; } = null!;

    public IReadOnlyList<long> CorrectedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new Query(sequence), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        (Decision, CorrectedBy) = view.Value;
        return Page();
    }

    public sealed record Query(long Sequence) : IQuery<(PublishedDecision, IReadOnlyList<long>)?>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, (PublishedDecision, IReadOnlyList<long>)?>
    {
        public async ValueTask<(PublishedDecision, IReadOnlyList<long>)?> Handle(Query query, CancellationToken cancellationToken)
        {
            var decision = await db.PublishedDecisions.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Sequence == query.Sequence, cancellationToken);
            if (decision is null)
            {
                return null;
            }

            var corrections = await db.PublishedDecisions.AsNoTracking().Where(candidate => candidate.CorrectsSequence == query.Sequence).Select(candidate => candidate.Sequence).ToListAsync(cancellationToken);
            return (decision, corrections);
        }
    }
}
