namespace KentMedwayCommissioning.TestSupport;

/// <summary>
/// A clock stopped at one moment, on a server whose own time zone is <paramref name="serverZone"/> (UTC unless given):
/// what the app calls "today" must not depend on where the server runs.
/// </summary>
public sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? serverZone = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => serverZone ?? TimeZoneInfo.Utc;
}
