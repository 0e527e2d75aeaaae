using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using KentMedwayCommissioning.Transparency;

namespace KentMedwayCommissioning.Verify;

/// <summary>A check that failed: the register, or the copy of it, is not what was signed and published.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

/// <summary>The result of re-checking a whole export.</summary>
public sealed record ExportResult(long Entries, string HeadHash, byte[] Root, IReadOnlySet<string> UncoveredFields);

/// <summary>The checks, as a reader runs them: against files they downloaded, and against the site's proofs.</summary>
public static class RegisterChecks
{
    private const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Row fields that are not part of the canonical form: the form itself, the chain's hashes and which fields it
    /// carries, and two derived from the canonical form, checked against it on their own.
    /// </summary>
    private static readonly HashSet<string> NotCanonical = ["canonical", "canonical_fields", "previous_hash", "hash", "url", "meeting_date_precision"];

    /// <summary>
    /// Re-checks a whole export, reading it one entry at a time in the order given (newest first, as served, or oldest
    /// first): every field against the entry's canonical form, the hash chain, and the Merkle root; and, when a
    /// checkpoint is given, that the export is exactly the signed tree.
    /// </summary>
    public static async Task<ExportResult> CheckExportAsync(IEnumerable<string> files, Checkpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        var tree = new StreamingRoot();
        var uncovered = new SortedSet<string>(StringComparer.Ordinal);
        (long Sequence, string Hash)? first = null;
        (long Sequence, string Hash, string PreviousHash)? last = null;
        var direction = 0;
        long count = 0;
        foreach (var file in files)
        {
            await foreach (var entry in EntriesAsync(file, cancellationToken))
            {
                var sequence = CheckFields(entry, uncovered);
                if (HashOf(entry.PreviousHash, entry.Canonical) != entry.Hash)
                {
                    throw new CheckFailedException($"entry {sequence} does not match its hash");
                }

                if (sequence == 1 && entry.PreviousHash != GenesisHash)
                {
                    throw new CheckFailedException("entry 1 does not start from the genesis hash");
                }

                if (last is { } before)
                {
                    var step = (int)(sequence - before.Sequence);
                    if (Math.Abs(step) != 1 || (direction != 0 && step != direction))
                    {
                        throw new CheckFailedException($"entry {sequence} follows entry {before.Sequence}: an entry is missing or repeated");
                    }

                    direction = step;
                    // The newer of the two rows must point at the older one's hash.
                    var (pointsAt, olderHash) = step == 1 ? (entry.PreviousHash, before.Hash) : (before.PreviousHash, entry.Hash);
                    if (pointsAt != olderHash)
                    {
                        throw new CheckFailedException($"entry {Math.Max(sequence, before.Sequence)} does not point at the hash of the entry before it");
                    }
                }
                else
                {
                    first = (sequence, entry.Hash);
                }

                tree.Add(sequence - 1, MerkleTree.LeafHash(Encoding.UTF8.GetBytes(entry.Canonical)));
                last = (sequence, entry.Hash, entry.PreviousHash);
                count++;
            }
        }

        if (count > 0 && Math.Min(first!.Value.Sequence, last!.Value.Sequence) != 1)
        {
            throw new CheckFailedException("the export does not reach entry 1: check the whole register, with no filters");
        }

        var head = count == 0 ? GenesisHash : direction == 1 ? last!.Value.Hash : first!.Value.Hash;
        var root = tree.Root();
        if (checkpoint is not null && (checkpoint.Size != count || !checkpoint.Root.AsSpan().SequenceEqual(root)))
        {
            throw new CheckFailedException(
                $"the export's {count} entries have Merkle root {Convert.ToBase64String(root)}, but the checkpoint signs {checkpoint.Size} entries with root {Convert.ToBase64String(checkpoint.Root)}");
        }

        return new ExportResult(count, head, root, uncovered);
    }

