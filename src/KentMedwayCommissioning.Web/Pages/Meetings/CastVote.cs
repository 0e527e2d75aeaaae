using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// How a vote is recorded. A member votes For, Against or Abstain on an item whose vote is open; voting again changes
/// the vote. Every cast and change is appended to vote_events in the same implicit transaction as the vote, and that row
/// is the vote's audit entry (ISelfAuditedCommand): the account that sent it, when, the choice, and whether it was cast
/// or changed from the member's previous event. The audit log page shows them beside the entries.
/// </summary>
/// <remarks>
/// One round trip (IOneRoundTripCommand): a batch of two statements that PostgreSQL runs as one implicit transaction.
/// The first takes a FOR SHARE lock on the item row; closing a vote and declaring an interest take FOR UPDATE on it, so a
/// vote either lands before the close (and is counted) or waits and then sees the vote closed (and is refused), never
/// half. The second statement starts after the lock is held, so its snapshot sees a declaration or a close committed
/// while the first waited; it reads the voter's standing and writes the vote only when VotingEligibility would allow it.
/// Votes from many members share the lock and do not queue behind one another. The unique (agenda_item_id, person_id)
/// index and INSERT ... ON CONFLICT leave exactly one vote when the same member submits twice at once.
/// </remarks>
public static class CastVote
{
    public sealed record Command(int MeetingId, int ItemNumber, VoteChoice Choice) : ICommand<Result>, IOneRoundTripCommand;

