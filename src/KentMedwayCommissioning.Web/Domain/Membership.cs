namespace KentMedwayCommissioning.Web.Domain;

public enum MemberRole
{
    Chair,
    ViceChair,
    AccountableOfficer,
    ChiefFinanceOfficer,
    GpMember,
    LayMember,
    Nurse,
    SecondaryCareDoctor,
    OfficerInAttendance,
}

/// <summary>What a member brings to the quorum: the rule asks for a lay and a clinical member.</summary>
public enum MemberBackground
{
    Lay,
    Clinical,
    Officer,

    /// <summary>Counts toward neither the lay nor the clinical part of a quorum rule (a Healthwatch or local authority seat, say).</summary>
    Other,
}

public static class MemberRoleNames
{
    public static string DisplayName(this MemberRole role) => role switch
    {
        MemberRole.Chair => "Chair",
        MemberRole.ViceChair => "Vice-chair",
        MemberRole.AccountableOfficer => "Accountable officer",
        MemberRole.ChiefFinanceOfficer => "Chief finance officer",
        MemberRole.GpMember => "GP member",
        MemberRole.LayMember => "Lay member",
        MemberRole.Nurse => "Nurse member",
        MemberRole.SecondaryCareDoctor => "Secondary care doctor",
        MemberRole.OfficerInAttendance => "Officer in attendance",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string DisplayName(this MemberBackground background) => background switch
    {
        MemberBackground.Lay => "Lay",
        MemberBackground.Clinical => "Clinical",
        MemberBackground.Officer => "Officer",
        MemberBackground.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(background), background, null),
    };
}

/// <summary>A seat on a body's governing body (or committee) for a period.</summary>
public sealed class Membership : IDated
{
    private Membership()
    {
        Body = null!;
        Person = null!;
    }

    public Membership(Body body, Person person, MemberRole role, MemberBackground background, bool hasVote, DateOnly? from, DateOnly? to = null)
    {
        if (from is not null && to is not null && to < from)
        {
            throw new ArgumentException("A membership cannot end before it starts.", nameof(to));
        }

        if (role == MemberRole.OfficerInAttendance && hasVote)
        {
            throw new ArgumentException("An officer in attendance does not vote.", nameof(hasVote));
        }

        Body = body;
        Person = person;
        Role = role;
        Background = background;
        HasVote = hasVote;
        From = from;
        To = to;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body Body { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; }
    public MemberRole Role { get; private set; }
    public MemberBackground Background { get; private set; }
    public bool HasVote { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }

    /// <summary>Ends the seat after <paramref name="lastDay"/>; <see cref="SeatRules.WhyNotEnd"/> says whether it may.</summary>
    public void End(DateOnly lastDay)
    {
        if (From is not null && lastDay < From)
        {
            throw new ArgumentException("A membership cannot end before it starts.", nameof(lastDay));
        }

        To = To is { } to && to < lastDay ? throw new ArgumentException("Ending a membership never lengthens it.", nameof(lastDay)) : lastDay;
    }

    public bool IsCurrentOn(DateOnly day) => Dated.Covers(From, To, day);
}

/// <summary>
/// A change made to a seat, with the day it takes effect and the reason given, kept beside the seat so its history
/// reads as it happened (the audit log also records who sent the command).
/// </summary>
public sealed class SeatChange
{
    private SeatChange()
    {
        Membership = null!;
        Change = "";
        Reason = "";
    }

    public SeatChange(Membership membership, string change, DateOnly effectiveOn, string reason, DateTimeOffset recordedAt)
    {
        Membership = membership;
        Change = change;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int MembershipId { get; private set; }
    public Membership Membership { get; private set; }
    public string Change { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
