namespace KentMedwayCommissioning.Web.Domain;

public enum InterestKind
{
    Financial,
    NonFinancialProfessional,
    NonFinancialPersonal,
    Indirect,
}

/// <summary>An entry in a person's standing register of interests (NHS England guidance on conflicts of interest).</summary>
public sealed class Interest
{
    private Interest()
    {
        Description = null!;
    }

    public Interest(int personId, InterestKind kind, string description, string? touches, DateOnly? from, DateOnly? to, DateOnly declaredOn, string? management = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (from is not null && to is not null && to < from)
        {
            throw new ArgumentException("An interest cannot end before it begins.", nameof(to));
        }

        PersonId = personId;
        Kind = kind;
        Description = description.Trim();
        Touches = string.IsNullOrWhiteSpace(touches) ? null : touches.Trim();
        From = from;
        To = to;
        DeclaredOn = declaredOn;
        Management = string.IsNullOrWhiteSpace(management) ? null : management.Trim();
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public InterestKind Kind { get; private set; }
    public string Description { get; private set; }

    /// <summary>The bodies, suppliers or organisations the interest touches.</summary>
    public string? Touches { get; private set; }

    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public DateOnly DeclaredOn { get; private set; }

    /// <summary>The action taken to manage the interest, as the published register shows it.</summary>
    public string? Management { get; private set; }

    /// <summary>Declared more than 28 days after it began.</summary>
    public bool IsDeclaredLate => Registers.ConflictsOfInterestGuidance.IsDeclaredLate(From, DeclaredOn);

    public bool IsPublishedOn(DateOnly today) => Registers.ConflictsOfInterestGuidance.IsPublishedOn(To, today);

    public void End(DateOnly on)
    {
        if (To is not null)
        {
            throw new GovernanceException("This interest has already ended.");
        }

        if (From is not null && on < From)
        {
            throw new GovernanceException("This interest begins in the future, so it cannot end today.");
        }

        To = on;
    }

    /// <summary>Records (or replaces) the action taken to manage the interest, usually agreed with the board secretary.</summary>
    public void RecordManagement(string management)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(management);
        Management = management.Trim();
    }

    public static string DisplayName(InterestKind kind) => kind switch
    {
        InterestKind.Financial => "Financial",
        InterestKind.NonFinancialProfessional => "Non-financial professional",
        InterestKind.NonFinancialPersonal => "Non-financial personal",
        InterestKind.Indirect => "Indirect",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
