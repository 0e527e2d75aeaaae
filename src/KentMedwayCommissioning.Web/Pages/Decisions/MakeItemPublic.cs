using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The secretary records that an item taken in a meeting's private part may now be made public, with the date and the
/// reason; the item's full entry (question, outcome, named votes, declarations) is then appended to the register.
/// </summary>
public static class MakeItemPublic
{
    public sealed record Command(int MeetingId, int AgendaItemId, DateOnly? On, string? Reason) : ICommand<long>, IMeetingSecretaryCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(command => command.On)
                .NotNull().WithMessage("Enter the date the item may be made public")
                .Must(on => on is null || on <= UkCalendar.Today(clock)).WithMessage("The date cannot be in the future");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Say why the item may now be made public: readers see it on the entry")
                .MaximumLength(400).WithMessage("The reason must be 400 characters or fewer");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, long>
    {
        public async ValueTask<long> Handle(Command command, CancellationToken cancellationToken)
        {
            // The item must be in the command's meeting, which is the one the authorization behaviour checked.
            var meeting = await db.Meetings
                .Include(candidate => candidate.Items.Where(item => item.Id == command.AgendaItemId))
                .SingleOrDefaultAsync(candidate => candidate.Id == command.MeetingId && candidate.Items.Any(item => item.Id == command.AgendaItemId), cancellationToken)
                ?? throw new NotFoundException($"Meeting {command.MeetingId} has no item {command.AgendaItemId}.");
            meeting.Items.Single().MakePublic(command.On!.Value, command.Reason!);
            await db.SaveChangesAsync(cancellationToken);
            return await Publisher.PublishMadePublicAsync(db, command.AgendaItemId, clock.GetUtcNow(), cancellationToken);
        }
    }
}
