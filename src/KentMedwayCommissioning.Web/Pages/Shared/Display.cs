using System.Globalization;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>How dates and periods read on the pages, the same way everywhere.</summary>
public static class Display
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date, string whenUnknown = "not stated") =>
        date?.ToString("d MMMM yyyy", British) ?? whenUnknown;

    public static string Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => "Dates not stated",
        (not null, null) => $"From {Date(from)}",
        (null, not null) => $"Until {Date(to)}",
        _ => $"{Date(from)} to {Date(to)}",
    };
}
