using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>What programme office staff change: forecasts, owners and dependencies, completions and merger conditions. Everyone else reads.</summary>
public static class ChangeProgramme
{
    /// <param name="AsReported">The plan's own words when it gives no exact day ("summer 2019"); the date then orders it.</param>
    public sealed record Reforecast(int MilestoneId, DateOnly? Forecast, string? AsReported, string? Reason) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed record Complete(int MilestoneId, DateOnly? On) : ICommand<Unit>, IProgrammeOfficeCommand;

    /// <param name="DependsOn">Every milestone it is to wait on (none when null): the list replaces the current one.</param>
    public sealed record Reassign(int MilestoneId, string? Owner, IReadOnlyList<int>? DependsOn, DateOnly? EffectiveOn, string? Reason) : ICommand<Unit>, IProgrammeOfficeCommand;

    /// <summary>Records a consultation's outcome: the proposal, with a published decision, that settled it.</summary>
    public sealed record LinkConsultationDecision(string ConsultationSlug, string? ProposalSlug) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed record MeetCondition(int ConditionId, DateOnly? On, string? Evidence) : ICommand<Unit>, IProgrammeOfficeCommand;

    /// <summary>Records the regulator's approval, given on a day; conditional until its conditions are met.</summary>
    public sealed record ApproveMerger(string MergerSlug, DateOnly? On) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed record AddCondition(string MergerSlug, string? Description, string? Owner, DateOnly? DueOn) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed class ReforecastValidator : AbstractValidator<Reforecast>
    {
        public ReforecastValidator()
        {
            RuleFor(command => command.Forecast).NotNull().WithMessage("Enter the new forecast date");
            RuleFor(command => command.AsReported).MaximumLength(100).WithMessage("The plan's wording must be 100 characters or fewer");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Say why the forecast has changed: the boards will read it")
                .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
        }
    }

    public sealed class ReassignValidator : AbstractValidator<Reassign>
    {
        public ReassignValidator()
        {
            RuleFor(command => command.Owner).MilestoneOwner();
            RuleFor(command => command.DependsOn).Must(ids => ids is null || ids.Count <= 100).WithMessage("Choose at most 100 milestones");
            RuleFor(command => command.EffectiveOn).NotNull().WithMessage("Enter the date the change takes effect");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Say why the milestone changes: its history keeps it")
                .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
        }
    }

    public sealed class LinkConsultationDecisionValidator : AbstractValidator<LinkConsultationDecision>
    {
        public LinkConsultationDecisionValidator() =>
            RuleFor(command => command.ProposalSlug)
                .NotEmpty().WithMessage("Choose the decision that settled the consultation")
                .MaximumLength(300).WithMessage("Choose a decision from the list");
    }

    public sealed class MeetConditionValidator : AbstractValidator<MeetCondition>
    {
        public MeetConditionValidator()
        {
            RuleFor(command => command.On).NotNull().WithMessage("Enter the date the condition was met");
            RuleFor(command => command.Evidence)
                .NotEmpty().WithMessage("Give the evidence that the condition is met")
                .MaximumLength(4000).WithMessage("The evidence must be 4,000 characters or fewer");
        }
    }

    public sealed class ApproveMergerValidator : AbstractValidator<ApproveMerger>
    {
        public ApproveMergerValidator() =>
            RuleFor(command => command.On).NotNull().WithMessage("Enter the date the merger was approved");
    }

    public sealed class AddConditionValidator : AbstractValidator<AddCondition>
    {
        public AddConditionValidator()
        {
            RuleFor(command => command.Description)
                .NotEmpty().WithMessage("Describe the condition")
                .MaximumLength(500).WithMessage("The condition must be 500 characters or fewer");
            RuleFor(command => command.Owner)
                .NotEmpty().WithMessage("Enter who owns the condition")
                .MaximumLength(200).WithMessage("The owner must be 200 characters or fewer");
        }
    }

