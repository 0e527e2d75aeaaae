using System.Globalization;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>Samples a process's resident memory (VmRSS in /proc/PID/status) four times a second and keeps the peak.</summary>
public sealed class ResidentMemory : IDisposable
{
    private readonly Timer _timer;
    private readonly string _status;
    private long _peakKilobytes;

    public ResidentMemory(int pid)
    {
        _status = $"/proc/{pid}/status";
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public double PeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    public void Dispose() => _timer.Dispose();

    /// <summary>The process's resident memory now, or null once it has exited.</summary>
    public static double? CurrentMegabytes(int pid) => Kilobytes($"/proc/{pid}/status") / 1024.0;

    private void Sample()
    {
        if (Kilobytes(_status) is { } kilobytes)
        {
            var peak = Interlocked.Read(ref _peakKilobytes);
            while (kilobytes > peak && Interlocked.CompareExchange(ref _peakKilobytes, kilobytes, peak) != peak)
            {
                peak = Interlocked.Read(ref _peakKilobytes);
            }
        }
    }

    private static long? Kilobytes(string status)
    {
        try
        {
            var line = File.ReadLines(status).FirstOrDefault(candidate => candidate.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is not null && long.TryParse(line["VmRSS:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
                ? kilobytes
                : null;
        }
        catch (IOException)
        {
            // The app has exited; keep the peak seen so far.
            return null;
        }
    }
}
