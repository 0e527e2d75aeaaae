namespace KentMedwayCommissioning.Web.Domain.Registers;

/// <summary>
/// The time limits of NHS England's statutory guidance on conflicts of interest for CCGs (2017): interests are declared
/// within 28 days, stay on the published register for 6 months after they end, are kept for 6 years and are reviewed
/// at least once a year.
/// </summary>
public static class ConflictsOfInterestGuidance
{
    public const int DeclareWithinDays = 28;
    public const int PublishedForMonthsAfterEnding = 6;
    public const int KeptForYears = 6;
    public const int ReviewEveryYears = 1;

    /// <summary>Declared more than 28 days after the interest began: the 28th day is still in time.</summary>
    public static bool IsDeclaredLate(DateOnly? began, DateOnly declaredOn) =>
        began is { } from && declaredOn > from.AddDays(DeclareWithinDays);

    /// <summary>The earliest end date an interest can have and still be on the published register on <paramref name="today"/>.</summary>
    public static DateOnly PublishedIfEndedOnOrAfter(DateOnly today) => today.AddMonths(-PublishedForMonthsAfterEnding);

    /// <summary>An interest that has not ended is published; one that has stays for 6 months, to the day.</summary>
    public static bool IsPublishedOn(DateOnly? ended, DateOnly today) => ended is not { } to || to >= PublishedIfEndedOnOrAfter(today);

    /// <summary>Records of anything that ended (or, for an offer, was made) before this date are past keeping.</summary>
    public static DateOnly PurgeIfEndedBefore(DateOnly today) => today.AddYears(-KeptForYears);

    public static bool IsDueForPurgeOn(DateOnly ended, DateOnly today) => ended < PurgeIfEndedBefore(today);

    /// <summary>A person's declaration (new interests, or confirming there is nothing new) is due again after a year.</summary>
    public static bool IsReviewOverdue(DateOnly? lastDeclaredOn, DateOnly today) =>
        lastDeclaredOn is not { } last || last < today.AddYears(-ReviewEveryYears);
}
