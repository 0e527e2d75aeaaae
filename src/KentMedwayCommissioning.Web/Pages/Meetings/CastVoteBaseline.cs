using System.Globalization;
using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Npgsql;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// The benchmark's yardstick for voting, <c>POST /bench/vote/{itemId}</c>: the same cookie sign-in and antiforgery check
/// as the item page's vote, then the vote's upsert and its vote_events row in one raw statement, with no rule checked,
/// no mediator, no EF Core and no audit. scripts/bench.sh reports votes per second as a ratio to it. Mapped only with
/// <c>Benchmark__Baseline=true</c>, beside the register's baselines (Decisions/RegisterBaseline).
/// </summary>
public static class CastVoteBaseline
{
    public const string Path = "/bench/vote/{itemId:int}";

    private const string Sql =
        """
        WITH vote AS (
            INSERT INTO votes (agenda_item_id, person_id, choice, cast_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (agenda_item_id, person_id) DO UPDATE SET choice = EXCLUDED.choice, changed_at = EXCLUDED.cast_at
            WHERE votes.choice IS DISTINCT FROM EXCLUDED.choice
            RETURNING (xmax = 0) AS inserted)
        INSERT INTO vote_events (agenda_item_id, person_id, choice, kind, at, recorded_by, by_show_of_hands)
        SELECT $1, $2, $3, CASE WHEN inserted THEN 'Cast' ELSE 'Changed' END, $4, $5, false FROM vote
        """;

    private static readonly string[] Choices = ["For", "Against", "Abstain"];

    public static void MapCastVoteBaseline(this WebApplication app, NpgsqlDataSource dataSource) =>
        app.MapPost(Path, async (int itemId, HttpContext http, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync(cancellationToken);
            if (!int.TryParse(http.User.FindFirst(AppClaimsPrincipalFactory.PersonId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
                || form["choice"].ToString() is var choice && !Choices.Contains(choice))
            {
                return Results.BadRequest();
            }

            await using var command = dataSource.CreateCommand(Sql);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = itemId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = personId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = choice });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = http.User.Identity?.Name ?? "" });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return Results.NoContent();
        }).RequireAuthorization();
}
