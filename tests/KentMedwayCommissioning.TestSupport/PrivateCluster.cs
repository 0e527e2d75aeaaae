using System.Diagnostics;
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
