using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain.Programme;

/// <summary>
/// A date as a plan states it. <see cref="Date"/> orders and measures; <see cref="AsReported"/> keeps the plan's own
/// words ("summer 2019") when it gives no exact day, so nothing more precise than the source is shown.
/// </summary>
public sealed record ReportedDate(DateOnly Date, string? AsReported = null)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public bool IsExact => AsReported is null;

    public override string ToString() => AsReported ?? Date.ToString("d MMMM yyyy", British);
}
