using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// What the board secretary does with an item's vote: open it, close it (the body's rule decides the outcome), record
/// the chair's casting vote on a tie, or record deferred, declined, noted or inquorate with a reason instead.
/// </summary>
public static class RunVote
{
    public enum Action
    {
        Open,
        Close,
    }

    public sealed record Command(int MeetingId, int ItemNumber, Action Action) : ICommand<string?>, IMeetingSecretaryCommand;

    /// <summary>
    /// Votes the secretary records from a show of hands, for members with no account or no device in the room. Each is
    /// held to the same rules as a vote from a device and marked in the item's trail as recorded by the secretary.
    /// </summary>
    public sealed record ShowOfHandsCommand(int MeetingId, int ItemNumber, IReadOnlyList<HandVote> Votes) : ICommand<int>, IMeetingSecretaryCommand;

    public sealed record HandVote(int PersonId, VoteChoice Choice);

    public sealed class ShowOfHandsValidator : AbstractValidator<ShowOfHandsCommand>
    {
        public ShowOfHandsValidator()
        {
            RuleFor(command => command.Votes)
                .NotEmpty().WithMessage("Choose how at least one member voted")
                .Must(votes => votes.Select(vote => vote.PersonId).Distinct().Count() == votes.Count).WithMessage("Record each member's vote once");
            RuleForEach(command => command.Votes).ChildRules(vote => vote.RuleFor(hand => hand.Choice).IsInEnum().WithMessage("Choose For, Against or Abstain"));
        }
    }

    public sealed record CastingVoteCommand(int MeetingId, int ItemNumber, VoteChoice? Choice) : ICommand<string>, IMeetingSecretaryCommand;

    public sealed record RecordOutcomeCommand(int MeetingId, int ItemNumber, Outcome? Outcome, string Reason) : ICommand<string>, IMeetingSecretaryCommand;

    public sealed class CastingVoteValidator : AbstractValidator<CastingVoteCommand>
    {
        public CastingVoteValidator() =>
            RuleFor(command => command.Choice)
                .Must(choice => choice is VoteChoice.For or VoteChoice.Against)
                .WithMessage("The casting vote is for or against");
    }

    public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
    {
        public RecordOutcomeValidator()
        {
            RuleFor(command => command.Outcome)
                .NotNull().WithMessage("Choose an outcome")
                .Must(outcome => outcome is null || AgendaItem.AnyOutcomeWithoutAVote.Contains(outcome.Value))
                .WithMessage("Choose deferred, declined, noted or inquorate");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Give the reason, as it will appear in the minutes")
                // The minute reads "Deferred: <reason>" and must fit its 2,000 characters.
                .MaximumLength(1900).WithMessage("The reason must be 1,900 characters or fewer");
        }
    }

