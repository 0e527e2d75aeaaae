namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>A "from" and "to" day in a filter, as the instants that bound it: the register and the audit log store UTC.</summary>
public static class UtcDays
{
    /// <summary>The first instant of the day.</summary>
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the day, so "to" includes the whole of it.</summary>
    public static DateTimeOffset End(DateOnly day) => Start(day.AddDays(1));
}
