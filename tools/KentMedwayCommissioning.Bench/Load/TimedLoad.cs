using System.Diagnostics;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// A closed-loop load bounded in time: each of N workers sends a request, waits for the whole answer, and sends the next.
/// Requests that start in the warm-up are not counted; the rest are, with their latency.
/// </summary>
public static class TimedLoad
{
    /// <summary>Sends one request for worker <c>worker</c>; true when the answer was the one expected.</summary>
    public delegate Task<bool> Request(int worker, CancellationToken cancellationToken);

    public static async Task<Measurement> RunAsync(int size, string endpoint, int workers, TimeSpan warmUp, TimeSpan duration, Request request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var countFrom = warmUp.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        var stopAt = (warmUp + duration).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        var results = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker), cancellationToken)));

        var latencies = results.SelectMany(result => result.Latencies).Order().ToArray();
        var errors = results.Sum(result => result.Errors);
        return new Measurement("endpoint", size, endpoint, latencies.Length, errors, duration.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));

        async Task<(List<long> Latencies, long Errors)> WorkAsync(int worker)
        {
            var latencies = new List<long>(4096);
            long errors = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = clock.ElapsedTicks;
                if (started >= stopAt)
                {
                    break;
                }

                bool ok;
                try
                {
                    ok = await request(worker, cancellationToken);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
                {
                    ok = false;
                }

                var finished = clock.ElapsedTicks;
                if (started < countFrom || finished > stopAt)
                {
                    continue;
                }

                if (ok)
                {
                    latencies.Add(finished - started);
                }
                else
                {
                    errors++;
                }
            }

            return (latencies, errors);
        }
    }

    private static double Percentile(long[] sortedTicks, double fraction) =>
        sortedTicks.Length == 0 ? 0 : sortedTicks[Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(fraction * sortedTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
