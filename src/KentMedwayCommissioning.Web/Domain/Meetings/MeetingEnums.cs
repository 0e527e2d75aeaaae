namespace KentMedwayCommissioning.Web.Domain.Meetings;

public enum MeetingStatus
{
    Planned,
    InProgress,
    Closed,
}

public enum AgendaItemKind
{
    ForDecision,
    ForNoting,
    ForInformation,
}

/// <summary>Which part of the meeting an item is taken in: the public part, or the private part that excludes the public.</summary>
public enum MeetingPart
{
    Public,
    Private,
}

public enum AttendanceStatus
{
    Present,
    Apologies,
    Absent,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

public enum VoteState
{
    NotOpened,
    Open,
    Closed,
}

public enum Outcome
{
    Carried,
    NotCarried,
    Deferred,
    Declined,
    Noted,
    Inquorate,
}

/// <summary>How a conflict of interest was managed at the meeting: either way the member does not vote.</summary>
public enum DeclarationAction
{
    WithdrewFromDiscussionAndVote,
    StayedForDiscussionDidNotVote,
}

public static class MeetingNames
{
    public static string DisplayName(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.InProgress => "In progress",
        MeetingStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string DisplayName(this AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.ForDecision => "For decision",
        AgendaItemKind.ForNoting => "For noting",
        AgendaItemKind.ForInformation => "For information",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Present",
        AttendanceStatus.Apologies => "Sent apologies",
        AttendanceStatus.Absent => "Absent",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string DisplayName(this VoteChoice choice) => choice switch
    {
        VoteChoice.For => "For",
        VoteChoice.Against => "Against",
        VoteChoice.Abstain => "Abstain",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    public static string DisplayName(this Outcome outcome) => outcome switch
    {
        Outcome.Carried => "Carried",
        Outcome.NotCarried => "Not carried",
        Outcome.Deferred => "Deferred",
        Outcome.Declined => "Declined",
        Outcome.Noted => "Noted",
        Outcome.Inquorate => "Inquorate",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string DisplayName(this DeclarationAction action) => action switch
    {
        DeclarationAction.WithdrewFromDiscussionAndVote => "Withdrew from the discussion and the vote",
        DeclarationAction.StayedForDiscussionDidNotVote => "Stayed for the discussion but did not vote",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
