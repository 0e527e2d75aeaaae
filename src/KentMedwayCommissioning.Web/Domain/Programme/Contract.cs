namespace KentMedwayCommissioning.Web.Domain.Programme;

/// <summary>
/// A contract for a service, and when it must be recommissioned: services worth more than £650,000 are
/// recommissioned every five years (the legal duty the health scrutiny committee raised).
/// </summary>
public sealed class Contract
{
    public const decimal RecommissioningThreshold = 650_000m;
    public const int RecommissioningYears = 5;

    private Contract()
    {
        Service = null!;
        Provider = null!;
    }

    public Contract(int bodyId, string service, string provider, decimal value, DateOnly startedOn, bool isFictional = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        BodyId = bodyId;
        Service = service.Trim();
        Provider = provider.Trim();
        Value = value;
        StartedOn = startedOn;
        IsFictional = isFictional;
    }

    public int Id { get; private set; }

    /// <summary>The commissioning body that holds the contract.</summary>
    public int BodyId { get; private set; }

    public string Service { get; private set; }
    public string Provider { get; private set; }

    /// <summary>Value in pounds.</summary>
    public decimal Value { get; private set; }

    public DateOnly StartedOn { get; private set; }
    public bool IsFictional { get; private set; }

    public bool MustBeRecommissioned => Value > RecommissioningThreshold;

    /// <summary>Five years from the start for a contract over the threshold; none below it.</summary>
    public DateOnly? RecommissioningDue => RecommissioningDueFor(Value, StartedOn);

    public static DateOnly? RecommissioningDueFor(decimal value, DateOnly startedOn) =>
        value > RecommissioningThreshold ? startedOn.AddYears(RecommissioningYears) : null;

    /// <summary>Due within a year of <paramref name="today"/>, or overdue.</summary>
    public bool IsDueWithinAYearOf(DateOnly today) => RecommissioningDue is { } due && due <= today.AddYears(1);
}
