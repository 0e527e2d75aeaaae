using System.Diagnostics;
using System.Globalization;
using KentMedwayCommissioning.Bench.Load;
using KentMedwayCommissioning.Bench.Seeding;
using Npgsql;

namespace KentMedwayCommissioning.Bench;

/// <summary>
/// The benchmark's tools, run by scripts/bench.sh:
///   seed   --connection CS --decisions N
///   load   --url URL --connection CS --size N --seconds S --results FILE [--app-pid PID] [--voting] [--pages register,search] [--uncached] [--warm-seconds W]
///   replica --urls URL,URL --primary CS --replica CS --size N --seconds S --results FILE
///   report --results FILE
///   sql    --connection CS --command SQL                (one statement on the server, e.g. CREATE DATABASE)
///   connection --connection CS --database NAME          (prints CS with the database changed)
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = Arguments.Parse(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        switch (arguments.Command)
        {
            case "seed":
            {
                var decisions = arguments.Int("decisions");
                var clock = Stopwatch.StartNew();
                Console.WriteLine($"Seeding {decisions:N0} decisions");
                await BenchSeeder.SeedAsync(arguments.Required("connection"), BenchScale.National(decisions), Console.Out, cancel.Token);
                Console.WriteLine($"Seeded {decisions:N0} decisions in {clock.Elapsed.TotalSeconds:0.0}s");
                return 0;
            }

            case "load":
            {
                var options = new LoadOptions(
                    new Uri(arguments.Required("url")),
                    arguments.Required("connection"),
                    arguments.Int("size"),
                    TimeSpan.FromSeconds(arguments.Int("seconds")),
                    arguments.Required("results"),
                    arguments.Optional("app-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
                    arguments.Flag("voting"),
                    TimeSpan.FromSeconds(arguments.Optional("warm-seconds") is { } warm ? int.Parse(warm, CultureInfo.InvariantCulture) : 8),
                    arguments.Optional("pages") is { } pages ? pages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() : null,
                    arguments.Flag("uncached"));
                await BenchRun.RunAsync(options, Console.Out, cancel.Token);
                return 0;
            }

            case "replica":
                await ReplicaRun.RunAsync(
                    arguments.Required("urls").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => new Uri(url)).ToList(),
                    arguments.Required("primary"),
                    arguments.Required("replica"),
                    arguments.Int("size"),
                    TimeSpan.FromSeconds(arguments.Int("seconds")),
                    arguments.Required("results"),
                    Console.Out,
                    cancel.Token);
                return 0;

            case "sql":
            {
                await using var connection = new NpgsqlConnection(arguments.Required("connection"));
                await connection.OpenAsync(cancel.Token);
                await using var command = new NpgsqlCommand(arguments.Required("command"), connection);
                await command.ExecuteNonQueryAsync(cancel.Token);
                return 0;
            }

            case "connection":
                Console.WriteLine(new NpgsqlConnectionStringBuilder(arguments.Required("connection")) { Database = arguments.Required("database") }.ConnectionString);
                return 0;

            case "report":
                return Report.Print(arguments.Required("results"), Console.Out) ? 0 : 1;

            default:
                Console.Error.WriteLine("usage: KentMedwayCommissioning.Bench seed|load|report [--name value ...] (see scripts/bench.sh)");
                return 2;
        }
    }
}

/// <summary>"--name value" pairs and "--flag" switches after the command.</summary>
internal sealed record Arguments(string Command, Dictionary<string, string?> Values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var index = 1; index < args.Length; index++)
        {
            var name = args[index].StartsWith("--", StringComparison.Ordinal) ? args[index][2..] : throw new ArgumentException($"Unexpected argument '{args[index]}'.");
            var hasValue = index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal);
            values[name] = hasValue ? args[++index] : null;
        }

        return new Arguments(args.Length > 0 ? args[0] : "", values);
    }

    public string Required(string name) => Values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => Values.GetValueOrDefault(name);

    public int Int(string name) => int.Parse(Required(name), CultureInfo.InvariantCulture);

    public bool Flag(string name) => Values.ContainsKey(name);
}
