using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>A public consultation, who decides after it, and (once made) the decision it led to.</summary>
[AllowAnonymous]
public sealed class ConsultationModel(ISender sender) : PageModel
{
    public ConsultationView Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var consultation = await sender.Send(new Query(slug), cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        Consultation = consultation;
        return Page();
    }

    public sealed record Query(string Slug) : IQuery<ConsultationView?>;

    public sealed record ConsultationView(Consultation Details, string DecidingBody, string DecidingBodySlug, (string Title, string Slug)? Proposal);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ConsultationView?>
    {
        public async ValueTask<ConsultationView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Slug == query.Slug, cancellationToken);
            if (consultation is null)
            {
                return null;
            }

            var body = await db.Bodies.Where(candidate => candidate.Id == consultation.DecidingBodyId).Select(candidate => new { candidate.Name, candidate.Slug }).SingleAsync(cancellationToken);
            var proposal = consultation.ProposalId is null
                ? null
                : await db.Proposals.Where(candidate => candidate.Id == consultation.ProposalId).Select(candidate => new { candidate.Title, candidate.Slug }).SingleOrDefaultAsync(cancellationToken);
            return new ConsultationView(consultation, body.Name, body.Slug, proposal is null ? null : (proposal.Title, proposal.Slug));
        }
    }
}
