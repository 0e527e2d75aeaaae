using System.Globalization;
using System.Net;
using KentMedwayCommissioning.Bench.Seeding;

namespace KentMedwayCommissioning.Bench.Load;

/// <param name="Pages">The endpoints to measure, by name (all when null; none when empty), for a quicker look at one.</param>
/// <param name="Uncached">The app runs with its output cache off: only the app's pages are measured, named "... uncached".</param>
/// <param name="Warming">How long each endpoint, and each way of voting, is driven uncounted before it is measured (see <see cref="BenchRun"/>).</param>
public sealed record LoadOptions(Uri Url, string ConnectionString, int Size, TimeSpan Duration, string ResultsPath, int? AppPid, bool Voting, TimeSpan Warming, IReadOnlySet<string>? Pages = null, bool Uncached = false)
{
    /// <summary>Requests in the first seconds warm the app's caches and JIT and are not counted.</summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(3, Math.Max(1, Duration.TotalSeconds / 4)));
}

/// <summary>Drives one running app over one seeded register: every endpoint in turn, then (when asked) the voting.</summary>
public static class BenchRun
{
    /// <summary>Concurrent readers per endpoint; the same at every size, so latencies compare.</summary>
    public const int Readers = 16;

    /// <summary>The name an endpoint's figures have when measured with the app's output cache off.</summary>
    public static string UncachedName(string endpoint) => $"{endpoint} uncached";

    /// <summary>What is measured: the raw baselines first, then the app's pages, each as a path for a worker's next request.</summary>
    public static IReadOnlyList<(string Name, Func<Random, string> Path)> Endpoints(int size) =>
    [
        ("baseline", _ => "/bench/baseline"),
        ("raw decision", random => $"/bench/decisions/{random.Next(1, size + 1).ToString(CultureInfo.InvariantCulture)}"),
        ("register", _ => "/decisions"),
        ("filtered", random => $"/decisions?body={BenchPlan.BodySlug(random.Next(1, 201))}&outcome=Carried"),
        ("deep page", random => $"/decisions?before={random.Next(26, (size / 2) + 27).ToString(CultureInfo.InvariantCulture)}"),
        ("search", random => $"/decisions?q={Uri.EscapeDataString(BenchText.SearchTerms[random.Next(BenchText.SearchTerms.Count)])}"),
        ("decision", random => $"/decisions/{random.Next(1, size + 1).ToString(CultureInfo.InvariantCulture)}"),
        // The same 25 newest rows as the register page and its raw baseline (the API's default page is 100).
        ("json api", _ => "/api/v1/decisions?limit=25"),
        ("atom feed", _ => "/decisions/feed.atom"),
    ];

    public static async Task RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        // Long enough for /decisions/verify to re-check a million entries (about a minute) in one request.
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(10) };
        // Before the load, so the memory growth of reading the whole register is measured from an app at rest.
        if (!options.Uncached)
        {
            await WholeRegister.RunAsync(http, options, log, cancellationToken);
        }

        using var memory = options.AppPid is { } pid ? new ResidentMemory(pid) : null;

        // Pages named on the command line are measured as asked; otherwise all, the baselines included in the uncached run
        // too, so that its ratios compare runs of the same process minutes apart at most, not two processes.
        var endpoints = Endpoints(options.Size).Where(endpoint => options.Pages?.Contains(endpoint.Name) ?? true).ToList();
        // A fresh process compiles its hot paths (tier 1 with dynamic PGO) over its first tens of seconds under load, and an
        // app page has far more code to compile than a raw baseline: from a fresh start, the deep page cost 3.0 ms of CPU
        // a request in its first 4 s, 1.2 ms after 20 s and 0.6 ms after 45 s, where the raw page was steady within
        // seconds. So every endpoint is driven, uncounted, for Warming (8 s by default) before any is measured (and the
        // votes likewise, see Voting): measured sooner, the ratios compare a warming app with a warm baseline (and an
        // earlier 2 s pass made the first endpoint measured, a baseline, pay for the process's warming alone).
        foreach (var (endpoint, path) in endpoints)
        {
            await LoadAsync(endpoint, path, options.Warming);
        }

        foreach (var (endpoint, path) in endpoints)
        {
            var measurement = await LoadAsync(options.Uncached ? UncachedName(endpoint) : endpoint, path, options.Duration);
            log.WriteLine($"  {measurement.Endpoint,-20} {measurement.PerSecond,8:0} req/s  p99 {measurement.P99Ms,7:0.0} ms  errors {measurement.Errors}");
            await Measurement.AppendAsync(options.ResultsPath, measurement, cancellationToken);
        }

        if (options.Voting)
        {
            foreach (var voting in await Voting.RunAsync(http, options, log, cancellationToken))
            {
                log.WriteLine($"  {voting.Endpoint,-20} {voting.PerSecond,8:0} votes/s  p99 {voting.P99Ms,7:0.0} ms  errors {voting.Errors}  lost {voting.Value}");
                await Measurement.AppendAsync(options.ResultsPath, voting, cancellationToken);
            }
        }

        if (memory is not null)
        {
            await Measurement.AppendAsync(options.ResultsPath, new Measurement("rss", options.Size, Value: memory.PeakMegabytes), cancellationToken);
        }

        Task<Measurement> LoadAsync(string name, Func<Random, string> path, TimeSpan duration)
        {
            var randoms = Enumerable.Range(0, Readers).Select(worker => new Random((options.Size * 31) + worker)).ToArray();
            return TimedLoad.RunAsync(options.Size, name, Readers, options.WarmUp, duration, async (worker, token) =>
            {
                using var response = await http.GetAsync(path(randoms[worker]), HttpCompletionOption.ResponseHeadersRead, token);
                await response.Content.CopyToAsync(Stream.Null, token);
                return response.StatusCode == HttpStatusCode.OK;
            }, cancellationToken);
        }
    }
}
