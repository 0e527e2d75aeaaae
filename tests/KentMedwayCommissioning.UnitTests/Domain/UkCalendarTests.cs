using System.Globalization;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Registers;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class UkCalendarTests
{
    /// <summary>A clock stopped at one moment on a server far from Kent, so the server's own zone cannot leak into "today".</summary>
    private sealed class ClockInTokyo(string utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    }

    [Theory]
    [InlineData("2026-01-31T23:30:00Z", "2026-01-31")]  // winter: Kent keeps UTC
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")]  // summer: 00:30 BST is already the next day
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")]  // half an hour before the clocks go forward
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]  // the last GMT midnight before the change
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")]  // still BST: the clocks go back at 01:00 UTC on the 25th
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]  // GMT again after the change
    public void Today_is_the_day_on_a_clock_in_Kent_whatever_the_server_s_zone(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), UkCalendar.Today(new ClockInTokyo(utc)));

    [Theory]
    [InlineData("2026-06-30T23:30:00Z", false)]  // 1 July in Kent: the 28th day after 3 June, still in time
    [InlineData("2026-07-01T23:30:00Z", true)]   // 2 July in Kent, although still 1 July in UTC
    public void The_28_day_deadline_runs_on_the_uk_day(string declaredAtUtc, bool late) =>
        Assert.Equal(late, ConflictsOfInterestGuidance.IsDeclaredLate(new DateOnly(2026, 6, 3), UkCalendar.Today(new ClockInTokyo(declaredAtUtc))));

    [Fact]
    public void The_28_day_deadline_counts_days_not_hours_across_the_clock_change()
    {
        // 1 March to 29 March spans the change to BST: the 28th day is still 29 March, declared at 00:30 that morning.
        var declaredOn = UkCalendar.Today(new ClockInTokyo("2026-03-29T00:30:00Z"));
        Assert.False(ConflictsOfInterestGuidance.IsDeclaredLate(new DateOnly(2026, 3, 1), declaredOn));
        Assert.True(ConflictsOfInterestGuidance.IsDeclaredLate(new DateOnly(2026, 3, 1), declaredOn.AddDays(1)));
    }

    [Theory]
    [InlineData("2026-03-29T02:30:00", "2026-03-29T01:30:00Z")]  // BST has begun
    [InlineData("2026-03-28T10:00:00", "2026-03-28T10:00:00Z")]
    [InlineData("2026-10-25T10:00:00", "2026-10-25T10:00:00Z")]  // GMT again
    [InlineData("2026-10-24T10:00:00", "2026-10-24T09:00:00Z")]
    public void A_time_on_a_clock_in_Kent_is_the_moment_it_names(string local, string utc) =>
        Assert.Equal(
            DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture),
            UkCalendar.FromUkTime(DateTime.Parse(local, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-07-01", "2026-06-30T23:00:00Z", "2026-07-01T23:00:00Z")]  // BST
    [InlineData("2026-01-31", "2026-01-31T00:00:00Z", "2026-02-01T00:00:00Z")]  // GMT
    [InlineData("2026-03-29", "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z")]  // 23 hours: the clocks go forward
    [InlineData("2026-10-25", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z")]  // 25 hours: the clocks go back
    public void A_day_in_a_filter_runs_from_midnight_to_midnight_in_Kent_given_in_UTC(string day, string start, string end)
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);

        Assert.Equal((DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, CultureInfo.InvariantCulture)), (UkCalendar.StartOfDay(date), UkCalendar.EndOfDay(date)));
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (UkCalendar.StartOfDay(date).Offset, UkCalendar.EndOfDay(date).Offset));
    }
}
