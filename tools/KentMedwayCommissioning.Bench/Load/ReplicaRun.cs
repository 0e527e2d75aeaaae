using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// The replica mode (KMC_BENCH_REPLICA=1): app instances whose public reads go to one streaming replica. It measures
/// anonymous reads of decision pages with one instance and with two (requests shared between them), then checks the
/// answers: once the replica has replayed everything the primary wrote, every instance's register (entries and head
/// hash) and a sample of its decisions (each one's hash) must be the primary's, and the replica must have served the
/// reads. The check's result is the "replica_check" figure (1 or 0), the key line's replica_ok.
/// </summary>
public static class ReplicaRun
{
    private const int SampledDecisions = 100;

    public static async Task RunAsync(IReadOnlyList<Uri> instances, string primary, string replica, int size, TimeSpan duration, string resultsPath, TextWriter log, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var clients = instances.Select(url => new HttpClient(handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) }).ToList();
        try
        {
            var replicaReadsBefore = await ScalarAsync<long>(replica, "select tup_returned + tup_fetched from pg_stat_database where datname = current_database()", cancellationToken);
            var warmUp = TimeSpan.FromSeconds(Math.Min(3, Math.Max(1, duration.TotalSeconds / 4)));
            foreach (var count in new[] { 1, clients.Count }.Distinct())
            {
                var randoms = Enumerable.Range(0, BenchRun.Readers).Select(worker => new Random((size * 37) + worker)).ToArray();
                var name = count == 1 ? "1 instance" : $"{count} instances";
                var measurement = await TimedLoad.RunAsync(size, name, BenchRun.Readers, warmUp, duration, async (worker, token) =>
                {
                    var client = clients[worker % count];
                    using var response = await client.GetAsync($"/decisions/{randoms[worker].Next(1, size + 1).ToString(CultureInfo.InvariantCulture)}", HttpCompletionOption.ResponseHeadersRead, token);
                    await response.Content.CopyToAsync(Stream.Null, token);
                    return response.StatusCode == HttpStatusCode.OK;
                }, cancellationToken);
                log.WriteLine($"  replica reads, {name,-11} {measurement.PerSecond,8:0} req/s  p99 {measurement.P99Ms,7:0.0} ms  errors {measurement.Errors}");
                await Measurement.AppendAsync(resultsPath, measurement with { Kind = "replica" }, cancellationToken);
            }

            var replicaServed = await ScalarAsync<long>(replica, "select tup_returned + tup_fetched from pg_stat_database where datname = current_database()", cancellationToken) > replicaReadsBefore;
            await CatchUpAsync(primary, replica, cancellationToken);
            var mismatches = new List<string>();
            if (!replicaServed)
            {
                mismatches.Add("the replica's statistics show no reads during the load");
            }

            foreach (var client in clients)
            {
                mismatches.AddRange(await CompareAsync(client, primary, size, cancellationToken));
            }

            foreach (var mismatch in mismatches.Take(10))
            {
                log.WriteLine($"  replica check: {mismatch}");
            }

            log.WriteLine($"  replica check: {(mismatches.Count == 0 ? "every read through the replica matched the primary" : $"{mismatches.Count} mismatches")}");
            await Measurement.AppendAsync(resultsPath, new Measurement("replica_check", size, Value: mismatches.Count == 0 ? 1 : 0), cancellationToken);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>Waits until the replica has replayed everything the primary had written when it was asked.</summary>
    private static async Task CatchUpAsync(string primary, string replica, CancellationToken cancellationToken)
    {
        var target = await ScalarAsync<string>(primary, "select pg_current_wal_lsn()::text", cancellationToken);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await ScalarAsync<bool>(replica, $"select pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", cancellationToken))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The replica did not replay to {target} within a minute.");
    }

    private static async Task<List<string>> CompareAsync(HttpClient client, string primary, int size, CancellationToken cancellationToken)
    {
        var mismatches = new List<string>();
        var page = await client.GetFromJsonAsync<DecisionPage>("/api/v1/decisions", cancellationToken) ?? throw new InvalidDataException("No register page.");
        var entries = await ScalarAsync<long>(primary, "select count(*) from published_decisions", cancellationToken);
        var head = await ScalarAsync<string>(primary, "select hash from published_decisions order by sequence desc limit 1", cancellationToken);
        if (page.Entries != entries || page.HeadHash != head)
        {
            mismatches.Add($"{client.BaseAddress}: register {page.Entries} entries at {page.HeadHash}, the primary {entries} at {head}");
        }

        var random = new Random(size);
        for (var sample = 0; sample < SampledDecisions; sample++)
        {
            var sequence = random.Next(1, size + 1);
            var answer = await client.GetFromJsonAsync<DecisionHash>($"/api/v1/decisions/{sequence.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            var expected = await ScalarAsync<string>(primary, $"select hash from published_decisions where sequence = {sequence.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            if (answer?.Hash != expected)
            {
                mismatches.Add($"{client.BaseAddress}: decision {sequence} has hash {answer?.Hash}, the primary {expected}");
            }
        }

        return mismatches;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidDataException($"No answer to: {sql}"));
    }

    private sealed record DecisionPage(long Entries, string HeadHash);

    private sealed record DecisionHash(string Hash);
}
