using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KentMedwayCommissioning.Transparency;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace KentMedwayCommissioning.Bench.Seeding;

/// <summary>
/// Fills an empty database with a register at the given scale, through PostgreSQL's binary COPY: bodies and their
/// members (each with an account that can sign in), closed meetings with their decided items and named votes, every
/// decided item published in one SHA-256 chain built by the app's own <see cref="PublishedDecision"/>, and one
/// committee with a vote open for the voting benchmark. What to write is planned by <see cref="BenchPlan"/>; this class
/// only writes it. Deterministic: the same scale gives the same data.
/// </summary>
public static class BenchSeeder
{
    /// <summary>Every bench account's password.</summary>
    public const string Password = "Kent-Medway-bench-2018";

    /// <summary>
    /// Every bench account's authenticator key (base32, 20 bytes), as ASP.NET Identity stores it, so the load client can
    /// compute the TOTP codes a two-factor sign-in asks for.
    /// </summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>The committee whose open vote the load client's members vote on.</summary>
    public const string VotingBodySlug = "bench-voting-committee";

    public static string Email(int personId) => $"member{personId:00000}@bench.kmc.example";

    public static async Task SeedAsync(string connectionString, BenchScale scale, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // No time limit: finishing a COPY of ten million vote rows, with its indexes, takes minutes at the largest sizes.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM bodies", cancellationToken) > 0)
        {
            throw new InvalidOperationException("The database already holds bodies: the bench seeds an empty database only.");
        }

        var json = StoredVotes.From(options);
        var random = new Random(20180205);
        var people = BenchPlan.Names(scale, random);

        var memberRoleId = await SeedRolesAsync(connection, cancellationToken);
        await CopyBodiesAsync(connection, scale, cancellationToken);
        await CopyPeopleAsync(connection, people, cancellationToken);
        await CopyMembershipsAsync(connection, scale, cancellationToken);
        await CopyAccountsAsync(connection, people, memberRoleId, cancellationToken);
        log.WriteLine($"  bodies, {people.Count} members and their accounts: {clock.Elapsed.TotalSeconds:0.0}s");

        var meetings = BenchPlan.Meetings(scale);
        await CopyMeetingsAsync(connection, meetings, cancellationToken);
        var items = BenchPlan.Items(scale, meetings, random);
        await CopyItemsAsync(connection, items, cancellationToken);
        await CopyOpenVoteAsync(connection, scale, cancellationToken);
        var votes = await CopyVotesAsync(connection, items, meetings, cancellationToken);
        log.WriteLine($"  {meetings.Count} meetings, {items.Count} items, {votes} votes: {clock.Elapsed.TotalSeconds:0.0}s");

        var head = await CopyPublishedDecisionsAsync(connection, scale, meetings, items, people, json, cancellationToken);
        await ResetIdentitiesAsync(connection, cancellationToken);
        // VACUUM too: it moves the rows just copied out of the GIN index's pending list, which every search would scan.
        await ExecuteAsync(connection, "VACUUM ANALYZE", cancellationToken);
        // And write out now what the load left dirty, which the checkpointer would otherwise write while the app starts
        // and is measured.
        await ExecuteAsync(connection, "CHECKPOINT", cancellationToken);
        log.WriteLine($"  {items.Count} published decisions, chain head {head[..12]}: {clock.Elapsed.TotalSeconds:0.0}s");
    }

