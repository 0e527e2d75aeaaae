using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>How much of a meeting's date is known: the papers of a historical decision may give only the month or the year.</summary>
public enum MeetingDatePrecision
{
    Year,
    Month,
    Day,

    /// <summary>The day and the time it starts: every meeting the app schedules.</summary>
    Time,
}

/// <summary>
/// A meeting's date no more precisely than it is known. <see cref="Meeting.StartsAt"/> holds a moment in any case (the
/// start of the year or month when that is all the papers give), so meetings sort; this says how much of it is true.
/// </summary>
public static class MeetingDate
{
    /// <summary>
    /// ISO 8601 at the known precision: <c>2018</c>, <c>2018-02</c>, <c>2018-02-22</c> (the day in Kent), or the start
    /// in UTC to the second with a <c>Z</c>.
    /// </summary>
    public static string Iso(DateTimeOffset startsAt, MeetingDatePrecision precision)
    {
        var local = UkCalendar.ToUkTime(startsAt);
        return precision switch
        {
            MeetingDatePrecision.Year => local.ToString("yyyy", CultureInfo.InvariantCulture),
            MeetingDatePrecision.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            MeetingDatePrecision.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            MeetingDatePrecision.Time => startsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
        };
    }

    /// <summary>The precision an ISO 8601 date written by <see cref="Iso"/> has, read from its length.</summary>
    public static MeetingDatePrecision PrecisionOf(string iso) => iso.Length switch
    {
        4 => MeetingDatePrecision.Year,
        7 => MeetingDatePrecision.Month,
        10 => MeetingDatePrecision.Day,
        _ => MeetingDatePrecision.Time,
    };
}