    /// <summary>Checks that decision <paramref name="sequence"/>, exactly as the site publishes it, is in the tree of the site's signed checkpoint.</summary>
    public static async Task<Checkpoint> CheckInclusionAsync(HttpClient site, NoteVerifier key, long sequence, CancellationToken cancellationToken = default)
    {
        var checkpoint = Checkpoint.Open(await site.GetStringAsync("decisions/checkpoint", cancellationToken), key);
        using var decision = JsonDocument.Parse(await site.GetStringAsync($"api/v1/decisions/{sequence}", cancellationToken));
        var entry = Entry.FromJson(decision.RootElement);
        CheckFields(entry, new SortedSet<string>(StringComparer.Ordinal));
        var proof = await site.GetFromJsonAsync<InclusionAnswer>($"api/v1/decisions/{sequence}/inclusion?tree_size={checkpoint.Size}", cancellationToken)
            ?? throw new CheckFailedException("the site gave no audit path");
        if (!MerkleTree.VerifyInclusion(sequence - 1, checkpoint.Size, MerkleTree.LeafHash(Encoding.UTF8.GetBytes(entry.Canonical)), [.. proof.AuditPath.Select(Convert.FromBase64String)], checkpoint.Root))
        {
            throw new CheckFailedException($"decision {sequence}, as published, is not in the signed tree of {checkpoint.Size} entries");
        }

        return checkpoint;
    }

    /// <summary>Checks that the site's checkpoint now extends <paramref name="earlier"/>: nothing published since it was changed or removed.</summary>
    public static async Task<(Checkpoint Checkpoint, string Note)> CheckConsistencyAsync(HttpClient site, NoteVerifier key, Checkpoint earlier, CancellationToken cancellationToken = default)
    {
        var note = await site.GetStringAsync("decisions/checkpoint", cancellationToken);
        var now = Checkpoint.Open(note, key);
        if (now.Size < earlier.Size)
        {
            throw new CheckFailedException($"the register shrank from {earlier.Size} to {now.Size} entries: entries were removed");
        }

        if (now.Size == earlier.Size)
        {
            return now.Root.AsSpan().SequenceEqual(earlier.Root)
                ? (now, note)
                : throw new CheckFailedException($"two different checkpoints of {now.Size} entries: the register was forked or rewritten");
        }

        if (earlier.Size > 0)
        {
            var proof = await site.GetFromJsonAsync<ConsistencyAnswer>($"api/v1/decisions/consistency?first={earlier.Size}&second={now.Size}", cancellationToken)
                ?? throw new CheckFailedException("the site gave no consistency proof");
            if (!MerkleTree.VerifyConsistency(earlier.Size, now.Size, earlier.Root, now.Root, [.. proof.Proof.Select(Convert.FromBase64String)]))
            {
                throw new CheckFailedException($"the register of {now.Size} entries does not extend the one of {earlier.Size} saved earlier: it was rewritten");
            }
        }

        return (now, note);
    }

    /// <summary>
    /// The witness: checks the site's checkpoint against the one kept in <paramref name="stateFile"/> by the last run,
    /// and keeps the new one only when it is consistent, so one alarm is never silenced by the next run. With the
    /// witness's own key, the kept checkpoint carries its C2SP cosignature, for the witness to publish.
    /// </summary>
    public static async Task<Checkpoint> WitnessAsync(HttpClient site, NoteVerifier key, string stateFile, string? cosignKey = null, CancellationToken cancellationToken = default)
    {
        Checkpoint now;
        string note;
        if (File.Exists(stateFile))
        {
            var earlier = Checkpoint.Open(await File.ReadAllTextAsync(stateFile, cancellationToken), key);
            (now, note) = await CheckConsistencyAsync(site, key, earlier, cancellationToken);
        }
        else
        {
            note = await site.GetStringAsync("decisions/checkpoint", cancellationToken);
            now = Checkpoint.Open(note, key);
        }

        if (cosignKey is not null)
        {
            note = Cosignature.Add(note, cosignKey, DateTimeOffset.UtcNow);
        }

        var next = stateFile + ".new";
        await File.WriteAllTextAsync(next, note, cancellationToken);
        File.Move(next, stateFile, overwrite: true);
        return now;
    }

