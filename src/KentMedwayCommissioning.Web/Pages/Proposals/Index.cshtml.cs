using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

[AllowAnonymous]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ProposalSummaryRow> Proposals { get; private set; } = [];

    public IReadOnlyList<(string Question, string Slug)> Ballots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Proposals = await sender.Send(new Query(), cancellationToken);
        Ballots = await sender.Send(new BallotsQuery(), cancellationToken);
    }

    public sealed record Query : IQuery<IReadOnlyList<ProposalSummaryRow>>;

    public sealed record BallotsQuery : IQuery<IReadOnlyList<(string Question, string Slug)>>;

    internal sealed class BallotsHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<BallotsQuery, IReadOnlyList<(string Question, string Slug)>>
    {
        public async ValueTask<IReadOnlyList<(string Question, string Slug)>> Handle(BallotsQuery query, CancellationToken cancellationToken) =>
            (await db.PracticeBallots.AsNoTracking().OrderBy(ballot => ballot.Question).Select(ballot => new { ballot.Question, ballot.Slug }).ToListAsync(cancellationToken))
                .Select(ballot => (ballot.Question, ballot.Slug))
                .ToList();
    }

    public sealed record ProposalSummaryRow(string Title, string Slug, string Summary);

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ProposalSummaryRow>>
    {
        public async ValueTask<IReadOnlyList<ProposalSummaryRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            var proposals = await db.Proposals.AsNoTracking().OrderBy(proposal => proposal.Title).Select(proposal => new { proposal.Id, proposal.Title, proposal.Slug, Bodies = proposal.Bodies.Select(body => body.BodyId).ToList() }).ToListAsync(cancellationToken);
            var latest = await ProposalOutcomes.LatestByBodyAsync(db, proposals.Select(proposal => proposal.Id).ToList(), cancellationToken);
            return proposals
                .Select(proposal => new ProposalSummaryRow(
                    proposal.Title,
                    proposal.Slug,
                    ProposalSummary.Describe(proposal.Bodies
                        .Select(bodyId => latest.TryGetValue((proposal.Id, bodyId), out var item) ? item.Outcome : null)
                        .ToList())))
                .ToList();
        }
    }
}
