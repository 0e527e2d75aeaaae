namespace KentMedwayCommissioning.Web.Domain;

/// <summary>An organisation or committee that takes part in commissioning decisions.</summary>
public sealed class Body
{
    private readonly List<JointCommitteeMember> _memberBodies = [];

    public Body(string name, BodyKind kind, SubSystem? subSystem = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Slug = Domain.Slug.From(name);
        Kind = kind;
        SubSystem = subSystem;
        Rule = GovernanceRule.Default;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public BodyKind Kind { get; private set; }
    public SubSystem? SubSystem { get; private set; }
    public string? Description { get; private set; }
    public DateOnly? ExistedFrom { get; private set; }
    public DateOnly? ExistedTo { get; private set; }
    public GovernanceRule Rule { get; private set; }

    /// <summary>What the body is for and may decide; for a joint committee, its remit.</summary>
    public string? TermsOfReference { get; private set; }

    /// <summary>Whether its meetings are held in public; null when the papers do not say.</summary>
    public bool? MeetsInPublic { get; private set; }

    /// <summary>For a joint committee: the bodies that sit on it.</summary>
    public IReadOnlyCollection<JointCommitteeMember> MemberBodies => _memberBodies;

    public void Describe(string? description, DateOnly? existedFrom, DateOnly? existedTo)
    {
        if (existedFrom is not null && existedTo is not null && existedTo < existedFrom)
        {
            throw new ArgumentException("A body cannot end before it begins.", nameof(existedTo));
        }

        Description = description;
        ExistedFrom = existedFrom;
        ExistedTo = existedTo;
    }

    public void ChangeRule(GovernanceRule rule) => Rule = rule;

    public void SetRemit(string? termsOfReference, bool? meetsInPublic)
    {
        TermsOfReference = string.IsNullOrWhiteSpace(termsOfReference) ? null : termsOfReference.Trim();
        MeetsInPublic = meetsInPublic;
    }

    public void AddMemberBody(Body member)
    {
        if (Kind != BodyKind.JointCommittee)
        {
            throw new InvalidOperationException($"{Name} is not a joint committee, so no body can be a member of it.");
        }

        if (member == this)
        {
            throw new InvalidOperationException("A joint committee cannot be a member of itself.");
        }

        if (_memberBodies.All(existing => existing.MemberBody != member))
        {
            _memberBodies.Add(new JointCommitteeMember(this, member));
        }
    }
}

/// <summary>A body's seat on a joint committee.</summary>
public sealed class JointCommitteeMember
{
    private JointCommitteeMember()
    {
        Committee = null!;
        MemberBody = null!;
    }

    internal JointCommitteeMember(Body committee, Body memberBody)
    {
        Committee = committee;
        MemberBody = memberBody;
    }

    public int CommitteeId { get; private set; }
    public Body Committee { get; private set; }
    public int MemberBodyId { get; private set; }
    public Body MemberBody { get; private set; }

    /// <summary>Who represents the member body on the committee, when known.</summary>
    public int? RepresentativeId { get; private set; }

    public Person? Representative { get; private set; }

    /// <summary>The functions the member body delegates to the committee, in its own words.</summary>
    public string? DelegatedFunctions { get; private set; }

    public void Describe(int? representativeId, string? delegatedFunctions)
    {
        RepresentativeId = representativeId;
        DelegatedFunctions = string.IsNullOrWhiteSpace(delegatedFunctions) ? null : delegatedFunctions.Trim();
    }
}
