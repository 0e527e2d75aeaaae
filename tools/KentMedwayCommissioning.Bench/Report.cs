using System.Globalization;
using KentMedwayCommissioning.Bench.Load;

namespace KentMedwayCommissioning.Bench;

/// <summary>The bench run's table, then one line of key figures, the last line printed.</summary>
public static class Report
{
    public static bool Print(string resultsPath, TextWriter output)
    {
        var all = Measurement.ReadAll(resultsPath);
        var sizes = all.Select(measurement => measurement.Size).Distinct().Order().ToList();
        if (sizes.Count == 0)
        {
            output.WriteLine($"No results in {resultsPath}.");
            return false;
        }

        var (smallest, largest) = (sizes[0], sizes[^1]);
        Measurement? Find(string kind, int size, string? endpoint = null) =>
            all.LastOrDefault(measurement => measurement.Kind == kind && measurement.Size == size && (endpoint is null || measurement.Endpoint == endpoint));

        output.WriteLine();
        output.WriteLine($"{"decisions",10}  {"endpoint",-20} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"x baseline",10}");
        foreach (var size in sizes)
        {
            var baseline = Find("endpoint", size, "baseline");
            var baselineUncached = Find("endpoint", size, BenchRun.UncachedName("baseline")) ?? baseline;
            foreach (var row in all.Where(measurement => measurement.Size == size && measurement.Kind is "endpoint" or "voting"))
            {
                var against = row.Endpoint?.EndsWith(BenchRun.UncachedName(""), StringComparison.Ordinal) == true ? baselineUncached : baseline;
                var ratio = against is { PerSecond: > 0 } && row.Kind == "endpoint" ? (row.PerSecond / against.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "";
                var errors = row.Kind == "voting" ? $"{row.Errors} (lost {row.Value:0})" : row.Errors.ToString(CultureInfo.InvariantCulture);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,10:N0}  {row.Endpoint,-20} {row.PerSecond,8:0} {row.P50Ms,8:0.0} {row.P95Ms,8:0.0} {row.P99Ms,8:0.0} {errors,7} {ratio,10}"));
            }
        }

        // Each app process the run starts at a size (output cache on, then off) reports its own peak: the worst counts.
        double PeakRss(int size) => all.Where(measurement => measurement.Kind == "rss" && measurement.Size == size).Select(measurement => measurement.Value).DefaultIfEmpty(double.NaN).Max();

        output.WriteLine();
        foreach (var size in sizes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,10:N0} decisions: app resident memory under load {PeakRss(size):0} MB (peak, cached or not), start to /health/ready {Find("ready", size)?.Value ?? double.NaN:0.00} s, "
                + $"csv {Find("csv", size)?.Seconds ?? double.NaN:0.00} s (+{Find("csv", size)?.Value ?? double.NaN:0} MB), "
                + $"verify {Find("verify", size)?.Seconds ?? double.NaN:0.00} s (+{Find("verify", size)?.Value ?? double.NaN:0} MB), "
                + $"atom feed +{Find("atom", size)?.Value ?? double.NaN:0} MB, inclusion proof p95 {Find("proof", size)?.P95Ms ?? double.NaN:0.0} ms"));
        }

        var register = Find("endpoint", largest, "register");
        var baselineLargest = Find("endpoint", largest, "baseline");
        var registerSmallest = Find("endpoint", smallest, "register");
        var voting = all.LastOrDefault(measurement => measurement.Kind == "voting" && measurement.Endpoint == Voting.App);
        var rawVoting = all.LastOrDefault(measurement => measurement.Kind == "voting" && measurement.Endpoint == Voting.Raw);
        // The uncached pages are set against the baselines measured in the same app process (the uncached run), when it measured them.
        var rawDecision = Find("endpoint", largest, BenchRun.UncachedName("raw decision")) ?? Find("endpoint", largest, "raw decision");
        var rawRegister = Find("endpoint", largest, BenchRun.UncachedName("baseline")) ?? baselineLargest;
        // An uncached page over its raw baseline at the largest size; NaN when either was not measured.
        double Ratio(Measurement? page, Measurement? raw) => page is null || raw is not { PerSecond: > 0 } ? double.NaN : page.PerSecond / raw.PerSecond;
        var figures = new (string Name, double Value, string Format)[]
        {
            ("register_ratio", register is null || baselineLargest is not { PerSecond: > 0 } ? double.NaN : register.PerSecond / baselineLargest.PerSecond, "0.00"),
            ("p99_growth", register is null || registerSmallest is not { P99Ms: > 0 } ? double.NaN : register.P99Ms / registerSmallest.P99Ms, "0.00"),
            ("search_p95_ms", Find("endpoint", largest, "search")?.P95Ms ?? double.NaN, "0.0"),
            ("votes_per_s", voting?.PerSecond ?? double.NaN, "0"),
            ("votes_lost", voting?.Value ?? double.NaN, "0"),
            ("rss_mb", all.Where(measurement => measurement.Kind == "rss").Select(measurement => measurement.Value).DefaultIfEmpty(double.NaN).Max(), "0"),
            ("ready_s", all.Where(measurement => measurement.Kind == "ready").Select(measurement => measurement.Value).DefaultIfEmpty(double.NaN).Max(), "0.00"),
            ("csv_mb", Find("csv", largest)?.Value ?? double.NaN, "0"),
            ("verify_mb", Find("verify", largest)?.Value ?? double.NaN, "0"),
            ("atom_mb", Find("atom", largest)?.Value ?? double.NaN, "0"),
            ("proof_ms", Find("proof", largest)?.P95Ms ?? double.NaN, "0.0"),
            ("decision_ratio", Ratio(Find("endpoint", largest, BenchRun.UncachedName("decision")), rawDecision), "0.00"),
            ("deep_ratio", Ratio(Find("endpoint", largest, BenchRun.UncachedName("deep page")), rawRegister), "0.00"),
            ("api_ratio", Ratio(Find("endpoint", largest, BenchRun.UncachedName("json api")), rawRegister), "0.00"),
            ("vote_ratio", Ratio(voting, rawVoting), "0.00"),
        };

        output.WriteLine();
        output.WriteLine($"register_ratio is the register page's req/s over the baseline's at {largest:N0} decisions; p99_growth its p99 at {largest:N0} over {smallest:N0};");
        output.WriteLine("rss_mb and ready_s are the worst over the sizes; csv_mb, verify_mb and atom_mb are the app's memory growth while");
        output.WriteLine($"/decisions.csv is downloaded, /decisions/verify re-checks all {largest:N0} entries and the Atom feed is read, and proof_ms the p95 of one inclusion proof;");
        output.WriteLine("decision_ratio, deep_ratio and api_ratio are the page with the output cache off over its raw baseline (a decision's page");
        output.WriteLine("over /bench/decisions, the rest over /bench/baseline), vote_ratio the votes per second over the raw vote endpoint's.");
        var replicaCheck = all.LastOrDefault(measurement => measurement.Kind == "replica_check");
        if (replicaCheck is not null)
        {
            output.WriteLine(ReplicaReads(all));
        }

        // replica_ok is there only when the replica mode ran (KMC_BENCH_REPLICA=1): without a replica there is nothing to check.
        var replicaOk = replicaCheck is null ? "" : string.Create(CultureInfo.InvariantCulture, $" replica_ok={replicaCheck.Value:0}");
        output.WriteLine(string.Join(' ', figures.Select(figure => $"{figure.Name}={figure.Value.ToString(figure.Format, CultureInfo.InvariantCulture)}")) + replicaOk);
        return figures.All(figure => !double.IsNaN(figure.Value)) && replicaCheck is not { Value: not 1 };
    }

    /// <summary>The replica mode's read throughput with one instance and with two, on one line.</summary>
    private static string ReplicaReads(List<Measurement> all) =>
        "reads through the replica (decision pages): "
        + string.Join(", ", all.Where(measurement => measurement.Kind == "replica").Select(measurement =>
            string.Create(CultureInfo.InvariantCulture, $"{measurement.Endpoint} {measurement.PerSecond:0} req/s (p99 {measurement.P99Ms:0.0} ms, errors {measurement.Errors})")))
        + "; replica_ok is 1 when every read through the replica matched the primary once caught up.";
}
