using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>A public consultation, who decides after it, and (once made) the decision it led to.</summary>
[AllowAnonymous]
public sealed class ConsultationModel(ISender sender, CurrentUser user) : PageModel
{
    public ConsultationView Consultation { get; private set; } = null!;

    public bool CanChange => user.IsProgrammeOffice;

    /// <summary>The proposals with a published decision, offered when the outcome is still to be recorded.</summary>
    public IReadOnlyList<(string Value, string Label)> Decisions { get; private set; } = [];

    [BindProperty]
    public OutcomeForm Outcome { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOutcomeAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var done = ModelState.IsValid && (await sender.TrySendAsync(new ChangeProgramme.LinkConsultationDecision(slug, Outcome.ProposalSlug), ModelState, nameof(Outcome), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The decision that settled the consultation is recorded.";
        return Redirect($"/programme/consultations/{slug}");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var consultation = await sender.Send(new Query(slug), cancellationToken);
        if (consultation is null)
        {
            return false;
        }

        Consultation = consultation;
        Decisions = consultation.Proposal is null && CanChange ? await sender.Send(new DecisionsQuery(), cancellationToken) : [];
        return true;
    }

    public sealed class OutcomeForm
    {
        public string? ProposalSlug { get; set; }
    }

    public sealed record DecisionsQuery : IQuery<IReadOnlyList<(string Value, string Label)>>;

    internal sealed class DecisionsHandler(AppDbContext db) : IQueryHandler<DecisionsQuery, IReadOnlyList<(string Value, string Label)>>
    {
        public async ValueTask<IReadOnlyList<(string Value, string Label)>> Handle(DecisionsQuery query, CancellationToken cancellationToken) =>
            await AuthorisingDecisions.OptionsAsync(db, cancellationToken);
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
