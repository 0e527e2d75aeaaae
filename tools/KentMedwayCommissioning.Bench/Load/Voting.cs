using System.Globalization;
using System.Net;
using KentMedwayCommissioning.Bench.Seeding;
using Npgsql;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// Signed-in members voting and changing their votes on one open item, each as fast as the app answers, each vote a
/// change from their last: first through the raw vote endpoint (/bench/vote, the yardstick: "raw vote"), then through
/// the item page ("vote"), each after its own uncounted warming (LoadOptions.Warming): the vote path is compiled only
/// when voting starts, and measured from its first second it read 319 votes a second, then 960 once warm (100,000
/// decisions). Afterwards every vote the app confirmed, warming included, is looked for in the database: a confirmed
/// vote that is not there is lost.
/// </summary>
public static class Voting
{
    public const string Raw = "raw vote";
    public const string App = "vote";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(HttpClient http, LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var (itemId, path) = await OpenItemAsync(dataSource, cancellationToken);
        var emails = await VoterEmailsAsync(dataSource, cancellationToken);

        var voters = new Voter[emails.Count];
        await Parallel.ForAsync(0, emails.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var session = new BrowserSession(http);
            await session.SignInAsync(emails[index].Email, token);
            voters[index] = new Voter(emails[index].PersonId, session, await session.FormTokenAsync(path, token));
        });
        log.WriteLine($"  {voters.Length} members signed in; voting on {path}");

        var raw = await TimedLoad.RunAsync(options.Size, Raw, voters.Length, options.Warming, options.Duration, async (worker, token) =>
        {
            var voter = voters[worker];
            var choice = voter.NextChoice();
            using var response = await voter.Session.SendAsync(HttpMethod.Post, $"/bench/vote/{itemId.ToString(CultureInfo.InvariantCulture)}", [new("choice", choice), new("__RequestVerificationToken", voter.FormToken)], token);
            var confirmed = response.StatusCode == HttpStatusCode.NoContent;
            if (confirmed)
            {
                voter.Confirmed(choice);
            }

            return confirmed;
        }, cancellationToken);

        var eventsBefore = await EventCountAsync(dataSource, itemId, cancellationToken);
        var confirmedBefore = voters.Sum(voter => voter.ConfirmedCount);
        var measurement = await TimedLoad.RunAsync(options.Size, App, voters.Length, options.Warming, options.Duration, async (worker, token) =>
        {
            var voter = voters[worker];
            var choice = voter.NextChoice();
            using var response = await voter.Session.SendAsync(HttpMethod.Post, $"{path}?handler=Vote", [new("choice", choice), new("__RequestVerificationToken", voter.FormToken)], token);
            // Confirmed: the app redirects back to the item, its confirmation in TempData.
            var confirmed = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == path;
            if (confirmed)
            {
                voter.Confirmed(choice);
            }

            return confirmed;
        }, cancellationToken);

        var confirmedVotes = voters.Sum(voter => voter.ConfirmedCount) - confirmedBefore;
        var recordedEvents = await EventCountAsync(dataSource, itemId, cancellationToken) - eventsBefore;
        var stored = await StoredChoicesAsync(dataSource, itemId, cancellationToken);
        var wrongFinalVotes = voters.Count(voter => voter.LastChoice is { } last && stored.GetValueOrDefault(voter.PersonId) != last);
        var lost = Math.Max(0, confirmedVotes - recordedEvents) + wrongFinalVotes;
        log.WriteLine($"  {confirmedVotes} votes confirmed, {recordedEvents} recorded in vote_events, {wrongFinalVotes} final votes differ from the database");
        return [raw with { Kind = "voting" }, measurement with { Kind = "voting", Value = lost }];
    }

    private static readonly string[] Choices = ["For", "Against", "Abstain"];

    private sealed class Voter(int personId, BrowserSession session, string formToken)
    {
        private long _confirmed;

        public int PersonId { get; } = personId;
        public BrowserSession Session { get; } = session;
        public string FormToken { get; } = formToken;
        public string? LastChoice { get; private set; }
        public long ConfirmedCount => Interlocked.Read(ref _confirmed);

        /// <summary>
        /// Always a change from the last confirmed vote: voting again the same way records nothing (by design), so
        /// every confirmed vote here must add exactly one event.
        /// </summary>
        public string NextChoice()
        {
            var others = Choices.Where(choice => choice != LastChoice).ToArray();
            return others[Random.Shared.Next(others.Length)];
        }

        /// <summary>A voter sends one vote at a time, so the last confirmed is the one the database must hold.</summary>
        public void Confirmed(string choice)
        {
            LastChoice = choice;
            Interlocked.Increment(ref _confirmed);
        }
    }

    private static async Task<(int ItemId, string Path)> OpenItemAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT i.id, i.meeting_id, i.number FROM agenda_items i
            JOIN meetings m ON m.id = i.meeting_id JOIN bodies b ON b.id = m.body_id
            WHERE b.slug = $1 AND i.vote_state = 'Open' ORDER BY i.id LIMIT 1
            """);
        command.Parameters.Add(new() { Value = BenchSeeder.VotingBodySlug });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt32(0), $"/meetings/{reader.GetInt32(1)}/items/{reader.GetInt32(2)}")
            : throw new InvalidOperationException("No open vote in the bench voting committee: was the database seeded by the bench?");
    }

    private static async Task<List<(int PersonId, string Email)>> VoterEmailsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT u.person_id, u.email FROM memberships s JOIN bodies b ON b.id = s.body_id JOIN users u ON u.person_id = s.person_id
            WHERE b.slug = $1 AND s.has_vote ORDER BY u.person_id
            """);
        command.Parameters.Add(new() { Value = BenchSeeder.VotingBodySlug });
        var voters = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            voters.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return voters;
    }

    private static async Task<long> EventCountAsync(NpgsqlDataSource dataSource, int itemId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM vote_events WHERE agenda_item_id = $1");
        command.Parameters.Add(new() { Value = itemId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<int, string>> StoredChoicesAsync(NpgsqlDataSource dataSource, int itemId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT person_id, choice FROM votes WHERE agenda_item_id = $1");
        command.Parameters.Add(new() { Value = itemId });
        var choices = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            choices[reader.GetInt32(0)] = reader.GetString(1);
        }

        return choices;
    }
}