    public sealed record Result(VoteChoice Choice, bool WasChange);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.MeetingId).GreaterThan(0);
            RuleFor(command => command.ItemNumber).GreaterThan(0);
            RuleFor(command => command.Choice).IsInEnum().WithMessage("Choose For, Against or Abstain");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = user.PersonId;
            var outcome = await WriteAsync(db, command.MeetingId, command.ItemNumber, person ?? 0, command.Choice, clock.GetUtcNow(), user.Name, byShowOfHands: false, cancellationToken)
                ?? throw new NotFoundException($"There is no item {command.ItemNumber} on meeting {command.MeetingId}.");
            if (outcome.VoteState != VoteState.Open)
            {
                throw new GovernanceException(outcome.VoteState == VoteState.Closed
                    ? "The vote on this item has closed. Your vote was not counted."
                    : "The vote on this item has not opened yet.");
            }

            if (VotingEligibility.WhyNot(outcome.BodyName, person is null ? null : outcome.Standing) is { } refusal)
            {
                throw new GovernanceException(refusal);
            }

            return new Result(command.Choice, WasChange: outcome.Written == Written.Changed);
        }
    }

    /// <summary>What writing a vote did.</summary>
    internal enum Written
    {
        /// <summary>Nothing: the same vote again (harmless, so a repeated request is safe), or the voter may not vote.</summary>
        Nothing,
        Cast,
        Changed,
    }

    /// <param name="Standing">The voter's standing as the write saw it; null when they hold no seat on the body that day.</param>
    internal sealed record Outcome(VoteState VoteState, string BodyName, VotingEligibility.Standing? Standing, Written Written);

    /// <summary>
    /// Writes <paramref name="personId"/>'s vote and its event on an item, if its vote is open and the person may vote,
    /// in one batch (one round trip) that locks the item first; null when there is no such item. Inside a transaction
    /// (a show of hands) the batch joins it; on its own it is one implicit transaction.
    /// </summary>
    internal static async Task<Outcome?> WriteAsync(
        AppDbContext db, int meetingId, int itemNumber, int personId, VoteChoice choice, DateTimeOffset now, string recordedBy, bool byShowOfHands, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                BatchCommands = { new NpgsqlBatchCommand(LockSql), new NpgsqlBatchCommand(WriteSql) },
            };
            batch.BatchCommands[0].Parameters.Add(new NpgsqlParameter<int> { TypedValue = meetingId });
            batch.BatchCommands[0].Parameters.Add(new NpgsqlParameter<int> { TypedValue = itemNumber });
            var write = batch.BatchCommands[1].Parameters;
            write.Add(new NpgsqlParameter<int> { TypedValue = meetingId });
            write.Add(new NpgsqlParameter<int> { TypedValue = itemNumber });
            write.Add(new NpgsqlParameter<int> { TypedValue = personId });
            write.Add(new NpgsqlParameter<string> { TypedValue = choice.ToString() });
            write.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            write.Add(new NpgsqlParameter<string> { TypedValue = recordedBy });
            write.Add(new NpgsqlParameter<bool> { TypedValue = byShowOfHands });
            write.Add(new NpgsqlParameter<string> { TypedValue = UkCalendar.ZoneId });

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var standing = reader.IsDBNull(2)
                ? null
                : new VotingEligibility.Standing(reader.GetBoolean(2), !reader.IsDBNull(3) && reader.GetBoolean(3), reader.GetBoolean(4));
            var outcome = new Outcome(
                Enum.Parse<VoteState>(reader.GetString(0)),
                reader.GetString(1),
                standing,
                reader.IsDBNull(6) ? Written.Nothing : Enum.Parse<Written>(reader.GetString(6)));
            // The statement restates VotingEligibility so that the vote is one round trip; if they ever disagree, stop.
            if (reader.GetBoolean(5) != (outcome.VoteState == VoteState.Open && VotingEligibility.WhyNot(outcome.BodyName, standing) is null))
            {
                throw new InvalidOperationException($"The vote statement and VotingEligibility disagree on person {personId}'s standing: {standing}.");
            }

            return outcome;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string LockSql = "SELECT 1 FROM agenda_items WHERE meeting_id = $1 AND number = $2 FOR SHARE";

    /// <remarks>
    /// The voter's seat is read as of the meeting's day in Kent (Dated.HeldOn's rule: from and to inclusive, null open);
    /// a person with several seats votes if any of them does (VotingEligibility.Combine). may_vote is VotingEligibility's
    /// rule: a voting seat, present and not left, not withdrawn.
    /// </remarks>
    private const string WriteSql =
        """
        WITH standing AS (
            SELECT i.id, i.vote_state, b.name AS body_name, seat.has_vote,
                   (a.status = 'Present' AND a.left_at IS NULL) AS is_present,
                   EXISTS (SELECT 1 FROM declarations d WHERE d.agenda_item_id = i.id AND d.person_id = $3) AS is_withdrawn
            FROM agenda_items i
            JOIN meetings m ON m.id = i.meeting_id
            JOIN bodies b ON b.id = m.body_id
            CROSS JOIN LATERAL (
                SELECT bool_or(s.has_vote) AS has_vote FROM memberships s
                WHERE s.body_id = m.body_id AND s.person_id = $3
                  AND (s.from_date IS NULL OR s.from_date <= (m.starts_at AT TIME ZONE $8)::date)
                  AND (s.to_date IS NULL OR s.to_date >= (m.starts_at AT TIME ZONE $8)::date)) seat
            LEFT JOIN attendances a ON a.meeting_id = m.id AND a.person_id = $3
            WHERE i.meeting_id = $1 AND i.number = $2),
        decided AS (
            SELECT standing.*, (vote_state = 'Open' AND COALESCE(has_vote, false) AND COALESCE(is_present, false) AND NOT is_withdrawn) AS may_vote
            FROM standing),
        vote AS (
            INSERT INTO votes (agenda_item_id, person_id, choice, cast_at)
            SELECT id, $3, $4, $5 FROM decided WHERE may_vote
            ON CONFLICT (agenda_item_id, person_id)
            DO UPDATE SET choice = EXCLUDED.choice, changed_at = EXCLUDED.cast_at
            WHERE votes.choice IS DISTINCT FROM EXCLUDED.choice
            RETURNING agenda_item_id, (xmax = 0) AS inserted),
        recorded AS (
            INSERT INTO vote_events (agenda_item_id, person_id, choice, kind, at, recorded_by, by_show_of_hands)
            SELECT agenda_item_id, $3, $4, CASE WHEN inserted THEN 'Cast' ELSE 'Changed' END, $5, $6, $7
            FROM vote
            RETURNING kind)
        SELECT vote_state, body_name, has_vote, is_present, is_withdrawn, may_vote, (SELECT kind FROM recorded)
        FROM decided
        """;
}
