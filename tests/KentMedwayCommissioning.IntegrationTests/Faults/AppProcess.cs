using System.Diagnostics;
using System.Net;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Faults;

/// <summary>The app as its own process (the build the tests reference), so a test can kill it as a crash would.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private Process? _process;

    private AppProcess(string connectionString, int port)
    {
        ConnectionString = connectionString;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    public static async Task<AppProcess> StartAsync(string connectionString)
    {
        var app = new AppProcess(connectionString, LoopbackPort.Free());
        await app.StartAgainAsync();
        return app;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "KentMedwayCommissioning.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ConnectionStrings__Default"] = ConnectionString;
        start.Environment["DatabaseStartup__ApplyMigrations"] = "false";
        start.Environment["DatabaseStartup__LoadDemoData"] = "false";
        start.Environment["RateLimiting__Enabled"] = "false";
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
