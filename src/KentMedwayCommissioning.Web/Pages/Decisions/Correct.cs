using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>The body's secretary corrects a published decision by publishing a new entry that points at it.</summary>
public static class Correct
{
    /// <param name="BodySlug">The body whose decision it is; the authorization behaviour checks the sender is its secretary.</param>
    public sealed record Command(long Sequence, string BodySlug, string? Outcome, string? Explanation, string? Reason) : ICommand<long>, IBodySecretaryCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Outcome)
                .NotEmpty().WithMessage("Choose the corrected outcome")
                .Must(outcome => outcome is null || IndexModel.Outcomes.Contains(outcome)).WithMessage($"Outcome must be one of: {string.Join(", ", IndexModel.Outcomes)}");
            RuleFor(command => command.Explanation)
                .NotEmpty().WithMessage("Give the corrected explanation")
                .MaximumLength(1500).WithMessage("The explanation must be 1,500 characters or fewer");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Say what was wrong: readers see it on both entries")
                .MaximumLength(400).WithMessage("The reason must be 400 characters or fewer");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, long>
    {
        public async ValueTask<long> Handle(Command command, CancellationToken cancellationToken)
        {
            // The body in the command must be the decision's own, or a secretary could correct another body's decisions.
            var original = await db.PublishedDecisions.AsNoTracking().SingleOrDefaultAsync(decision => decision.Sequence == command.Sequence && decision.BodySlug == command.BodySlug, cancellationToken)
                ?? throw new NotFoundException($"{command.BodySlug} has no published decision {command.Sequence}.");
            var explanation = $"Correction of decision {original.Sequence}: {command.Reason!.Trim()}. {command.Explanation!.Trim()}";
            return await Publisher.PublishCorrectionAsync(db, original, command.Outcome!, explanation, clock.GetUtcNow(), cancellationToken);
        }
    }
}
