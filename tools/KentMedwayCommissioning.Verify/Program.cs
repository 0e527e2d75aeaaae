using KentMedwayCommissioning.Transparency;
using KentMedwayCommissioning.Verify;

// kmc-verify: checks the register of decisions without trusting the site. See Usage below and the verify page.
const string Usage = """
    Usage:
      verify export FILE... [--checkpoint CHECKPOINT --key KEY]   re-check a whole export (decisions.csv, or API pages) offline
      verify checkpoint CHECKPOINT --key KEY [--witness-key W]    check a checkpoint's signature (and a witness's cosignature)
      verify inclusion URL SEQUENCE --key KEY                     check that a decision, as published, is in the signed tree
      verify consistency URL OLD_CHECKPOINT --key KEY             check that the site's checkpoint extends one kept earlier
      verify witness URL --key KEY --state FILE [--cosign-key F]  the same against the last run's checkpoint, then keep the new one
                                                                  (cosigned with the witness's private key in F, when given)
    KEY is the site's verifier key (from /decisions/verifier-key) or a file holding it.
    Exit status: 0 checked, 1 a check failed, 2 bad usage or input.
    """;

var positional = new List<string>();
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i][2..]] = args[++i];
    }
    else
    {
        positional.Add(args[i]);
    }
}

try
{
    var key = options.TryGetValue("key", out var given) ? NoteVerifier.Parse(File.Exists(given) ? await File.ReadAllTextAsync(given) : given) : null;
    switch (positional)
    {
        case ["export", .. var files] when files.Count > 0:
        {
            Checkpoint? checkpoint = null;
            if (options.TryGetValue("checkpoint", out var checkpointFile))
            {
                checkpoint = Checkpoint.Open(await File.ReadAllTextAsync(checkpointFile), key ?? throw new FormatException("A checkpoint is checked with the site's verifier key: give --key."));
            }

            var result = await RegisterChecks.CheckExportAsync(files, checkpoint);
            if (result.UncoveredFields.Count > 0)
            {
                Console.WriteLine($"note: {string.Join(", ", result.UncoveredFields)} not covered by the canonical form of entries published before version 2");
            }

            Console.WriteLine($"intact {result.Entries} {result.HeadHash} {Convert.ToBase64String(result.Root)}");
            return 0;
        }

        case ["checkpoint", var file] when key is not null:
        {
            var note = await File.ReadAllTextAsync(file);
            var checkpoint = Checkpoint.Open(note, key);
            Console.WriteLine($"signed {checkpoint.Size} {Convert.ToBase64String(checkpoint.Root)}");
            if (options.TryGetValue("witness-key", out var witness))
            {
                var at = Cosignature.Verify(note, WitnessKey.Parse(File.Exists(witness) ? await File.ReadAllTextAsync(witness) : witness));
                Console.WriteLine($"cosigned {at:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            }

            return 0;
        }

        case ["inclusion", var url, var sequence] when key is not null && long.TryParse(sequence, out var number):
        {
            using var site = Site(url);
            var checkpoint = await RegisterChecks.CheckInclusionAsync(site, key, number);
            Console.WriteLine($"included {number} {checkpoint.Size} {Convert.ToBase64String(checkpoint.Root)}");
            return 0;
        }

        case ["consistency", var url, var file] when key is not null:
        {
            using var site = Site(url);
            var (checkpoint, _) = await RegisterChecks.CheckConsistencyAsync(site, key, Checkpoint.Open(await File.ReadAllTextAsync(file), key));
            Console.WriteLine($"consistent {checkpoint.Size} {Convert.ToBase64String(checkpoint.Root)}");
            return 0;
        }

        case ["witness", var url] when key is not null && options.TryGetValue("state", out var state):
        {
            using var site = Site(url);
            var cosignKey = options.TryGetValue("cosign-key", out var cosignFile) ? await File.ReadAllTextAsync(cosignFile) : null;
            var checkpoint = await RegisterChecks.WitnessAsync(site, key, state, cosignKey);
            Console.WriteLine($"consistent {checkpoint.Size} {Convert.ToBase64String(checkpoint.Root)}");
            return 0;
        }

        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception failure) when (failure is CheckFailedException or NoteException)
{
    Console.Error.WriteLine($"REGISTER CHECK FAILED: {failure.Message}");
    return 1;
}
catch (Exception bad) when (bad is FormatException or IOException or HttpRequestException or System.Text.Json.JsonException or CsvHelper.CsvHelperException)
{
    Console.Error.WriteLine(bad.Message);
    return 2;
}

static HttpClient Site(string url) => new() { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