    /// <summary>Opening or closing: the answer is the outcome in words once decided, else null.</summary>
    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken cancellationToken)
        {
            var (item, roll) = await LockItemAsync(db, command.MeetingId, command.ItemNumber, cancellationToken);
            var quorum = roll.ItemQuorum(item.Declarations.Select(declaration => declaration.PersonId).ToList());
            string? outcome = null;
            if (command.Action == Action.Open)
            {
                item.OpenVote(quorum, clock.GetUtcNow());
            }
            else
            {
                var choices = await db.Votes.Where(vote => vote.AgendaItemId == item.Id).Select(vote => vote.Choice).ToListAsync(cancellationToken);
                outcome = item.CloseVote(roll.Rule, Tally.Of(choices), quorum, clock.GetUtcNow()).Explanation;
            }

            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
    }

    /// <summary>The answer is how many votes were recorded or changed.</summary>
    internal sealed class ShowOfHandsHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<ShowOfHandsCommand, int>
    {
        public async ValueTask<int> Handle(ShowOfHandsCommand command, CancellationToken cancellationToken)
        {
            var (item, roll) = await LockItemAsync(db, command.MeetingId, command.ItemNumber, cancellationToken);
            if (item.VoteState != VoteState.Open)
            {
                throw new GovernanceException("The vote on this item is not open, so no votes can be recorded.");
            }

            var withdrawn = item.Declarations.Select(declaration => declaration.PersonId).ToList();
            var quorum = roll.ItemQuorum(withdrawn);
            if (!quorum.IsQuorate)
            {
                throw new GovernanceException($"{quorum.Summary}. Close the vote: it is recorded as inquorate.");
            }

            if (command.Votes.Select(vote => roll.WhyNotByShowOfHands(vote.PersonId, withdrawn)).FirstOrDefault(reason => reason is not null) is { } refusal)
            {
                throw new GovernanceException(refusal);
            }

            // The item's lock is held (FOR UPDATE), so no declaration can arrive between the check above and these writes.
            var now = clock.GetUtcNow();
            var recorded = 0;
            foreach (var vote in command.Votes)
            {
                recorded += await CastVote.WriteAsync(db, command.MeetingId, command.ItemNumber, vote.PersonId, vote.Choice, now, user.Name, byShowOfHands: true, cancellationToken)
                    is { Written: CastVote.Written.Cast or CastVote.Written.Changed } ? 1 : 0;
            }

            return recorded;
        }
    }

    internal sealed class CastingVoteHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CastingVoteCommand, string>
    {
        public async ValueTask<string> Handle(CastingVoteCommand command, CancellationToken cancellationToken)
        {
            var (item, roll) = await LockItemAsync(db, command.MeetingId, command.ItemNumber, cancellationToken);
            var chair = roll.ChairPersonId ?? throw new GovernanceException($"{roll.BodyName} has no chair recorded to give a casting vote: record the outcome instead.");
            var withdrawn = item.Declarations.Select(declaration => declaration.PersonId).ToList();
            if (roll.WhyNotEligible(chair, withdrawn) is not null)
            {
                throw new GovernanceException("The chair is not present, or has withdrawn from this item, so cannot give a casting vote: record the outcome instead.");
            }

            var quorum = roll.ItemQuorum(withdrawn);
            var result = item.RecordCastingVote(roll.Rule, command.Choice!.Value, chair, quorum, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return result.Explanation;
        }
    }

    internal sealed class RecordOutcomeHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordOutcomeCommand, string>
    {
        public async ValueTask<string> Handle(RecordOutcomeCommand command, CancellationToken cancellationToken)
        {
            var (item, roll) = await LockItemAsync(db, command.MeetingId, command.ItemNumber, cancellationToken);
            var quorum = roll.ItemQuorum(item.Declarations.Select(declaration => declaration.PersonId).ToList());
            item.RecordOutcome(command.Outcome!.Value, command.Reason, quorum, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return item.OutcomeExplanation!;
        }
    }

    /// <summary>
    /// Takes the meeting's lock and then the item's row lock (FOR UPDATE, which waits for votes being written), and
    /// loads the item to change.
    /// </summary>
    private static async Task<(AgendaItem Item, MeetingRoll Roll)> LockItemAsync(AppDbContext db, int meetingId, int number, CancellationToken cancellationToken)
    {
        await RunMeeting.LockAsync(db, meetingId, cancellationToken);
        var locked = await db.Database
            .SqlQuery<int>($"SELECT id AS \"Value\" FROM agenda_items WHERE meeting_id = {meetingId} AND number = {number} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            throw new NotFoundException($"Meeting {meetingId} has no item {number}.");
        }

        var item = await db.AgendaItems
            .Include(candidate => candidate.Meeting)
            .Include(candidate => candidate.Declarations)
            .SingleAsync(candidate => candidate.Id == locked[0], cancellationToken);
        var roll = await MeetingRoll.LoadAsync(db, meetingId, cancellationToken) ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        return (item, roll);
    }
}
