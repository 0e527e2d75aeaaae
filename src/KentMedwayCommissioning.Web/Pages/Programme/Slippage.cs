using System.Globalization;

namespace KentMedwayCommissioning.Web.Pages.Programme;

public static class Slippage
{
    /// <summary>"No slippage", "12 days later", or in months once it is more than two: "15 months later".</summary>
    public static string Describe(int days) => days switch
    {
        0 => "No slippage",
        < 0 => $"{Describe(-days).Replace(" later", "", StringComparison.Ordinal)} earlier",
        1 => "1 day later",
        <= 60 => $"{days} days later",
        _ => $"{Math.Round(days / 30.44)} months later",
    };

    /// <summary>
    /// As <see cref="Describe(int)"/>, but a milestone whose forecast date has passed reads as overdue with the days:
    /// "No slippage" would contradict its status.
    /// </summary>
    public static string Describe(int days, int? daysOverdue) => daysOverdue switch
    {
        null => Describe(days),
        { } overdue when days == 0 => $"Overdue by {Days(overdue)}",
        { } overdue => $"{Describe(days)}; overdue by {Days(overdue)}",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} days";
}
