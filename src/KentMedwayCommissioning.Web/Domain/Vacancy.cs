namespace KentMedwayCommissioning.Web.Domain;

/// <summary>One holding of a post, as the register reads it.</summary>
public sealed record Holding(AppointmentKind Kind, DateOnly? From, DateOnly? To)
{
    public bool IsHeldOn(DateOnly day) => Dated.Covers(From, To, day);
}

public enum PostStanding
{
    Filled,

    /// <summary>Held only transitionally, by someone whose substantive post is elsewhere.</summary>
    HeldTransitionally,

    Vacant,
}

public static class Vacancy
{
    public static PostStanding StandingOn(IEnumerable<Holding> holdings, DateOnly day)
    {
        var current = holdings.Where(holding => holding.IsHeldOn(day)).ToList();
        return current.Any(holding => holding.Kind == AppointmentKind.Substantive) ? PostStanding.Filled
            : current.Count > 0 ? PostStanding.HeldTransitionally
            : PostStanding.Vacant;
    }

    /// <summary>When the post last had a substantive holder, or when it was created; null when the papers do not say.</summary>
    public static DateOnly? Since(IEnumerable<Holding> holdings, DateOnly? establishedOn) =>
        holdings.Where(holding => holding.Kind == AppointmentKind.Substantive).Max(holding => holding.To) ?? establishedOn;
}
