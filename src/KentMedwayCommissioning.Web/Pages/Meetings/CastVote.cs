using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// How a vote is recorded. A member votes For, Against or Abstain on an item whose vote is open; voting again changes
/// the vote. Every cast and change is appended to vote_events.
/// </summary>
/// <remarks>
/// Concurrency: the handler holds a FOR SHARE lock on the item row while it writes, and closing a vote takes FOR UPDATE
/// on the same row, so a vote either lands before the close (and is counted) or waits and then sees the vote closed
/// (and is refused) - never half. Votes from many members share the lock and do not queue behind one another. The
/// unique (agenda_item_id, person_id) index and INSERT ... ON CONFLICT leave exactly one vote when the same member
/// submits twice at once.
/// </remarks>
public static class CastVote
{
    public sealed record Command(int ItemId, VoteChoice Choice) : ICommand<Result>;

    public sealed record Result(VoteChoice Choice, bool WasChange);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.ItemId).GreaterThan(0);
            RuleFor(command => command.Choice).IsInEnum().WithMessage("Choose For, Against or Abstain");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            var item = (await db.Database
                    .SqlQuery<LockedItem>($"SELECT meeting_id, vote_state FROM agenda_items WHERE id = {command.ItemId} FOR SHARE")
                    .ToListAsync(cancellationToken))
                .SingleOrDefault() ?? throw new NotFoundException($"There is no agenda item {command.ItemId}.");
            if (item.VoteState != nameof(VoteState.Open))
            {
                throw new GovernanceException(item.VoteState == nameof(VoteState.Closed)
                    ? "The vote on this item has closed. Your vote was not counted."
                    : "The vote on this item has not opened yet.");
            }

            var roll = await MeetingRoll.LoadSeatAsync(db, item.MeetingId, user.PersonId, cancellationToken)
                ?? throw new NotFoundException($"There is no meeting {item.MeetingId}.");
            var withdrawn = await db.Declarations
                .Where(declaration => declaration.AgendaItemId == command.ItemId && declaration.PersonId == user.PersonId)
                .Select(declaration => declaration.PersonId)
                .ToListAsync(cancellationToken);
            if (roll.WhyNotEligible(user.PersonId, withdrawn) is { } refusal)
            {
                throw new GovernanceException(refusal);
            }

            var personId = user.PersonId!.Value;
            var now = clock.GetUtcNow();
            var choice = command.Choice.ToString();
            var inserted = (await db.Database
                    .SqlQuery<bool>(
                        $"""
                        INSERT INTO votes (agenda_item_id, person_id, choice, cast_at)
                        VALUES ({command.ItemId}, {personId}, {choice}, {now})
                        ON CONFLICT (agenda_item_id, person_id)
                        DO UPDATE SET choice = EXCLUDED.choice, changed_at = EXCLUDED.cast_at
                        RETURNING (xmax = 0) AS "Value"
                        """)
                    .ToListAsync(cancellationToken))
                .Single();
            var kind = (inserted ? VoteEventKind.Cast : VoteEventKind.Changed).ToString();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO vote_events (agenda_item_id, person_id, choice, kind, at, recorded_by)
                VALUES ({command.ItemId}, {personId}, {choice}, {kind}, {now}, {user.Name})
                """,
                cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return new Result(command.Choice, !inserted);
        }

        private sealed record LockedItem(int MeetingId, string VoteState);
    }
}
