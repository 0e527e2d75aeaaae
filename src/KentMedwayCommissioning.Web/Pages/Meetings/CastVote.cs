using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// How a vote is recorded. A member votes For, Against or Abstain on an item whose vote is open; voting again changes
/// the vote. Every cast and change is appended to vote_events, in the command's transaction (AuditedTransactionBehaviour),
/// and that row is the vote's audit entry (ISelfAuditedCommand): the account that sent it, when, the choice, and
/// whether it was cast or changed from the member's previous event. The audit log page shows them beside the entries.
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
    public sealed record Command(int ItemId, VoteChoice Choice) : ICommand<Result>, ISelfAuditedCommand;

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
            // One round trip locks the item and reads the voter's standing: their seat on the body on the day of the
            // meeting in Kent (a person with several seats votes if any of them does, as VotingEligibility.Combine says),
            // their attendance and any declaration; VotingEligibility decides.
            var personId = user.PersonId ?? 0;
            var item = (await db.Database
                    .SqlQuery<LockedItem>(
                        $"""
                        SELECT i.vote_state, b.name AS body_name, seat.has_vote,
                               (a.status = 'Present' AND a.left_at IS NULL) AS is_present,
                               EXISTS (SELECT 1 FROM declarations d WHERE d.agenda_item_id = i.id AND d.person_id = {personId}) AS is_withdrawn
                        FROM agenda_items i
                        JOIN meetings m ON m.id = i.meeting_id
                        JOIN bodies b ON b.id = m.body_id
                        CROSS JOIN LATERAL (
                            SELECT bool_or(s.has_vote) AS has_vote FROM memberships s
                            WHERE s.body_id = m.body_id AND s.person_id = {personId}
                              AND (s.from_date IS NULL OR s.from_date <= (m.starts_at AT TIME ZONE {UkCalendar.ZoneId})::date)
                              AND (s.to_date IS NULL OR s.to_date >= (m.starts_at AT TIME ZONE {UkCalendar.ZoneId})::date)) seat
                        LEFT JOIN attendances a ON a.meeting_id = m.id AND a.person_id = {personId}
                        WHERE i.id = {command.ItemId}
                        FOR SHARE OF i
                        """)
                    .ToListAsync(cancellationToken))
                .SingleOrDefault() ?? throw new NotFoundException($"There is no agenda item {command.ItemId}.");
            if (item.VoteState != nameof(VoteState.Open))
            {
                throw new GovernanceException(item.VoteState == nameof(VoteState.Closed)
                    ? "The vote on this item has closed. Your vote was not counted."
                    : "The vote on this item has not opened yet.");
            }

            var standing = item.HasVote is { } hasVote ? new VotingEligibility.Standing(hasVote, item.IsPresent == true, item.IsWithdrawn) : null;
            if (VotingEligibility.WhyNot(item.BodyName, user.PersonId is null ? null : standing) is { } refusal)
            {
                throw new GovernanceException(refusal);
            }

            var written = await WriteAsync(db, command.ItemId, personId, command.Choice, clock.GetUtcNow(), user.Name, byShowOfHands: false, cancellationToken);
            if (written == Written.Withdrawn)
            {
                throw new GovernanceException(VotingEligibility.WhyNot(item.BodyName, standing! with { IsWithdrawn = true })!);
            }

            return new Result(command.Choice, WasChange: written == Written.Changed);
        }

        private sealed record LockedItem(string VoteState, string BodyName, bool? HasVote, bool? IsPresent, bool IsWithdrawn);
    }

    /// <summary>What writing a vote did.</summary>
    internal enum Written
    {
        /// <summary>The same vote again: nothing changed and nothing is recorded.</summary>
        Unchanged,
        Cast,
        Changed,

        /// <summary>A declaration committed while the vote waited for the item's lock: nothing is written.</summary>
        Withdrawn,
    }

    /// <summary>
    /// The vote and its event in one statement; the caller has checked that the person may vote. Voting again the same
    /// way changes nothing and records nothing, so a request repeated after a lost answer (a retry, a double click) is
    /// harmless.
    /// </summary>
    /// <remarks>
    /// The statement looks for a declaration again: the caller's check ran before it held the item's lock, and a
    /// declaration made while it waited (DeclareInterest holds the lock) is visible only to a later statement.
    /// </remarks>
    internal static async Task<Written> WriteAsync(
        AppDbContext db, int itemId, int personId, VoteChoice choice, DateTimeOffset now, string recordedBy, bool byShowOfHands, CancellationToken cancellationToken)
    {
        var name = choice.ToString();
        var written = await db.Database
            .SqlQuery<string>(
                $"""
                WITH withdrawn AS (
                    SELECT EXISTS (SELECT 1 FROM declarations WHERE agenda_item_id = {itemId} AND person_id = {personId}) AS yes),
                vote AS (
                    INSERT INTO votes (agenda_item_id, person_id, choice, cast_at)
                    SELECT {itemId}, {personId}, {name}, {now} FROM withdrawn WHERE NOT withdrawn.yes
                    ON CONFLICT (agenda_item_id, person_id)
                    DO UPDATE SET choice = EXCLUDED.choice, changed_at = EXCLUDED.cast_at
                    WHERE votes.choice IS DISTINCT FROM EXCLUDED.choice
                    RETURNING (xmax = 0) AS inserted),
                recorded AS (
                    INSERT INTO vote_events (agenda_item_id, person_id, choice, kind, at, recorded_by, by_show_of_hands)
                    SELECT {itemId}, {personId}, {name},
                           CASE WHEN inserted THEN {nameof(VoteEventKind.Cast)} ELSE {nameof(VoteEventKind.Changed)} END, {now}, {recordedBy}, {byShowOfHands}
                    FROM vote
                    RETURNING kind)
                SELECT CASE WHEN withdrawn.yes THEN {nameof(Written.Withdrawn)}
                            ELSE COALESCE((SELECT kind FROM recorded), {nameof(Written.Unchanged)}) END AS "Value"
                FROM withdrawn
                """)
            .ToListAsync(cancellationToken);
        return Enum.Parse<Written>(written.Single());
    }
}
