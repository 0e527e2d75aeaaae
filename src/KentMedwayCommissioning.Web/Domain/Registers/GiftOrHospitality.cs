using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.Web.Domain.Registers;

public enum OfferKind
{
    Gift,
    Hospitality,
}

/// <summary>What the guidance asks of the person offered a gift or hospitality.</summary>
public enum OfferRequirement
{
    MayAcceptWithoutDeclaring,
    MayAcceptAndMustDeclare,
    MustDeclineUnlessSeniorApproval,
    MustDecline,
}

/// <summary>The rule that applies to an offer and the reason, in words the form shows the person.</summary>
public sealed record OfferAssessment(OfferRequirement Requirement, string Reason)
{
    /// <summary>Everything but a small offer that may simply be accepted goes on the register, declined or not.</summary>
    public bool GoesOnRegister => Requirement != OfferRequirement.MayAcceptWithoutDeclaring;

    public string Summary => Requirement switch
    {
        OfferRequirement.MayAcceptWithoutDeclaring => "It may be accepted and need not be declared",
        OfferRequirement.MayAcceptAndMustDeclare => "It may be accepted and must be declared",
        OfferRequirement.MustDeclineUnlessSeniorApproval => "It must be declined unless a senior manager approves it, and it must be declared",
        OfferRequirement.MustDecline => "It must be declined, and the offer declared",
        _ => throw new ArgumentOutOfRangeException(nameof(Requirement), Requirement, null),
    };
}

/// <summary>The thresholds of the guidance on gifts and hospitality (DOMAIN.md): £6, £25, £50 and £75.</summary>
public static class GiftsAndHospitalityRules
{
    public const decimal LowCostSupplierGiftBelow = 6m;
    public const decimal GiftDeclaredFrom = 50m;
    public const decimal HospitalityDeclaredFrom = 25m;
    public const decimal HospitalityNeedsApprovalAbove = 75m;

    public static OfferAssessment Assess(OfferKind kind, decimal value, bool fromSupplier) => kind switch
    {
        OfferKind.Gift when fromSupplier && value < LowCostSupplierGiftBelow => new(OfferRequirement.MayAcceptWithoutDeclaring,
            "Gifts from suppliers or contractors are declined, except low-cost items worth under £6."),
        OfferKind.Gift when fromSupplier => new(OfferRequirement.MustDecline,
            "Gifts from suppliers or contractors are declined whatever their value, except low-cost items worth under £6."),
        OfferKind.Gift when value < GiftDeclaredFrom => new(OfferRequirement.MayAcceptWithoutDeclaring,
            "Gifts worth under £50 from anyone but a supplier or contractor may be accepted and need not be declared."),
        OfferKind.Gift => new(OfferRequirement.MayAcceptAndMustDeclare,
            "Gifts worth £50 or more are accepted only on behalf of the organisation, and declared."),
        OfferKind.Hospitality when value < HospitalityDeclaredFrom => new(OfferRequirement.MayAcceptWithoutDeclaring,
            "Hospitality worth under £25 may be accepted and need not be declared."),
        OfferKind.Hospitality when value <= HospitalityNeedsApprovalAbove => new(OfferRequirement.MayAcceptAndMustDeclare,
            "Hospitality worth £25 to £75 may be accepted, and must be declared."),
        OfferKind.Hospitality => new(OfferRequirement.MustDeclineUnlessSeniorApproval,
            "Hospitality worth over £75 is refused unless a senior manager approves it, and is declared either way."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(OfferKind kind) => kind switch
    {
        OfferKind.Gift => "Gift",
        OfferKind.Hospitality => "Hospitality",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>An offer of a gift or hospitality made to a person, and whether they accepted it.</summary>
public sealed class GiftOrHospitality
{
    private GiftOrHospitality()
    {
        Description = null!;
        Giver = null!;
        RecordedBy = null!;
    }

    public GiftOrHospitality(
        int personId,
        OfferKind kind,
        string description,
        string giver,
        bool giverIsSupplier,
        decimal value,
        DateOnly offeredOn,
        bool accepted,
        string? seniorApproval,
        DateOnly declaredOn,
        string recordedBy,
        bool isFictional = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(giver);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var assessment = GiftsAndHospitalityRules.Assess(kind, value, giverIsSupplier);
        var approval = string.IsNullOrWhiteSpace(seniorApproval) ? null : seniorApproval.Trim();
        if (accepted && assessment.Requirement == OfferRequirement.MustDecline)
        {
            throw new GovernanceException($"This offer cannot be accepted. {assessment.Reason}");
        }

        if (accepted && assessment.Requirement == OfferRequirement.MustDeclineUnlessSeniorApproval && approval is null)
        {
            throw new GovernanceException($"Name the senior manager who approved accepting it. {assessment.Reason}");
        }

        PersonId = personId;
        Kind = kind;
        Description = description.Trim();
        Giver = giver.Trim();
        GiverIsSupplier = giverIsSupplier;
        Value = value;
        OfferedOn = offeredOn;
        Accepted = accepted;
        SeniorApproval = accepted ? approval : null;
        DeclaredOn = declaredOn;
        RecordedBy = recordedBy;
        IsFictional = isFictional;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public OfferKind Kind { get; private set; }
    public string Description { get; private set; }
    public string Giver { get; private set; }
    public bool GiverIsSupplier { get; private set; }

    /// <summary>Value in pounds, as the person estimated it.</summary>
    public decimal Value { get; private set; }

    public DateOnly OfferedOn { get; private set; }
    public bool Accepted { get; private set; }

    /// <summary>Who approved accepting hospitality over £75.</summary>
    public string? SeniorApproval { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    /// <summary>The account that recorded it: the person, their board secretary or an administrator.</summary>
    public string RecordedBy { get; private set; }

    public bool IsFictional { get; private set; }

    public OfferAssessment Assessment => GiftsAndHospitalityRules.Assess(Kind, Value, GiverIsSupplier);
}
