using System.Diagnostics;
using System.Globalization;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// What reads the whole register, at each size: how much the app's resident memory grows while /decisions/verify
/// re-checks every entry and while /decisions.csv is downloaded (both read the register a batch at a time, so this
/// should not grow with it) and while the Atom feed is read (its newest entries only, so neither should it), and how
/// long one inclusion proof takes (it reads O(log n) stored hashes).
/// </summary>
public static class WholeRegister
{
    private const int Proofs = 200;

    public static async Task RunAsync(HttpClient http, LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        foreach (var (kind, path) in new[] { ("verify", "/decisions/verify"), ("csv", "/decisions.csv"), ("atom", "/decisions/feed.atom") })
        {
            var (seconds, growth) = await MemoryGrowthAsync(http, options.AppPid, path, cancellationToken);
            await Measurement.AppendAsync(options.ResultsPath, new Measurement(kind, options.Size, Seconds: seconds, Value: growth), cancellationToken);
            log.WriteLine($"  {kind,-10} {seconds,8:0.00} s  memory growth {growth,6:0} MB");
        }

        var random = new Random(options.Size);
        var times = new List<double>(Proofs);
        for (var i = 0; i < Proofs; i++)
        {
            var sequence = random.Next(1, options.Size + 1).ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            await GetAsync(http, $"/api/v1/decisions/{sequence}/inclusion?tree_size={options.Size.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        var proof = new Measurement("proof", options.Size, Endpoint: "inclusion", Requests: Proofs, P50Ms: times[Proofs / 2], P95Ms: times[(Proofs * 95) / 100], P99Ms: times[(Proofs * 99) / 100]);
        await Measurement.AppendAsync(options.ResultsPath, proof, cancellationToken);
        log.WriteLine($"  {"proof",-10} p50 {proof.P50Ms,7:0.0} ms  p95 {proof.P95Ms,7:0.0} ms");
    }

    /// <summary>Reads <paramref name="path"/> once; its time, and the app's peak resident memory above where it stood before (NaN without the app's pid).</summary>
    private static async Task<(double Seconds, double Megabytes)> MemoryGrowthAsync(HttpClient http, int? appPid, string path, CancellationToken cancellationToken)
    {
        var before = appPid is { } pid ? ResidentMemory.CurrentMegabytes(pid) : null;
        using var during = appPid is { } sampled && before is not null ? new ResidentMemory(sampled) : null;
        var started = Stopwatch.GetTimestamp();
        await GetAsync(http, path, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (during is null || before is not { } atRest)
        {
            return (seconds, double.NaN);
        }

        // One more sample after the answer, so a peak at its very end is seen.
        await Task.Delay(300, cancellationToken);
        return (seconds, Math.Max(0, during.PeakMegabytes - atRest));
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        }
    }
}
