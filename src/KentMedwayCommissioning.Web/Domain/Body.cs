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

    /// <summary>
    /// Makes <paramref name="member"/> a member from <paramref name="from"/> (null: as the papers give it, undated).
    /// Adding the same membership again changes nothing, so the demo loader can run twice.
    /// </summary>
    public void AddMemberBody(Body member, DateOnly? from = null)
    {
        if (_memberBodies.Any(existing => existing.MemberBody == member && existing.From == from))
        {
            return;
        }

        if ((WhyNotMember(member) ?? (from is { } day ? WhyNotMemberFrom(member, day) : null)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        _memberBodies.Add(new JointCommitteeMember(this, member, from));
    }

    /// <summary>Why <paramref name="member"/> can never be a member of this body: it is not a joint committee, or it is the committee itself.</summary>
    public string? WhyNotMember(Body member)
    {
        if (Kind != BodyKind.JointCommittee)
        {
            return $"{Name} is not a joint committee, so no body can be a member of it";
        }

        return member == this ? "A joint committee cannot be a member of itself" : null;
    }

    /// <summary>Why <paramref name="member"/> cannot join from <paramref name="from"/>: it had ended by then, or it is a member over a period that includes that day or later.</summary>
    public string? WhyNotMemberFrom(Body member, DateOnly from)
    {
        if (member.HasEndedBefore(from))
        {
            return $"{member.Name} ended on {Day(member.ExistedTo!.Value)}, before that day";
        }

        return _memberBodies.FirstOrDefault(existing => existing.MemberBody == member && Dated.Overlap(existing.From, existing.To, from, null)) is { } clash
            ? $"{member.Name} is already a member ({Period(clash.From, clash.To)}): end that membership first, or start after its last day"
            : null;
    }

    private static string Period(DateOnly? from, DateOnly? to) =>
        (from, to) switch
        {
            (null, null) => "undated, as the papers give it",
            ({ } start, null) => $"from {Day(start)}",
            (null, { } end) => $"until {Day(end)}",
            ({ } start, { } end) => $"{Day(start)} to {Day(end)}",
        };
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

/// <summary>A body's seat on a joint committee, for a period; a missing start means "as the papers give it".</summary>
public sealed class JointCommitteeMember : IDated
{
    private JointCommitteeMember()
    {
        Committee = null!;
        MemberBody = null!;
    }

    internal JointCommitteeMember(Body committee, Body memberBody, DateOnly? from)
    {
        Committee = committee;
        MemberBody = memberBody;
        From = from;
    }

    public int Id { get; private set; }
    public int CommitteeId { get; private set; }
    public Body Committee { get; private set; }
    public int MemberBodyId { get; private set; }
    public Body MemberBody { get; private set; }

    /// <summary>Who represents the member body on the committee, when known.</summary>
    public int? RepresentativeId { get; private set; }

    public Person? Representative { get; private set; }

    /// <summary>The functions the member body delegates to the committee, in its own words.</summary>
    public string? DelegatedFunctions { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>Why the membership cannot end on <paramref name="lastDay"/>: it has already ended, or it began after that day.</summary>
    public string? WhyNotEnd(DateOnly lastDay)
    {
        if (To is { } ended)
        {
            return $"This membership has already ended (its last day was {ended.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})";
        }

        return From is { } from && lastDay < from
            ? $"The last day cannot be before the membership began ({from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"
            : null;
    }

    public void End(DateOnly lastDay)
    {
        if (WhyNotEnd(lastDay) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(lastDay));
        }

        To = lastDay;
    }

    public void Describe(int? representativeId, string? delegatedFunctions)
    {
        RepresentativeId = representativeId;
        DelegatedFunctions = string.IsNullOrWhiteSpace(delegatedFunctions) ? null : delegatedFunctions.Trim();
    }
}
