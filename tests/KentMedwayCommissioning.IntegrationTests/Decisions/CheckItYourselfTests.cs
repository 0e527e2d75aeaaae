using System.Text.Json;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// Runs the procedures that /decisions/verify publishes, taken from the page itself, so that what a
/// reader copies is what was tested.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed class CheckItYourselfTests(TestApp app) : IAsyncLifetime, IDisposable
{
    private readonly Browsing _browsing = new(app);
    private readonly string _workspace = Directory.CreateTempSubdirectory("kmc-check-").FullName;

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public async Task The_published_csv_check_confirms_an_intact_register_and_its_head()
    {
        await SaveAsync("check_csv.py", await PublishedCodeAsync("#check-csv"));
        await SaveAsync("decisions.csv", await _browsing.Client.GetStringAsync("/decisions.csv"));

        var (exitCode, output) = await RunAsync("python3", "check_csv.py", "decisions.csv");

        Assert.Equal(0, exitCode);
        Assert.Equal($"intact 10 {await HeadHashAsync()}", output);
    }

    [Fact]
    public async Task The_published_csv_check_names_an_entry_altered_in_the_download()
    {
        await SaveAsync("check_csv.py", await PublishedCodeAsync("#check-csv"));
        var csv = await _browsing.Client.GetStringAsync("/decisions.csv");
        await SaveAsync("decisions.csv", csv.Replace("\"\"outcome\"\":\"\"Deferred\"\"", "\"\"outcome\"\":\"\"Carried\"\"", StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync("python3", "check_csv.py", "decisions.csv");

        Assert.NotEqual(0, exitCode);
        using var deferred = JsonDocument.Parse(await _browsing.Client.GetStringAsync("/api/v1/decisions?outcome=Deferred"));
        var sequence = deferred.RootElement.GetProperty("items")[0].GetProperty("sequence").GetInt64();
        Assert.Equal($"entry {sequence} does not match", output);
    }

    [Fact]
    public async Task The_published_json_check_confirms_the_pages_of_the_api()
    {
        await SaveAsync("check_json.py", await PublishedCodeAsync("#check-json"));
        await SaveAsync("page-1.json", await _browsing.Client.GetStringAsync("/api/v1/decisions"));

        var (exitCode, output) = await RunAsync("python3", "check_json.py", "page-1.json");

        Assert.Equal(0, exitCode);
        Assert.Equal($"intact 10 {await HeadHashAsync()}", output);
    }

    [Fact]
    public async Task The_published_one_entry_command_prints_the_entry_s_hash()
    {
        var page = await _browsing.GetPageAsync("/decisions/verify");
        var command = page.QuerySelector("#check-one-command")!.TextContent;
        await SaveAsync("decision.json", await _browsing.Client.GetStringAsync("/api/v1/decisions/1"));

        var (exitCode, output) = await RunAsync("bash", "-c", command);

        Assert.Equal(0, exitCode);
        using var decision = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace, "decision.json")));
        Assert.Equal($"{decision.RootElement.GetProperty("hash").GetString()}  -", output);
    }

    private async Task<string> PublishedCodeAsync(string selector)
    {
        var page = await _browsing.GetPageAsync("/decisions/verify");
        return page.QuerySelector(selector)!.TextContent;
    }

    private async Task<string> HeadHashAsync()
    {
        using var verify = JsonDocument.Parse(await _browsing.Client.GetStringAsync("/api/v1/decisions/verify"));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean());
        return verify.RootElement.GetProperty("headHash").GetString()!;
    }

    private Task SaveAsync(string name, string contents) => File.WriteAllTextAsync(Path.Combine(_workspace, name), contents);

    private Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments) => Programs.RunAsync(_workspace, program, arguments);
}
