using System.Diagnostics;
using System.Net;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>The app as its own process (the build the tests reference), so a test can kill it as a crash would.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private Process? _process;

    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private AppProcess(string connectionString, int port, string environment, IReadOnlyDictionary<string, string>? settings)
    {
        ConnectionString = connectionString;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts the app; <paramref name="settings"/> are environment variables that override the defaults below.</summary>
    public static async Task<AppProcess> StartAsync(string connectionString, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new AppProcess(connectionString, LoopbackPort.Free(), environment, settings);
        await app.StartAgainAsync();
        return app;
    }

    /// <summary>Runs the app's command line (<c>dotnet KentMedwayCommissioning.Web.dll ARGUMENTS</c>) over the same database and settings, and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KentMedwayCommissioning.Web.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        start.Environment["ConnectionStrings__Default"] = ConnectionString;
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KentMedwayCommissioning.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ConnectionStrings__Default"] = ConnectionString;
        start.Environment["DatabaseStartup__ApplyMigrations"] = "false";
        start.Environment["DatabaseStartup__LoadDemoData"] = "false";
        start.Environment["RateLimiting__Enabled"] = "false";
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        // Drained and dropped: a full pipe would stall the app.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The app process did not become ready within 30 seconds.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }
    }
}
