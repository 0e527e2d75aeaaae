using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

[AllowAnonymous]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ProposalSummaryRow> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Proposals = await sender.Send(new Query(), cancellationToken);

    public sealed record Query : IQuery<IReadOnlyList<ProposalSummaryRow>>;

    public sealed record ProposalSummaryRow(string Title, string Slug, string Summary);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ProposalSummaryRow>>
    {
        public async ValueTask<IReadOnlyList<ProposalSummaryRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var proposals = await db.Proposals.AsNoTracking().OrderBy(proposal => proposal.Title).Select(proposal => new { proposal.Id, proposal.Title, proposal.Slug, Bodies = proposal.Bodies.Select(body => body.BodyId).ToList() }).ToListAsync(cancellationToken);
            var outcomes = await db.AgendaItems
                .AsNoTracking()
                .Where(item => item.ProposalId != null)
                .Select(item => new { item.ProposalId, item.Meeting.BodyId, item.Meeting.StartsAt, item.Outcome })
                .ToListAsync(cancellationToken);
            return proposals
                .Select(proposal => new ProposalSummaryRow(
                    proposal.Title,
                    proposal.Slug,
                    ProposalSummary.Describe(proposal.Bodies
                        .Select(bodyId => outcomes.Where(item => item.ProposalId == proposal.Id && item.BodyId == bodyId).OrderByDescending(item => item.StartsAt).FirstOrDefault()?.Outcome)
                        .ToList())))
                .ToList();
        }
    }
}
