using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>Row count and checksum of every table in the public schema, to show that a batch of requests wrote nothing.</summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables)
{
    /// <summary>
    /// Tables left out, each for a reason that has nothing to do with what a request asked for. Tables not (yet) in
    /// the schema are simply absent. Everything else is compared, including the Identity tables: no generated request
    /// passes the sign-in form's validation, so lockout counters and security stamps must not move either.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Data-protection keys (issue 9, several instances): the key ring writes a key on first use and on rotation,
        // whatever the request, when antiforgery tokens or cookies are protected.
        ["data_protection_keys"] = "written by the key ring on first use and rotation, not by requests",
    };

    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables.Where(table => !Excluded.ContainsKey(table)))
        {
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(table);
            await using var command = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {quoted} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return new DatabaseSnapshot(snapshot);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their counts.</summary>
    public IReadOnlyList<string> ChangesSince(DatabaseSnapshot before) =>
        Tables.Keys.Union(before.Tables.Keys)
            .Where(table => !before.Tables.TryGetValue(table, out var was) || !Tables.TryGetValue(table, out var now) || was != now)
            .Select(table => $"{table}: {Describe(before, table)} -> {Describe(this, table)}")
            .ToList();

    private static string Describe(DatabaseSnapshot snapshot, string table) =>
        snapshot.Tables.TryGetValue(table, out var state) ? $"{state.Rows} rows ({state.Checksum[..Math.Min(8, state.Checksum.Length)]})" : "absent";
}
