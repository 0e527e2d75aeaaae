using System.Text.Json;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// One figure of a bench run, one JSON object a line in the results file: an endpoint's throughput and latencies
/// ("endpoint"), the app's peak resident memory ("rss", MB), its time to ready ("ready", s; written by bench.sh) or the
/// voting run ("voting": Requests = votes recorded, Errors = votes lost).
/// </summary>
public sealed record Measurement(string Kind, int Size, string? Endpoint = null, long Requests = 0, long Errors = 0, double Seconds = 0, double P50Ms = 0, double P95Ms = 0, double P99Ms = 0, double Value = 0)
{
    public double PerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public static async Task AppendAsync(string path, Measurement measurement, CancellationToken cancellationToken) =>
        await File.AppendAllTextAsync(path, JsonSerializer.Serialize(measurement) + "\n", cancellationToken);

    public static List<Measurement> ReadAll(string path) =>
        File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<Measurement>(line) ?? throw new InvalidDataException($"Unreadable line in {path}: {line}"))
            .ToList();
}
