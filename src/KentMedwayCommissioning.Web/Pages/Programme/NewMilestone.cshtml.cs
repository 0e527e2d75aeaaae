using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>
/// Programme office adds a milestone: its baseline (the forecast starts there), who owns it, the milestones it waits on,
/// and the published decision that authorised it.
/// </summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.ProgrammeOffice}")]
public sealed class NewMilestoneModel(ISender sender) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new(null, null, null, null, [], null);

    public Choices Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Form = await sender.Send(new Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (created, id) = await sender.TrySendAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!created)
        {
            Form = await sender.Send(new Query(), cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = "The milestone is added. Its forecast starts at the baseline.";
        return Redirect($"/programme/milestones/{id}");
    }

    /// <param name="AsReported">The plan's own words when it gives no exact day ("summer 2019"); the date then orders it.</param>
    /// <param name="ProposalSlug">The proposal whose published decision authorised the milestone, if any.</param>
    public sealed record Command(string? Title, DateOnly? Baseline, string? AsReported, string? Owner, IReadOnlyList<int>? DependsOn, string? ProposalSlug)
        : ICommand<int>, IProgrammeOfficeCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Title)
                .NotEmpty().WithMessage("Enter what the milestone is")
                .MaximumLength(300).WithMessage("The milestone must be 300 characters or fewer");
            RuleFor(command => command.Baseline).NotNull().WithMessage("Enter the baseline date");
            RuleFor(command => command.AsReported).MaximumLength(100).WithMessage("The plan's wording must be 100 characters or fewer");
            RuleFor(command => command.Owner).MilestoneOwner();
            RuleFor(command => command.DependsOn).Must(ids => ids is null || ids.Count <= 100).WithMessage("Choose at most 100 milestones");
            RuleFor(command => command.ProposalSlug).MaximumLength(300).WithMessage("Choose a decision from the list");
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.OrderBy(candidate => candidate.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new GovernanceException("Record the programme before adding its milestones.");
            var title = command.Title!.Trim();
            var dependsOn = (command.DependsOn ?? []).Distinct().ToList();
            var failures = new List<ValidationFailure>();
            if (await db.Milestones.AnyAsync(milestone => milestone.ProgrammeId == programme.Id && milestone.Title == title, cancellationToken))
            {
                failures.Add(new ValidationFailure(nameof(Command.Title), $"There is already a milestone called {title}"));
            }

            var known = await db.Milestones.Where(milestone => milestone.ProgrammeId == programme.Id && dependsOn.Contains(milestone.Id)).CountAsync(cancellationToken);
            if (known != dependsOn.Count)
            {
                failures.Add(new ValidationFailure(nameof(Command.DependsOn), "Choose the milestones it depends on from the list"));
            }

            int? proposalId = null;
            if (!string.IsNullOrWhiteSpace(command.ProposalSlug))
            {
                proposalId = await AuthorisingDecisions.Query(db).Where(proposal => proposal.Slug == command.ProposalSlug).Select(proposal => (int?)proposal.Id).FirstOrDefaultAsync(cancellationToken);
                if (proposalId is null)
                {
                    failures.Add(new ValidationFailure(nameof(Command.ProposalSlug), "Choose a decision from the list"));
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var asReported = string.IsNullOrWhiteSpace(command.AsReported) ? null : command.AsReported.Trim();
            var milestone = new Milestone(programme.Id, title, command.Owner!, new ReportedDate(command.Baseline!.Value, asReported), proposalId);
            db.Milestones.Add(milestone);
            // A new milestone has no dependants yet, so what it waits on cannot close a cycle; its id comes from the insert.
            await db.SaveChangesAsync(cancellationToken);
            foreach (var milestoneId in dependsOn)
            {
                milestone.DependOn(milestoneId);
            }

            await db.SaveChangesAsync(cancellationToken);
            return milestone.Id;
        }
    }

    public sealed record Query : IQuery<Choices>;

    /// <param name="HasProgramme">False until the programme is recorded: milestones belong to it.</param>
    public sealed record Choices(bool HasProgramme, IReadOnlyList<(int Id, string Title)> Milestones, IReadOnlyList<(string Value, string Label)> Decisions);

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Choices>
    {
        public async ValueTask<Choices> Handle(Query query, CancellationToken cancellationToken)
        {
            var programmeId = await db.Programmes.OrderBy(candidate => candidate.Id).Select(candidate => (int?)candidate.Id).FirstOrDefaultAsync(cancellationToken);
            var milestones = await db.Milestones.Where(milestone => milestone.ProgrammeId == programmeId).OrderBy(milestone => milestone.Title)
                .Select(milestone => new { milestone.Id, milestone.Title }).ToListAsync(cancellationToken);
            return new Choices(
                programmeId is not null,
                milestones.Select(milestone => (milestone.Id, milestone.Title)).ToList(),
                await AuthorisingDecisions.OptionsAsync(db, cancellationToken));
        }
    }
}

public static class MilestoneRules
{
    /// <summary>Who owns a milestone: a post or a person, in words, as the plan names them.</summary>
    public static IRuleBuilderOptions<T, string?> MilestoneOwner<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter who owns the milestone: a post or a person")
            .MaximumLength(200).WithMessage("The owner must be 200 characters or fewer");
}

/// <summary>The decisions a milestone can cite as its authority: proposals with a decision in the published register.</summary>
public static class AuthorisingDecisions
{
    public static IQueryable<Proposal> Query(AppDbContext db) =>
        db.Proposals.Where(proposal => db.AgendaItems.Any(item => item.ProposalId == proposal.Id
            && db.PublishedDecisions.Any(decision => decision.AgendaItemId == item.Id)));

    public static async Task<IReadOnlyList<(string Value, string Label)>> OptionsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await Query(db).OrderBy(proposal => proposal.Title).Select(proposal => new { proposal.Slug, proposal.Title }).ToListAsync(cancellationToken))
        .Select(proposal => (proposal.Slug, proposal.Title))
        .ToList();
}
