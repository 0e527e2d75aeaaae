using System.Diagnostics;
using System.Globalization;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// The register's own checks, at each size: how much the app's resident memory grows while /decisions/verify re-checks
/// every entry (it reads them one at a time, so this should not grow with the register), and how long one inclusion
/// proof takes (it reads O(log n) stored hashes).
/// </summary>
public static class TransparencyLog
{
    private const int Proofs = 200;

    public static async Task RunAsync(HttpClient http, LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var memoryGrowth = double.NaN;
        var clock = Stopwatch.StartNew();
        if (options.AppPid is { } pid && ResidentMemory.CurrentMegabytes(pid) is { } atRest)
        {
            using var during = new ResidentMemory(pid);
            await GetAsync(http, "/decisions/verify", cancellationToken);
            clock.Stop();
            // One more sample after the answer, so a peak at its very end is seen.
            await Task.Delay(300, cancellationToken);
            memoryGrowth = Math.Max(0, during.PeakMegabytes - atRest);
        }
        else
        {
            await GetAsync(http, "/decisions/verify", cancellationToken);
            clock.Stop();
        }

        await Measurement.AppendAsync(options.ResultsPath, new Measurement("verify", options.Size, Seconds: clock.Elapsed.TotalSeconds, Value: memoryGrowth), cancellationToken);
        log.WriteLine($"  {"verify",-10} {clock.Elapsed.TotalSeconds,8:0.00} s  memory growth {memoryGrowth,6:0} MB");

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
