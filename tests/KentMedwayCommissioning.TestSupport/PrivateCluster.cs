using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace KentMedwayCommissioning.TestSupport;

/// <summary>
/// A PostgreSQL cluster of one test's own, which the test may stop abruptly (as a crash would) and start again.
/// It uses the PostgreSQL binaries on the machine (scripts/test.sh installs them); initdb and postgres refuse to run
/// as root, so as root they run as the postgres user.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _binaries;

    private PrivateCluster(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    public static async Task<PrivateCluster> StartAsync()
    {
        var binaries = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("kmc-cluster-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", directory);
        }

        var cluster = new PrivateCluster(directory, binaries, LoopbackPort.Free());
        await cluster.PostgresAsync("initdb", "-D", cluster.DataDirectory, "--auth=trust", "-U", "postgres", "-E", "UTF8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>
    /// A streaming replica of this cluster (<c>pg_basebackup -R</c>), started and replaying. Tests pause and resume
    /// its replay with <see cref="PauseReplayAsync"/> and <see cref="ResumeReplayAsync"/> to make it lag.
    /// </summary>
    public async Task<PrivateCluster> StartReplicaAsync()
    {
        var directory = Directory.CreateTempSubdirectory("kmc-replica-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", directory);
        }

        var replica = new PrivateCluster(directory, _binaries, LoopbackPort.Free());
        await replica.PostgresAsync("pg_basebackup", "-D", replica.DataDirectory, "-R", "-X", "stream", "--checkpoint=fast", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres");
        await replica.StartAgainAsync();
        return replica;
    }

    public Task PauseReplayAsync() => ExecuteAsync("select pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => ExecuteAsync("select pg_wal_replay_resume()");

    /// <summary>Waits until this replica has replayed everything <paramref name="primary"/> has written so far.</summary>
    public async Task CatchUpWithAsync(PrivateCluster primary)
    {
        var target = await primary.ScalarAsync("select pg_current_wal_lsn()::text");
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await ScalarAsync($"select pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") is true)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The replica on port {Port} did not replay to {target} within 30 s.");
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Stops the server at once, without a checkpoint, as a crash or a pulled plug would.</summary>
    public Task StopAbruptlyAsync() => PostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    public Task StartAgainAsync() =>
        PostgresAsync(
            "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAbruptlyAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private Task PostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binaries, program), .. arguments])
            : RunAsync(Path.Combine(_binaries, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).OrderDescending()
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: install the postgresql package (scripts/test.sh does).");
    }
}
