using System.Globalization;
using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>How dates and periods read on the pages, the same way everywhere.</summary>
public static class Display
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date, string whenUnknown = "not stated", DatePrecision precision = DatePrecision.Day) =>
        date?.ToString(precision == DatePrecision.Month ? "MMMM yyyy" : "d MMMM yyyy", British) ?? whenUnknown;

    /// <summary>A moment as people in Kent read it: "Monday 5 February 2018 at 2:00pm".</summary>
    public static string DateTime(DateTimeOffset moment)
    {
        var local = UkCalendar.ToUkTime(moment);
        return local.ToString("dddd d MMMM yyyy 'at' h:mm", British) + (local.Hour < 12 ? "am" : "pm");
    }

    public static string Time(DateTimeOffset moment)
    {
        var local = UkCalendar.ToUkTime(moment);
        return local.ToString("h:mm", British) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>A file's size as people read it: "820 KB", "4.2 MB".</summary>
    public static string FileSize(long bytes) =>
        bytes < 1024 * 1024 ? $"{Math.Max(1, (bytes + 1023) / 1024)} KB" : (bytes / (1024.0 * 1024.0)).ToString("0.# 'MB'", British);

    /// <summary>Pounds as people read them: "£40" for whole pounds, "£5.99" otherwise.</summary>
    public static string Pounds(decimal value) => value.ToString(decimal.Truncate(value) == value ? "C0" : "C2", British);

    public static string Period(DateOnly? from, DateOnly? to, DatePrecision fromPrecision = DatePrecision.Day) => (from, to) switch
    {
        (null, null) => "Dates not stated",
        (not null, null) => $"From {Date(from, precision: fromPrecision)}",
        (null, not null) => $"Until {Date(to)}",
        _ => $"{Date(from, precision: fromPrecision)} to {Date(to)}",
    };
}
