using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>One milestone: its dates, its slippage explained by every re-forecast, and what it depends on.</summary>
[AllowAnonymous]
public sealed class MilestoneModel(ISender sender, CurrentUser user) : PageModel
{
    public MilestoneView Milestone { get; private set; } = null!;

    public bool CanChange => user.IsProgrammeOffice;

    [BindProperty]
    public ReforecastForm Input { get; set; } = new();

    [BindProperty]
    public ReassignForm Reassigning { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReforecastAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var done = ModelState.IsValid
                   && (await sender.TrySendAsync(new ChangeProgramme.Reforecast(id, Input.Forecast, Input.AsReported, Input.Reason), ModelState, nameof(Input), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The forecast is changed and the change is in the history.";
        return Redirect($"/programme/milestones/{id}");
    }

    public async Task<IActionResult> OnPostReassignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var command = new ChangeProgramme.Reassign(id, Reassigning.Owner, Reassigning.DependsOn, Reassigning.EffectiveOn, Reassigning.Reason);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Reassigning), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The milestone is changed and the change is in its history.";
        return Redirect($"/programme/milestones/{id}");
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, DateOnly? completedOn, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var done = ModelState.IsValid && (await sender.TrySendAsync(new ChangeProgramme.Complete(id, completedOn), ModelState, "Complete", cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The milestone is done.";
        return Redirect($"/programme/milestones/{id}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await sender.Send(new Query(id), cancellationToken);
        if (milestone is null)
        {
            return false;
        }

        Milestone = milestone;
        // The form starts from the milestone as it is, except when it comes back with its own errors.
        if (!string.Equals(Request.Query["handler"], "Reassign", StringComparison.OrdinalIgnoreCase))
        {
            Reassigning = new ReassignForm { Owner = milestone.Owner, DependsOn = milestone.DependsOn.Select(dependency => dependency.Id).ToList() };
        }

        return true;
    }

    public sealed class ReforecastForm
    {
        public DateOnly? Forecast { get; set; }
        public string? AsReported { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ReassignForm
    {
        public string? Owner { get; set; }
        public List<int>? DependsOn { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(int Id) : IQuery<MilestoneView?>;

    public sealed record MilestoneView(
        int Id,
        string Title,
        string Owner,
        ReportedDate Baseline,
        ReportedDate Forecast,
        bool IsDone,
        DateOnly? CompletedOn,
        Rag Rag,
        int SlippageDays,
        int? DaysOverdue,
        string? Source,
        (string Title, string Slug)? Proposal,
        IReadOnlyList<(int Id, string Title)> DependsOn,
        IReadOnlyList<ForecastChange> History,
        IReadOnlyList<MilestoneChange> Changes,
        IReadOnlyList<(int Id, string Title)> OtherMilestones);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, MilestoneView?>
    {
        public async ValueTask<MilestoneView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var milestone = await db.Milestones.AsNoTracking()
                .Include(candidate => candidate.ForecastChanges)
                .Include(candidate => candidate.Dependencies)
                .Include(candidate => candidate.Changes)
                .SingleOrDefaultAsync(candidate => candidate.Id == query.Id, cancellationToken);
            if (milestone is null)
            {
                return null;
            }

            var margin = await db.Programmes.Where(programme => programme.Id == milestone.ProgrammeId).Select(programme => programme.MarginDays).SingleAsync(cancellationToken);
            var proposal = milestone.ProposalId is null
                ? null
                : await db.Proposals.Where(candidate => candidate.Id == milestone.ProposalId).Select(candidate => new { candidate.Title, candidate.Slug }).SingleOrDefaultAsync(cancellationToken);
            var dependencyIds = milestone.Dependencies.Select(dependency => dependency.DependsOnId).ToList();
            var dependsOn = await db.Milestones.Where(candidate => dependencyIds.Contains(candidate.Id)).OrderBy(candidate => candidate.Title).Select(candidate => new { candidate.Id, candidate.Title }).ToListAsync(cancellationToken);
            var others = await db.Milestones.Where(candidate => candidate.ProgrammeId == milestone.ProgrammeId && candidate.Id != milestone.Id).OrderBy(candidate => candidate.Title)
                .Select(candidate => new { candidate.Id, candidate.Title }).ToListAsync(cancellationToken);
            var today = UkCalendar.Today(clock);

            return new MilestoneView(
                milestone.Id, milestone.Title, milestone.Owner, milestone.Baseline, milestone.Forecast, milestone.IsDone, milestone.CompletedOn,
                milestone.RagOn(today, margin), milestone.SlippageDays, milestone.DaysOverdueOn(today), milestone.Source,
                proposal is null ? null : (proposal.Title, proposal.Slug),
                dependsOn.Select(candidate => (candidate.Id, candidate.Title)).ToList(),
                milestone.ForecastChanges.OrderBy(change => change.ChangedAt).ThenBy(change => change.Id).ToList(),
                milestone.Changes.OrderBy(change => change.EffectiveOn).ThenBy(change => change.Id).ToList(),
                others.Select(candidate => (candidate.Id, candidate.Title)).ToList());
        }
    }
}
