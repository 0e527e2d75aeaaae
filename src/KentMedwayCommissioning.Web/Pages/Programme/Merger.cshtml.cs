using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>A merger: its approval, conditional until every condition is met, and the evidence for each.</summary>
[AllowAnonymous]
public sealed class MergerModel(ISender sender, CurrentUser user) : PageModel
{
    public MergerView Merger { get; private set; } = null!;

    public bool CanChange => user.IsProgrammeOffice;

    [BindProperty]
    public MeetForm Met { get; set; } = new();

    [BindProperty]
    public NewCondition Condition { get; set; } = new();

    [BindProperty]
    public ApprovalForm Approval { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMeetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var command = new ChangeProgramme.MeetCondition(Met.ConditionId, Met.On, Met.Evidence);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Met), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The condition is recorded as met.";
        return Redirect($"/programme/mergers/{slug}");
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var command = new ChangeProgramme.AddCondition(slug, Condition.Description, Condition.Owner, Condition.DueOn);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Condition), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The condition is added.";
        return Redirect($"/programme/mergers/{slug}");
    }

    public async Task<IActionResult> OnPostApproveAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var command = new ChangeProgramme.ApproveMerger(slug, Approval.On);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Approval), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The approval is recorded.";
        return Redirect($"/programme/mergers/{slug}");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var merger = await sender.Send(new Query(slug), cancellationToken);
        if (merger is null)
        {
            return false;
        }

        Merger = merger;
        return true;
    }

    public sealed class MeetForm
    {
        public int ConditionId { get; set; }
        public DateOnly? On { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class ApprovalForm
    {
        public DateOnly? On { get; set; }
    }

    public sealed class NewCondition
    {
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<MergerView?>;

    public sealed record MergerView(
        string Title,
        string Slug,
        string FormsName,
        string FormsSlug,
        string ApproverName,
        DateOnly? ApprovedOn,
        DateOnly? LiveOn,
        ApprovalStanding Standing,
        (string Question, string Slug)? Ballot,
        string? Source,
        IReadOnlyList<MergerCondition> Conditions);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MergerView?>
    {
        public async ValueTask<MergerView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var merger = await db.Mergers.AsNoTracking().Include(candidate => candidate.Conditions).SingleOrDefaultAsync(candidate => candidate.Slug == query.Slug, cancellationToken);
            if (merger is null)
            {
                return null;
            }

            var bodies = await db.Bodies.Where(body => body.Id == merger.FormsBodyId || body.Id == merger.ApproverBodyId).ToDictionaryAsync(body => body.Id, body => (body.Name, body.Slug), cancellationToken);
            var ballot = merger.PracticeBallotId is null
                ? null
                : await db.PracticeBallots.Where(candidate => candidate.Id == merger.PracticeBallotId).Select(candidate => new { candidate.Question, candidate.Slug }).SingleOrDefaultAsync(cancellationToken);
            return new MergerView(
                merger.Title, merger.Slug, bodies[merger.FormsBodyId].Name, bodies[merger.FormsBodyId].Slug, bodies[merger.ApproverBodyId].Name,
                merger.ApprovedOn, merger.LiveOn, merger.Standing(), ballot is null ? null : (ballot.Question, ballot.Slug), merger.Source,
                merger.Conditions.OrderBy(condition => condition.Id).ToList());
        }
    }
}