    /// <summary>Checks every field of a row against the canonical form its hash covers; returns the entry's sequence.</summary>
    private static long CheckFields(Entry entry, SortedSet<string> uncovered)
    {
        using var canonical = JsonDocument.Parse(entry.Canonical);
        var form = canonical.RootElement;
        var sequence = form.GetProperty("sequence").GetInt64();
        if (entry.CanonicalFields is { } listed && !listed.SequenceEqual(form.EnumerateObject().Select(field => field.Name)))
        {
            throw new CheckFailedException($"entry {sequence}: canonical_fields does not list the fields of its canonical form");
        }

        foreach (var (name, value) in entry.Fields)
        {
            if (NotCanonical.Contains(name))
            {
                continue;
            }

            if (!form.TryGetProperty(name, out var expected))
            {
                uncovered.Add(name);
            }
            else if (!value.Matches(expected))
            {
                throw new CheckFailedException($"entry {sequence}: {name} is {value}, but the entry as published says {expected.GetRawText()}");
            }
        }

        if (entry.Url is { } url && url != $"/decisions/{sequence}")
        {
            throw new CheckFailedException($"entry {sequence}: url {url} does not lead to it");
        }

        if (entry.Fields.FirstOrDefault(field => field.Name == "meeting_date_precision").Value is { } precision)
        {
            var iso = form.TryGetProperty("meeting_date_iso", out var date) ? date.GetString() : null;
            var expected = iso switch
            {
                null => null,
                { Length: 4 } => "year",
                { Length: 7 } => "month",
                { Length: 10 } => "day",
                _ => "time",
            };
            if (!precision.Matches(JsonSerializer.SerializeToElement(expected)))
            {
                throw new CheckFailedException($"entry {sequence}: meeting_date_precision is {precision}, but its meeting_date_iso says {expected ?? "none"}");
            }
        }

        return sequence;
    }

    private static string HashOf(string previousHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical)));

    private static async IAsyncEnumerable<Entry> EntriesAsync(string file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            await csv.ReadAsync();
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? throw new CheckFailedException($"{file} has no header row");
            while (await csv.ReadAsync())
            {
                yield return Entry.FromCsv(header, csv);
            }

            yield break;
        }

        await using var stream = File.OpenRead(file);
        using var page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var items = page.RootElement.TryGetProperty("items", out var list) ? list.EnumerateArray().ToList() : [page.RootElement];
        foreach (var item in items)
        {
            yield return Entry.FromJson(item);
        }
    }

    private sealed record InclusionAnswer(long Sequence, long LeafIndex, long TreeSize, string LeafHash, string[] AuditPath);

    private sealed record ConsistencyAnswer(long First, long Second, string[] Proof);

    /// <summary>A field's value as an export row gives it: text from a CSV cell, or JSON from the API.</summary>
    private abstract record FieldValue
    {
        public abstract bool Matches(JsonElement canonical);
    }

    private sealed record CsvCell(string Text) : FieldValue
    {
        public override bool Matches(JsonElement canonical)
        {
            var expected = canonical.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.String => canonical.GetString()!,
                _ => canonical.GetRawText(),
            };

            // The site's CSV prefixes a cell a spreadsheet would run as a formula with ' (OWASP's advice).
            return Text == expected || (expected.Length > 0 && "=+-@\t\r".Contains(expected[0], StringComparison.Ordinal) && Text == "'" + expected);
        }

        public override string ToString() => $"\"{Text}\"";
    }

    private sealed record JsonField(JsonElement Value) : FieldValue
    {
        public override bool Matches(JsonElement canonical) => JsonElement.DeepEquals(Value, canonical);

        public override string ToString() => Value.GetRawText();
    }

    /// <summary>One exported entry: its fields, named as in the canonical form, and its chain fields.</summary>
    private sealed record Entry(string Canonical, string PreviousHash, string Hash, IReadOnlyList<string>? CanonicalFields, string? Url, IReadOnlyList<(string Name, FieldValue Value)> Fields)
    {
        public static Entry FromCsv(string[] header, CsvReader row)
        {
            var fields = header.Select((name, index) => (name, (FieldValue)new CsvCell(row.GetField(index) ?? ""))).ToList();
            string Get(string name) => row.GetField(name) ?? throw new CheckFailedException($"the CSV has no {name} column");
            var listed = header.Contains("canonical_fields") ? Get("canonical_fields").Split(' ') : null;
            return new Entry(Get("canonical"), Get("previous_hash"), Get("hash"), listed, null, fields);
        }

        public static Entry FromJson(JsonElement item)
        {
            var fields = item.EnumerateObject().Select(field => (SnakeCase(field.Name), (FieldValue)new JsonField(field.Value.Clone()))).ToList();
            string Get(string name) => item.TryGetProperty(name, out var value) && value.GetString() is { } text ? text : throw new CheckFailedException($"an entry has no {name}");
            var listed = item.TryGetProperty("canonicalFields", out var names) ? names.EnumerateArray().Select(name => name.GetString()!).ToList() : null;
            var url = item.TryGetProperty("url", out var link) ? link.GetString() : null;
            return new Entry(Get("canonical"), Get("previousHash"), Get("hash"), listed, url, fields);
        }

        private static string SnakeCase(string name) =>
            string.Concat(name.Select(letter => char.IsUpper(letter) ? "_" + char.ToLowerInvariant(letter) : letter.ToString()));
    }
}
