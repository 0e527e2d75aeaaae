using System.Diagnostics;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>Runs a program as a reader would run what the register publishes, in a folder of their downloads.</summary>
internal static class Programs
{
    /// <summary>The program's exit code and everything it printed, standard output then standard error, trimmed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, ((await output) + (await error)).Trim());
    }
}
