namespace KentMedwayCommissioning.Web.Domain;

/// <summary>
/// The one meaning of "today" and of a moment's day: the day in Kent (Europe/London, with its clock changes), whatever
/// time zone the server runs in. Deadlines, seats on the day of a meeting, the registers and the pages all use it.
/// </summary>
public static class UkCalendar
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>PostgreSQL's name for <see cref="Zone"/>, for a day worked out in SQL.</summary>
    public const string ZoneId = "Europe/London";

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The day in Kent on which <paramref name="moment"/> falls.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(ToUkTime(moment).DateTime);

    /// <summary>The moment as a clock in Kent shows it.</summary>
    public static DateTimeOffset ToUkTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The first moment of a day in Kent, in UTC as the database stores moments: a "from" day in a filter.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => FromUkTime(day.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>The first moment after a day in Kent, so a "to" day in a filter includes the whole of it.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>A date and time on a clock in Kent, as the moment it names.</summary>
    public static DateTimeOffset FromUkTime(DateTime local) =>
        new(local, Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
}
