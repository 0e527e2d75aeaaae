using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// A member declares an interest in an item at the meeting (or the secretary records it for them). The member is then
/// withdrawn: no vote on the item and, unless the body's rule says otherwise, not counted in its quorum. Declaring while
/// the vote is open sets aside any vote the member cast, with the reason, in the item's trail.
/// </summary>
public static class DeclareInterest
{
    /// <param name="PersonId">Whose interest: null for the signed-in member themselves; another member only for the secretary.</param>
    public sealed record Command(int ItemId, int? PersonId, string Interest, DeclarationAction Action) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Interest)
                .NotEmpty().WithMessage("Describe the interest you are declaring")
                .MaximumLength(2000).WithMessage("The interest must be 2,000 characters or fewer");
            RuleFor(command => command.Action).IsInEnum().WithMessage("Choose how the conflict is managed");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // The row lock that opening and closing the vote take, and that votes being written share: a vote either lands
            // first (and is set aside below) or waits and sees the declaration; the vote cannot close in between.
            await db.Database.ExecuteSqlAsync($"SELECT id FROM agenda_items WHERE id = {command.ItemId} FOR UPDATE", cancellationToken);
            var item = await db.AgendaItems
                .Include(candidate => candidate.Meeting)
                .Include(candidate => candidate.Declarations)
                .SingleOrDefaultAsync(candidate => candidate.Id == command.ItemId, cancellationToken)
                ?? throw new NotFoundException($"There is no agenda item {command.ItemId}.");

            var personId = command.PersonId ?? user.PersonId ?? throw new GovernanceException("Your account is not linked to a member, so you have no interests to declare here.");
            if (personId != user.PersonId && !user.CanRunMeetingsOf(item.Meeting.BodyId))
            {
                throw new ForbiddenException("Only the board secretary can record another member's declaration.");
            }

            var roll = await MeetingRoll.LoadAsync(db, item.MeetingId, cancellationToken);
            if (roll!.Members.All(member => member.PersonId != personId))
            {
                throw new GovernanceException($"Only members of {roll.BodyName} declare interests in its items.");
            }

            var now = clock.GetUtcNow();
            var declaration = item.Declare(personId, command.Interest, command.Action, now, user.Name);
            await db.SaveChangesAsync(cancellationToken);
            if (item.VoteState == VoteState.Open)
            {
                // The vote no longer counts; the trail keeps what it was and why it was set aside.
                var reason = $"Declared an interest: {declaration.Interest}";
                await db.Database.ExecuteSqlAsync(
                    $"""
                    WITH removed AS (DELETE FROM votes WHERE agenda_item_id = {item.Id} AND person_id = {personId} RETURNING choice)
                    INSERT INTO vote_events (agenda_item_id, person_id, choice, kind, at, recorded_by, by_show_of_hands, reason)
                    SELECT {item.Id}, {personId}, choice, {nameof(VoteEventKind.SetAside)}, {now}, {user.Name}, false, {reason}
                    FROM removed
                    """,
                    cancellationToken);
            }

            return Unit.Value;
        }
    }
}
