using KentMedwayCommissioning.Web.Domain.Meetings;

namespace KentMedwayCommissioning.Web.Domain.Registers;

/// <summary>How the service was bought.</summary>
public enum ProcurementRoute
{
    CompetitiveTender,
    Framework,
    DirectAward,
    ContractExtension,
    AnyQualifiedProvider,
}

/// <summary>
/// A decision to buy or recommission a service, for the published register of procurement decisions. The contract it
/// lets is a programme <see cref="Programme.Contract"/>, which carries the value and the five-yearly recommissioning rule.
/// </summary>
public sealed class ProcurementDecision
{
    private readonly List<ProcurementInterest> _interests = [];

    private ProcurementDecision()
    {
        RecordedBy = null!;
    }

    public ProcurementDecision(int bodyId, int contractId, ProcurementRoute route, DateOnly decidedOn, int? meetingId, long? decisionSequence, string recordedBy, bool isFictional = false)
    {
        BodyId = bodyId;
        ContractId = contractId;
        Route = route;
        DecidedOn = decidedOn;
        MeetingId = meetingId;
        DecisionSequence = decisionSequence;
        RecordedBy = recordedBy;
        IsFictional = isFictional;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public int ContractId { get; private set; }
    public ProcurementRoute Route { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public int? MeetingId { get; private set; }

    /// <summary>The published decision (<c>/decisions/{n}</c>) that records it, when there is one.</summary>
    public long? DecisionSequence { get; private set; }

    public string RecordedBy { get; private set; }
    public bool IsFictional { get; private set; }
    public IReadOnlyList<ProcurementInterest> Interests => _interests;

    public void RecordInterest(int personId, string interest, DeclarationAction management)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interest);
        if (_interests.Any(existing => existing.PersonId == personId))
        {
            throw new GovernanceException("That member's interest in this decision is already recorded.");
        }

        _interests.Add(new ProcurementInterest(personId, interest.Trim(), management));
    }

    public static string DisplayName(ProcurementRoute route) => route switch
    {
        ProcurementRoute.CompetitiveTender => "Competitive tender",
        ProcurementRoute.Framework => "Call-off from a framework",
        ProcurementRoute.DirectAward => "Direct award (single tender)",
        ProcurementRoute.ContractExtension => "Extension of an existing contract",
        ProcurementRoute.AnyQualifiedProvider => "Any qualified provider",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}

/// <summary>An interest a member declared in a procurement decision, and how the conflict was managed.</summary>
public sealed class ProcurementInterest
{
    private ProcurementInterest()
    {
        Interest = null!;
    }

    internal ProcurementInterest(int personId, string interest, DeclarationAction management)
    {
        PersonId = personId;
        Interest = interest;
        Management = management;
    }

    public int Id { get; private set; }
    public int ProcurementDecisionId { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public string Interest { get; private set; }
    public DeclarationAction Management { get; private set; }
}