    private static async Task<string> SeedRolesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES ($1, $2, $3, $4) ON CONFLICT (normalized_name) DO NOTHING", connection)
            {
                Parameters = { new() { Value = Guid.NewGuid().ToString() }, new() { Value = role }, new() { Value = role.ToUpperInvariant() }, new() { Value = Guid.NewGuid().ToString() } },
            };
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ScalarAsync<string>(connection, $"SELECT id FROM roles WHERE normalized_name = '{Roles.Member.ToUpperInvariant()}'", cancellationToken);
    }

    private static async Task CopyBodiesAsync(NpgsqlConnection connection, BenchScale scale, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY bodies (id, name, slug, kind, description, meets_in_public, chair_has_casting_vote, majority_threshold, quorum_fraction,
                         quorum_requires_clinical_member, quorum_requires_lay_member, withdrawn_members_count_towards_quorum)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var id = 1; id <= scale.Bodies + 1; id++)
        {
            var isVotingBody = id == scale.Bodies + 1;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(isVotingBody ? "Bench voting committee" : BenchPlan.BodyName(id), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(isVotingBody ? VotingBodySlug : BenchPlan.BodySlug(id), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(nameof(BodyKind.ClinicalCommissioningGroup), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync("Generated for the benchmark (scripts/bench.sh).", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(0.5m, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(0.5m, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyPeopleAsync(NpgsqlConnection connection, List<string> people, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY people (id, full_name, slug, is_fictional) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var index = 0; index < people.Count; index++)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(index + 1, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(people[index], NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync($"{Slug.From(people[index])}-{index + 1}", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Body b seats members (b-1)*n+1 to b*n; the voting committee seats the first <see cref="BenchScale.Voters"/> members as well.</summary>
    private static async Task CopyMembershipsAsync(NpgsqlConnection connection, BenchScale scale, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY memberships (body_id, person_id, role, background, has_vote) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var personId = 1; personId <= scale.Members; personId++)
        {
            var bodyId = ((personId - 1) / scale.MembersPerBody) + 1;
            await WriteSeatAsync(copy, bodyId, personId, BenchPlan.Seat((personId - 1) % scale.MembersPerBody), cancellationToken);
        }

        for (var personId = 1; personId <= scale.Voters; personId++)
        {
            var seat = personId == 1 ? (MemberRole.Chair, MemberBackground.Clinical)
                : personId % 3 == 0 ? (MemberRole.LayMember, MemberBackground.Lay)
                : (MemberRole.GpMember, MemberBackground.Clinical);
            await WriteSeatAsync(copy, scale.Bodies + 1, personId, seat, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);

        static async Task WriteSeatAsync(NpgsqlBinaryImporter copy, int bodyId, int personId, (MemberRole Role, MemberBackground Background) seat, CancellationToken cancellationToken)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(bodyId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(personId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(seat.Role.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(seat.Background.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
        }
    }

    /// <summary>An account per member, with the Member role and an authenticator key. The password is hashed once for all.</summary>
    private static async Task CopyAccountsAsync(NpgsqlConnection connection, List<string> people, string memberRoleId, CancellationToken cancellationToken)
    {
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { DisplayName = "bench" }, Password);
        var userIds = Enumerable.Range(1, people.Count).Select(personId => $"bench-{personId:00000}").ToList();

        await using (var copy = await connection.BeginBinaryImportAsync(
                         """
                         COPY users (id, display_name, person_id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
                                     security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                         FROM STDIN (FORMAT BINARY)
                         """, cancellationToken))
        {
            for (var index = 0; index < people.Count; index++)
            {
                var email = Email(index + 1);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(userIds[index], NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(people[index], NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(index + 1, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(email, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(email, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(passwordHash, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                // Two-factor on, as Production requires of anyone who votes: the load client signs in with a code.
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var userId in userIds)
            {
                await copy.WriteRowAsync(cancellationToken, userId, memberRoleId);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // Where ASP.NET Identity's UserManager.GetAuthenticatorKeyAsync looks for the key.
        await using (var copy = await connection.BeginBinaryImportAsync("COPY user_tokens (user_id, login_provider, name, value) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var userId in userIds)
            {
                await copy.WriteRowAsync(cancellationToken, userId, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    private static async Task CopyMeetingsAsync(NpgsqlConnection connection, List<PlannedMeeting> meetings, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY meetings (id, body_id, title, starts_at, place, is_fictional, status) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var meeting in meetings)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(meeting.Id, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(meeting.BodyId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(meeting.Title, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(meeting.StartsAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync("Council chamber", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(nameof(MeetingStatus.Closed), NpgsqlDbType.Varchar, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyItemsAsync(NpgsqlConnection connection, List<PlannedItem> items, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY agenda_items (id, meeting_id, number, title, kind, part, question, vote_state, decided_at, outcome, outcome_explanation,
                               votes_for, votes_against, abstentions)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var item in items)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(item.Id, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(item.MeetingId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(item.Number, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(item.Title, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(nameof(AgendaItemKind.ForDecision), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(nameof(MeetingPart.Public), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(item.Question, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync((item.WasVotedOn ? VoteState.Closed : VoteState.NotOpened).ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(BenchPlan.FirstMeeting, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(item.Outcome.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(Explanation(item), NpgsqlDbType.Varchar, cancellationToken);
            await WriteCountAsync(copy, item.WasVotedOn ? item.For : null, cancellationToken);
            await WriteCountAsync(copy, item.WasVotedOn ? item.Against : null, cancellationToken);
            await WriteCountAsync(copy, item.WasVotedOn ? item.Abstain : null, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The committee's meeting in progress, every member present, and one item whose vote is open.</summary>
    private static async Task CopyOpenVoteAsync(NpgsqlConnection connection, BenchScale scale, CancellationToken cancellationToken)
    {
        var meetingId = scale.Meetings + 1;
        var now = DateTime.UtcNow;
        await using (var batch = new NpgsqlBatch(connection)
                     {
                         BatchCommands =
                         {
                             new NpgsqlBatchCommand(
                                 "INSERT INTO meetings (id, body_id, title, starts_at, place, is_fictional, status) VALUES ($1, $2, 'Bench voting meeting', $3, 'Online', true, 'InProgress')")
                             {
                                 Parameters = { new() { Value = meetingId }, new() { Value = scale.Bodies + 1 }, new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
                             },
                             new NpgsqlBatchCommand(
                                 """
                                 INSERT INTO agenda_items (id, meeting_id, number, title, kind, part, question, vote_state, vote_opened_at)
                                 VALUES ($1, $2, 1, 'Adopt the benchmark motion', 'ForDecision', 'Public', 'Does the committee adopt the motion?', 'Open', $3)
                                 """)
                             {
                                 Parameters = { new() { Value = scale.Decisions + 1 }, new() { Value = meetingId }, new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
                             },
                         },
                     })
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var copy = await connection.BeginBinaryImportAsync("COPY attendances (meeting_id, person_id, status) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var personId = 1; personId <= scale.Voters; personId++)
        {
            await copy.WriteRowAsync(cancellationToken, meetingId, personId, nameof(AttendanceStatus.Present));
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<long> CopyVotesAsync(NpgsqlConnection connection, List<PlannedItem> items, List<PlannedMeeting> meetings, CancellationToken cancellationToken)
    {
        long count = 0;
        await using var copy = await connection.BeginBinaryImportAsync("COPY votes (agenda_item_id, person_id, choice, cast_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var item in items)
        {
            var castAt = meetings[item.MeetingId - 1].StartsAt.AddMinutes(item.Number * 10);
            foreach (var (personId, choice) in item.Votes)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(item.Id, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(personId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(choice.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(castAt, NpgsqlDbType.TimestampTz, cancellationToken);
                count++;
            }
        }

        await copy.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Publishes every item in meeting order, chaining each entry to the one before, and stores the register's Merkle
    /// tree over them as the app keeps it (so the app starts with nothing to catch up); returns the head hash.
    /// </summary>
    private static async Task<string> CopyPublishedDecisionsAsync(
        NpgsqlConnection connection, BenchScale scale, List<PlannedMeeting> meetings, List<PlannedItem> items, List<string> people, StoredVotes json, CancellationToken cancellationToken)
    {
        var previous = PublishedDecision.GenesisHash;
        var tree = new TreeAppender([]);
        var nodes = new List<(TreeNode Node, byte[] Hash)>();
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY published_decisions (sequence, body_name, body_slug, agenda_item_id, meeting_title, meeting_date, item_title, question, outcome,
                                      explanation, votes_for, votes_against, abstentions, published_at, previous_hash, hash, declarations, votes, canonical_version)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var item in items)
        {
            var meeting = meetings[item.MeetingId - 1];
            var votes = item.Votes
                .Select(vote => new PublishedVote(people[vote.PersonId - 1], vote.Choice.ToString(), PersonId: vote.PersonId))
                .OrderBy(vote => vote.Member, StringComparer.Ordinal)
                .ToList();
            var decision = new PublishedDecision(
                item.Id, BenchPlan.BodyName(meeting.BodyId), BenchPlan.BodySlug(meeting.BodyId), item.Id, meeting.Title, meeting.Date, item.Title, item.Question,
                item.Outcome.DisplayName(), Explanation(item), item.WasVotedOn ? item.For : null, item.WasVotedOn ? item.Against : null,
                item.WasVotedOn ? item.Abstain : null, votes, [], meeting.StartsAt.AddDays(7).AddMinutes(item.Number), correctsSequence: null, previous);
            previous = decision.Hash;
            nodes.AddRange(tree.Append(decision.LeafHash()));

            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(decision.Sequence, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(decision.BodyName, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.BodySlug, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.AgendaItemId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(decision.MeetingTitle, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.MeetingDate, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.ItemTitle, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.Question, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.Outcome, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(decision.Explanation, NpgsqlDbType.Varchar, cancellationToken);
            await WriteCountAsync(copy, decision.VotesFor, cancellationToken);
            await WriteCountAsync(copy, decision.VotesAgainst, cancellationToken);
            await WriteCountAsync(copy, decision.Abstentions, cancellationToken);
            await copy.WriteAsync(decision.PublishedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(decision.PreviousHash, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync(decision.Hash, NpgsqlDbType.Char, cancellationToken);
            await copy.WriteAsync("[]", NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(json.Votes(decision.Votes), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(decision.CanonicalVersion, NpgsqlDbType.Integer, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
        await copy.DisposeAsync();

        await RegisterTree.WriteAsync(connection, nodes, cancellationToken);
        return previous;
    }

    private static string Explanation(PlannedItem item) => item.Outcome switch
    {
        Outcome.Deferred => "Deferred: the governing body asked for more detail before deciding.",
        Outcome.Noted => "Noted: the governing body noted the report.",
        _ => $"{item.Outcome.DisplayName()} {item.For} to {item.Against}"
             + (item.Abstain > 0 ? $", {item.Abstain} {(item.Abstain == 1 ? "abstention" : "abstentions")}" : "")
             + $"; {item.Votes.Length} voting members took part.",
    };

    private static async Task WriteCountAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken cancellationToken)
    {
        if (value is { } count)
        {
            await copy.WriteAsync(count, NpgsqlDbType.Integer, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    /// <summary>Rows were copied with their ids, so each identity carries on after the highest one.</summary>
    private static async Task ResetIdentitiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "bodies", "people", "memberships", "meetings", "agenda_items", "attendances" })
        {
            await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A decision's votes as the app stores them: written by the app's own converter, so the two never drift apart.</summary>
    private sealed class StoredVotes(ValueConverter votes)
    {
        public static StoredVotes From(DbContextOptions<AppDbContext> options)
        {
            using var db = new AppDbContext(options);
            var property = db.Model.FindEntityType(typeof(PublishedDecision))?.FindProperty(nameof(PublishedDecision.Votes));
            return new StoredVotes(property?.GetValueConverter() ?? throw new InvalidOperationException("PublishedDecision.Votes has no converter to JSON."));
        }

        public string Votes(List<PublishedVote> published) => (string)votes.ConvertToProvider(published)!;
    }
}
