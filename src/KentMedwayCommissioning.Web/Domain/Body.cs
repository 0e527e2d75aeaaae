using System.Globalization;

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

    /// <summary>Whether the body had ended before <paramref name="day"/>: its last day is past.</summary>
    public bool HasEndedBefore(DateOnly day) => ExistedTo is { } lastDay && lastDay < day;

    /// <summary>
    /// Why nothing new (a meeting, a seat) may start on <paramref name="day"/>: the body had ended by then. An ended
    /// body keeps its record, seats and decisions, but its history stops at its last day.
    /// </summary>
    public string? WhyClosedOn(DateOnly day) =>
        HasEndedBefore(day) ? $"{Name} ended on {Day(ExistedTo!.Value)}, so nothing can start on or after {Day(ExistedTo.Value.AddDays(1))}" : null;

    /// <summary>
    /// Changes what the body is called, its kind, sub-system, description or start date, and says what changed in
    /// words for the body's history ("Name: A to B"); an empty list when nothing did. Its address (slug) stays, so
    /// links to it and to its decisions keep working.
    /// </summary>
    public IReadOnlyList<string> Change(string name, BodyKind kind, SubSystem? subSystem, string? description, DateOnly? existedFrom)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (existedFrom is not null && ExistedTo is not null && ExistedTo < existedFrom)
        {
            throw new ArgumentException("A body cannot end before it begins.", nameof(existedFrom));
        }

        if (Kind == BodyKind.JointCommittee && kind != BodyKind.JointCommittee && _memberBodies.Count > 0)
        {
            throw new InvalidOperationException($"{Name} has member bodies, so it stays a joint committee.");
        }

        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        var changes = new List<string>();
        if (Name != name)
        {
            changes.Add($"Name: {Name} to {name}");
        }

        if (Kind != kind)
        {
            changes.Add($"Kind: {Kind.Singular()} to {kind.Singular()}");
        }

        if (SubSystem != subSystem)
        {
            changes.Add($"Sub-system: {SubSystem?.DisplayName() ?? "none"} to {subSystem?.DisplayName() ?? "none"}");
        }

        if (Description != description)
        {
            changes.Add("Description changed");
        }

        if (ExistedFrom != existedFrom)
        {
            changes.Add($"Start date: {(ExistedFrom is { } from ? Day(from) : "not stated")} to {(existedFrom is { } to ? Day(to) : "not stated")}");
        }

        Name = name;
        Kind = kind;
        SubSystem = subSystem;
        Description = description;
        ExistedFrom = existedFrom;
        return changes;
    }

    /// <summary>Records the body's last day; <see cref="WhyNotEnd"/> says whether it may end then.</summary>
    public void End(DateOnly lastDay)
    {
        if (WhyNotEnd(lastDay, lastMeetingDay: null) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(lastDay));
        }

        ExistedTo = lastDay;
    }

    /// <summary>
    /// Whether the body may end after <paramref name="lastDay"/>: not before it began, not once already ended, and not
    /// before a meeting it has held or scheduled (that meeting would fall outside the body's life).
    /// </summary>
    public string? WhyNotEnd(DateOnly lastDay, DateOnly? lastMeetingDay)
    {
        if (ExistedTo is { } ended)
        {
            return $"{Name} has already ended (its last day was {Day(ended)})";
        }

        if (ExistedFrom is { } from && lastDay < from)
        {
            return $"The last day cannot be before {Name} began ({Day(from)})";
        }

        if (lastMeetingDay is { } meetingDay && lastDay < meetingDay)
        {
            return $"{Name} has a meeting on {Day(meetingDay)}: the last day must be that day or later";
        }

        return null;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

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

/// <summary>
/// A change made to a body (renamed, re-described, ended), with the day it takes effect and the reason given, kept beside
/// the body so its history reads as it happened (the audit log also records who sent the command).
/// </summary>
public sealed class BodyChange
{
    private BodyChange()
    {
        Body = null!;
        Change = "";
        Reason = "";
    }

    public BodyChange(Body body, string change, DateOnly effectiveOn, string reason, DateTimeOffset recordedAt)
    {
        Body = body;
        Change = change;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body Body { get; private set; }
    public string Change { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
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
