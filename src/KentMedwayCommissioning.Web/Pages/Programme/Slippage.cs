namespace KentMedwayCommissioning.Web.Pages.Programme;

public static class Slippage
{
    /// <summary>"on time", "12 days later", or in months once it is more than two: "15 months later".</summary>
    public static string Describe(int days) => days switch
    {
        0 => "No slippage",
        < 0 => $"{Describe(-days).Replace(" later", "", StringComparison.Ordinal)} earlier",
        1 => "1 day later",
        <= 60 => $"{days} days later",
        _ => $"{Math.Round(days / 30.44)} months later",
    };
}
