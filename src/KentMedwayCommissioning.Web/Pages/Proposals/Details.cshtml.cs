using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

/// <summary>One proposal sent to several bodies: each body's outcome, and where it stands overall.</summary>
[AllowAnonymous]
public sealed class DetailsModel(ISender sender) : PageModel
{
    public ProposalView Proposal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var proposal = await sender.Send(new Query(slug), cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }

        Proposal = proposal;
        return Page();
    }

    public sealed record Query(string Slug) : IQuery<ProposalView?>;

    public sealed record ProposalView(string Title, string Slug, string? Description, string? Source, IReadOnlyList<BodyDecision> Bodies)
    {
        public string Summary => ProposalSummary.Describe(Bodies.Select(body => body.Outcome).ToList());

        /// <summary>Outcome groups in a fixed order for the chart: agreed first, undecided last.</summary>
        public IReadOnlyList<(string Label, int Count, string Colour)> Segments =>
        [
            .. new (Outcome? Outcome, string Label, string Colour)[]
                {
                    (Outcome.Carried, "Agreed", "#007f3b"),
                    (Outcome.NotCarried, "Did not agree", "#d5281b"),
                    (Outcome.Deferred, "Deferred", "#ffb81c"),
                    (Outcome.Declined, "Declined", "#4c6272"),
                    (Outcome.Inquorate, "Inquorate", "#7c2855"),
                    (Outcome.Noted, "Noted", "#005eb8"),
                    (null, "Yet to decide", "#d8dde0"),
                }
                .Select(group => (group.Label, Bodies.Count(body => body.Outcome == group.Outcome), group.Colour))
                .Where(group => group.Item2 > 0),
        ];
    }

    public sealed record BodyDecision(string BodyName, string BodySlug, Outcome? Outcome, string? Explanation, int? MeetingId, int? ItemNumber, DateTimeOffset? MeetingStartsAt, string? DateAsReported);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, ProposalView?>
    {
        public async ValueTask<ProposalView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var proposal = await db.Proposals
                .AsNoTracking()
                .Where(proposal => proposal.Slug == query.Slug)
                .Select(proposal => new
                {
                    proposal.Id,
                    proposal.Title,
                    proposal.Slug,
                    proposal.Description,
                    proposal.Source,
                    Bodies = proposal.Bodies.Select(body => new { body.BodyId, body.Body!.Name, body.Body.Slug }).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (proposal is null)
            {
                return null;
            }

            var latest = await ProposalOutcomes.LatestByBodyAsync(db, [proposal.Id], cancellationToken);

            var bodies = proposal.Bodies
                .OrderBy(body => body.Name, StringComparer.Ordinal)
                .Select(body => latest.TryGetValue((proposal.Id, body.BodyId), out var item)
                    ? new BodyDecision(body.Name, body.Slug, item.Outcome, item.Explanation, item.MeetingId, item.Number, item.StartsAt, item.DateAsReported)
                    : new BodyDecision(body.Name, body.Slug, null, null, null, null, null, null))
                .ToList();
            return new ProposalView(proposal.Title, proposal.Slug, proposal.Description, proposal.Source, bodies);
        }
    }
}