    internal sealed class ReforecastHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Reforecast, Unit>
    {
        public async ValueTask<Unit> Handle(Reforecast command, CancellationToken cancellationToken)
        {
            var milestone = await db.Milestones.Include(candidate => candidate.ForecastChanges).SingleOrDefaultAsync(candidate => candidate.Id == command.MilestoneId, cancellationToken)
                ?? throw new NotFoundException($"There is no milestone {command.MilestoneId}.");
            var asReported = string.IsNullOrWhiteSpace(command.AsReported) ? null : command.AsReported.Trim();
            // The history is public: staff appear by their role, never their email (the audit log keeps who it was).
            milestone.Reforecast(new ReportedDate(command.Forecast!.Value, asReported), command.Reason!, user.StaffRole, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ReassignHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Reassign, Unit>
    {
        public async ValueTask<Unit> Handle(Reassign command, CancellationToken cancellationToken)
        {
            var milestone = await db.Milestones.Include(candidate => candidate.Dependencies).Include(candidate => candidate.Changes)
                .SingleOrDefaultAsync(candidate => candidate.Id == command.MilestoneId, cancellationToken)
                ?? throw new NotFoundException($"There is no milestone {command.MilestoneId}.");
            var programme = (await db.Milestones.AsNoTracking().Where(candidate => candidate.ProgrammeId == milestone.ProgrammeId).Include(candidate => candidate.Dependencies).ToListAsync(cancellationToken))
                .ToDictionary(candidate => candidate.Id);
            var dependsOn = (command.DependsOn ?? []).Distinct().ToList();
            var waitsOn = programme.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<int>)entry.Value.Dependencies.Select(dependency => dependency.DependsOnId).ToList());
            var circular = dependsOn.Where(id => programme.ContainsKey(id)).FirstOrDefault(id => MilestoneDependencies.WouldCycle(milestone.Id, [id], waitsOn));
            string? refusal = null;
            if (dependsOn.Contains(milestone.Id))
            {
                refusal = "A milestone cannot depend on itself";
            }
            else if (dependsOn.Any(id => !programme.ContainsKey(id)))
            {
                refusal = "Choose the milestones it depends on from the list";
            }
            else if (circular != 0)
            {
                refusal = $"{programme[circular].Title} already waits, directly or through others, on this milestone, so this one cannot wait on it";
            }

            if (refusal is not null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Reassign.DependsOn), refusal)]);
            }

            string Titles(IEnumerable<int> ids) => string.Join(", ", ids.Select(id => programme[id].Title).Order(StringComparer.Ordinal));
            var current = milestone.Dependencies.Select(dependency => dependency.DependsOnId).ToList();
            var owner = command.Owner!.Trim();
            var changes = new List<string>();
            if (owner != milestone.Owner)
            {
                changes.Add($"owner from {milestone.Owner} to {owner}");
            }

            if (dependsOn.Except(current).Any())
            {
                changes.Add($"now depends on {Titles(dependsOn.Except(current))}");
            }

            if (current.Except(dependsOn).Any())
            {
                changes.Add($"no longer depends on {Titles(current.Except(dependsOn))}");
            }

            var summary = changes.Count == 0 ? "nothing" : string.Join("; ", changes);
            milestone.Reassign(owner, dependsOn, char.ToUpperInvariant(summary[0]) + summary[1..], command.EffectiveOn!.Value, command.Reason!, user.StaffRole, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class LinkConsultationDecisionHandler(AppDbContext db) : ICommandHandler<LinkConsultationDecision, Unit>
    {
        public async ValueTask<Unit> Handle(LinkConsultationDecision command, CancellationToken cancellationToken)
        {
            var consultation = await db.Consultations.SingleOrDefaultAsync(candidate => candidate.Slug == command.ConsultationSlug, cancellationToken)
                ?? throw new NotFoundException($"There is no consultation '{command.ConsultationSlug}'.");
            var proposalId = await AuthorisingDecisions.Query(db).Where(proposal => proposal.Slug == command.ProposalSlug).Select(proposal => (int?)proposal.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(LinkConsultationDecision.ProposalSlug), "Choose a decision from the list")]);
            consultation.LinkDecision(proposalId);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class CompleteHandler(AppDbContext db) : ICommandHandler<Complete, Unit>
    {
        public async ValueTask<Unit> Handle(Complete command, CancellationToken cancellationToken)
        {
            var milestone = await db.Milestones.SingleOrDefaultAsync(candidate => candidate.Id == command.MilestoneId, cancellationToken)
                ?? throw new NotFoundException($"There is no milestone {command.MilestoneId}.");
            milestone.Complete(command.On);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class MeetConditionHandler(AppDbContext db) : ICommandHandler<MeetCondition, Unit>
    {
        public async ValueTask<Unit> Handle(MeetCondition command, CancellationToken cancellationToken)
        {
            var merger = await db.Mergers.Include(candidate => candidate.Conditions)
                .SingleOrDefaultAsync(candidate => candidate.Conditions.Any(condition => condition.Id == command.ConditionId), cancellationToken)
                ?? throw new NotFoundException($"There is no condition {command.ConditionId}.");
            merger.Conditions.Single(condition => condition.Id == command.ConditionId).MarkMet(command.On!.Value, command.Evidence!);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class AddConditionHandler(AppDbContext db) : ICommandHandler<AddCondition, Unit>
    {
        public async ValueTask<Unit> Handle(AddCondition command, CancellationToken cancellationToken)
        {
            var merger = await db.Mergers.Include(candidate => candidate.Conditions).SingleOrDefaultAsync(candidate => candidate.Slug == command.MergerSlug, cancellationToken)
                ?? throw new NotFoundException($"There is no merger '{command.MergerSlug}'.");
            merger.AddCondition(command.Description!, command.Owner!, command.DueOn);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ApproveMergerHandler(AppDbContext db) : ICommandHandler<ApproveMerger, Unit>
    {
        public async ValueTask<Unit> Handle(ApproveMerger command, CancellationToken cancellationToken)
        {
            var merger = await db.Mergers.SingleOrDefaultAsync(candidate => candidate.Slug == command.MergerSlug, cancellationToken)
                ?? throw new NotFoundException($"There is no merger '{command.MergerSlug}'.");
            merger.Approve(command.On!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
