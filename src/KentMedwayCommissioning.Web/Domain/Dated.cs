using System.Linq.Expressions;

namespace KentMedwayCommissioning.Web.Domain;

/// <summary>Something held for a period: a seat or an appointment. A missing start or end means the papers do not limit it that way.</summary>
public interface IDated
{
    DateOnly? From { get; }

    DateOnly? To { get; }
}

/// <summary>
/// The one rule for "held on a day", inclusive at both ends. <see cref="Covers"/> answers it in memory;
/// <see cref="HeldOn{T}"/> is the same rule as a query filter, so the database answers as the pages do.
/// CastVote's single statement repeats it in SQL; a test runs both against the same cases.
/// </summary>
public static class Dated
{
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly day) => (from is null || from <= day) && (to is null || day <= to);

    /// <summary>Whether two periods share a day; a missing end is open that way.</summary>
    public static bool Overlap(DateOnly? firstFrom, DateOnly? firstTo, DateOnly? secondFrom, DateOnly? secondTo) =>
        (firstFrom is null || secondTo is null || firstFrom <= secondTo)
        && (secondFrom is null || firstTo is null || secondFrom <= firstTo);

    public static Expression<Func<T, bool>> HeldOn<T>(DateOnly day)
        where T : IDated =>
        held => (held.From == null || held.From <= day) && (held.To == null || held.To >= day);
}
