using System.Net;
using System.Text.Json;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Transparency;
using KentMedwayCommissioning.Verify;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// The register as a transparency log, checked as a sceptical reader would: with the verifier tool and the script that
/// the verify page serves, against the site's signed checkpoints and proofs, and against a site that cheats.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed class TransparencyLogTests(TestApp app) : IAsyncLifetime, IDisposable
{
    private static readonly NoteVerifier Key = NoteSigner.Parse(TestApp.SigningKey).Verifier;

    private readonly Browsing _browsing = new(app);
    private readonly string _workspace = Directory.CreateTempSubdirectory("kmc-transparency-").FullName;

    private HttpClient Site => _browsing.Client;

    private string State => Path.Combine(_workspace, "witness.checkpoint");

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task The_checkpoint_is_signed_with_the_published_key_and_every_decision_is_in_its_tree()
    {
        var checkpoint = Checkpoint.Open(await Site.GetStringAsync("/decisions/checkpoint"), Key);

        Assert.Equal(Key.Encoded + "\n", await Site.GetStringAsync("/decisions/verifier-key"));
        Assert.Equal(await app.QueryDbAsync(db => db.PublishedDecisions.LongCountAsync()), checkpoint.Size);
        for (var sequence = 1; sequence <= checkpoint.Size; sequence++)
        {
            await RegisterChecks.CheckInclusionAsync(Site, Key, sequence);
        }
    }

    [Fact]
    public async Task The_witness_accepts_a_register_that_only_grew()
    {
        var before = await RegisterChecks.WitnessAsync(Site, Key, State);
        await PublishACorrectionAsync();

        var after = await RegisterChecks.WitnessAsync(Site, Key, State);

        Assert.Equal(before.Size + 1, after.Size);
        Assert.Equal(after, Checkpoint.Open(await File.ReadAllTextAsync(State), Key), CheckpointComparer.Instance);
    }

    [Fact]
    public async Task The_witness_catches_an_old_entry_rewritten_and_the_tree_rebuilt_to_match()
    {
        await RegisterChecks.WitnessAsync(Site, Key, State);
        await CheatAsync("UPDATE published_decisions SET explanation = 'Agreed unanimously' WHERE sequence = 3");
        await PublishACorrectionAsync();

        var alarm = await Assert.ThrowsAsync<CheckFailedException>(() => RegisterChecks.WitnessAsync(Site, Key, State));

        Assert.Contains("does not extend the one of", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_witness_catches_a_register_cut_short()
    {
        await PublishACorrectionAsync();
        await RegisterChecks.WitnessAsync(Site, Key, State);
        await CheatAsync("DELETE FROM published_decisions WHERE sequence = (SELECT max(sequence) FROM published_decisions)");

        var alarm = await Assert.ThrowsAsync<CheckFailedException>(() => RegisterChecks.WitnessAsync(Site, Key, State));

        Assert.Contains("shrank", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_witness_catches_a_fork_and_keeps_the_checkpoint_it_trusted()
    {
        var trusted = await RegisterChecks.WitnessAsync(Site, Key, State);
        await CheatAsync("UPDATE published_decisions SET explanation = explanation || ' (and agreed unanimously)' WHERE sequence = 2");

        var alarm = await Assert.ThrowsAsync<CheckFailedException>(() => RegisterChecks.WitnessAsync(Site, Key, State));

        Assert.Contains("two different checkpoints of", alarm.Message, StringComparison.Ordinal);
        Assert.Equal(trusted, Checkpoint.Open(await File.ReadAllTextAsync(State), Key), CheckpointComparer.Instance);
        Assert.Contains("does not match its hash", (await app.SendAsync(new VerifyModel.Query())).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_cosigns_what_it_checked_and_the_script_verifies_the_cosignature()
    {
        await SaveDownloadsAsync();
        var witnessKey = Cosignature.GenerateKey("witness.example-newspaper.co.uk");
        await File.WriteAllTextAsync(Path.Combine(_workspace, "witness.pub"), Cosignature.PublicKeyOf(witnessKey).Encoded);

        await RegisterChecks.WitnessAsync(Site, Key, State, witnessKey);
        var (exitCode, output) = await RunScriptAsync("checkpoint", State, "--key", "register.pub", "--witness-key", "witness.pub");
        var (refused, _) = await RunScriptAsync("checkpoint", "checkpoint", "--key", "register.pub", "--witness-key", "witness.pub");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^signed \d+ \S+\ncosigned \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", output);
        Assert.Equal(1, refused);
        Cosignature.Verify(await File.ReadAllTextAsync(State), Cosignature.PublicKeyOf(witnessKey));
    }

    [Fact]
    public async Task Whole_exports_check_against_the_signed_checkpoint_with_the_tool_and_the_served_script()
    {
        await SaveDownloadsAsync();
        var pages = Path.Combine(_workspace, "page-1.json");
        await File.WriteAllTextAsync(pages, await Site.GetStringAsync("/api/v1/decisions?limit=500"));
        var checkpoint = Checkpoint.Open(await File.ReadAllTextAsync(Path.Combine(_workspace, "checkpoint")), Key);

        var fromCsv = await RegisterChecks.CheckExportAsync([Path.Combine(_workspace, "decisions.csv")], checkpoint);
        var fromJson = await RegisterChecks.CheckExportAsync([pages], checkpoint);
        var (exitCode, output) = await RunScriptAsync("export", "decisions.csv", "--checkpoint", "checkpoint", "--key", "register.pub");

        Assert.Equal(checkpoint.Size, fromCsv.Entries);
        Assert.Equal((fromCsv.Entries, fromCsv.HeadHash, Convert.ToBase64String(fromCsv.Root)), (fromJson.Entries, fromJson.HeadHash, Convert.ToBase64String(fromJson.Root)));
        Assert.Empty(fromCsv.UncoveredFields);
        Assert.Empty(fromJson.UncoveredFields);
        Assert.Equal(0, exitCode);
        Assert.Equal($"intact {checkpoint.Size} {fromCsv.HeadHash} {Convert.ToBase64String(checkpoint.Root)}", output);
    }

    [Fact]
    public async Task A_changed_field_outside_the_canonical_column_is_caught_by_the_script_and_the_tool()
    {
        await SaveDownloadsAsync();
        var csv = Path.Combine(_workspace, "decisions.csv");
        var text = await File.ReadAllTextAsync(csv);
        var at = text.IndexOf(",\"Deferred\",", StringComparison.Ordinal);
        Assert.True(at > 0, "The demo register has a deferred decision.");
        await File.WriteAllTextAsync(csv, string.Concat(text.AsSpan(0, at), ",\"Carried\",", text.AsSpan(at + ",\"Deferred\",".Length)));

        var (exitCode, output) = await RunScriptAsync("export", "decisions.csv", "--checkpoint", "checkpoint", "--key", "register.pub");
        var refused = await Assert.ThrowsAsync<CheckFailedException>(() => RegisterChecks.CheckExportAsync([csv], null));

        Assert.Equal(1, exitCode);
        Assert.Contains("outcome is 'Carried', but the entry as published says 'Deferred'", output, StringComparison.Ordinal);
        Assert.Contains("outcome is \"Carried\", but the entry as published says \"Deferred\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_checked_with_another_key_fails()
    {
        await SaveDownloadsAsync();
        using var impostor = NoteSigner.Parse(NoteSigner.Generate(Key.Name));
        await File.WriteAllTextAsync(Path.Combine(_workspace, "other.pub"), impostor.Verifier.Encoded);

        var (good, signed) = await RunScriptAsync("checkpoint", "checkpoint", "--key", "register.pub");
        var (bad, refused) = await RunScriptAsync("checkpoint", "checkpoint", "--key", "other.pub");

        Assert.Equal((0, 1), (good, bad));
        Assert.StartsWith("signed ", signed, StringComparison.Ordinal);
        Assert.Contains("not signed by the key", refused, StringComparison.Ordinal);
        Assert.Throws<NoteException>(() => Checkpoint.Open(File.ReadAllText(Path.Combine(_workspace, "checkpoint")), impostor.Verifier));
    }

    [Theory]
    [InlineData("/api/v1/decisions/1/inclusion?tree_size=999", HttpStatusCode.BadRequest, "tree_size")]
    [InlineData("/api/v1/decisions/2/inclusion?tree_size=1", HttpStatusCode.BadRequest, "tree_size")]
    [InlineData("/api/v1/decisions/999/inclusion", HttpStatusCode.NotFound, "999")]
    [InlineData("/api/v1/decisions/consistency?first=3", HttpStatusCode.BadRequest, "second")]
    [InlineData("/api/v1/decisions/consistency?first=5&second=3", HttpStatusCode.BadRequest, "second")]
    [InlineData("/api/v1/decisions/consistency?first=1&second=999", HttpStatusCode.BadRequest, "second")]
    [InlineData("/api/v1/decisions/consistency?first=x&second=3", HttpStatusCode.BadRequest, "first")]
    public async Task A_proof_that_cannot_exist_is_refused_with_a_problem(string url, HttpStatusCode status, string named)
    {
        using var response = await Site.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A secretary corrects the newest decision: one more entry in the register.</summary>
    private async Task PublishACorrectionAsync()
    {
        var newest = await app.QueryDbAsync(db => db.PublishedDecisions.OrderByDescending(entry => entry.Sequence).FirstAsync());
        var bodyId = await app.QueryDbAsync(db => db.Bodies.Where(body => body.Slug == newest.BodySlug).Select(body => body.Id).SingleAsync());
        await app.SendAsAsync(TestApp.Secretary(bodyId), new Correct.Command(newest.Sequence, newest.BodySlug, "Noted", "The governing body noted the report.", "The outcome was recorded wrongly"));
    }

    /// <summary>What a site that cheats would do: change the register past its guards and rebuild the tree to match it.</summary>
    private async Task CheatAsync(string change) => await app.QueryDbAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE published_decisions DISABLE TRIGGER published_decisions_append_only; ALTER TABLE register_tree_nodes DISABLE TRIGGER register_tree_nodes_append_only");
        await db.Database.ExecuteSqlRawAsync(change);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM register_tree_nodes; ALTER TABLE register_tree_nodes ENABLE TRIGGER register_tree_nodes_append_only; ALTER TABLE published_decisions ENABLE TRIGGER published_decisions_append_only");
        await RegisterTree.CatchUpAloneAsync(db, CancellationToken.None);
        return true;
    });

    /// <summary>What a reader downloads: the script from the verify page, the CSV and checkpoint together, and the key they keep.</summary>
    private async Task SaveDownloadsAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_workspace, "verify_register.py"), await Site.GetStringAsync(VerifyModel.ScriptPath));
        await File.WriteAllTextAsync(Path.Combine(_workspace, "decisions.csv"), await Site.GetStringAsync("/decisions.csv"));
        await File.WriteAllTextAsync(Path.Combine(_workspace, "checkpoint"), await Site.GetStringAsync("/decisions/checkpoint"));
        await File.WriteAllTextAsync(Path.Combine(_workspace, "register.pub"), Key.Encoded);
    }

    private Task<(int ExitCode, string Output)> RunScriptAsync(params string[] arguments) => Programs.RunAsync(_workspace, "python3", ["verify_register.py", .. arguments]);

    private sealed class CheckpointComparer : IEqualityComparer<Checkpoint>
    {
        public static readonly CheckpointComparer Instance = new();

        public bool Equals(Checkpoint? x, Checkpoint? y) => x?.Text == y?.Text;

        public int GetHashCode(Checkpoint obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
