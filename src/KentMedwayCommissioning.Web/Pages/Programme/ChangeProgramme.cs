using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>What programme office staff change: forecasts, completions and merger conditions. Everyone else reads.</summary>
public static class ChangeProgramme
{
    /// <param name="AsReported">The plan's own words when it gives no exact day ("summer 2019"); the date then orders it.</param>
    public sealed record Reforecast(int MilestoneId, DateOnly? Forecast, string? AsReported, string? Reason) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed record Complete(int MilestoneId, DateOnly? On) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed record MeetCondition(int ConditionId, DateOnly? On, string? Evidence) : ICommand<Unit>, IProgrammeOfficeCommand;

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
}
