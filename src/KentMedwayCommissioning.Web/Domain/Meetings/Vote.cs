namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>A member's current vote on an item: one per member per item, changeable while the vote is open.</summary>
public sealed class Vote
{
    private Vote()
    {
    }

    public long Id { get; private set; }
    public int AgendaItemId { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public VoteChoice Choice { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }
}

public enum VoteEventKind
{
    Cast,
    Changed,

    /// <summary>The member declared an interest while the vote was open: their vote no longer counts.</summary>
    SetAside,
}

/// <summary>Every cast and change of a vote, with who and when: the item's audit trail. Never updated or deleted.</summary>
public sealed class VoteEvent
{
    private VoteEvent()
    {
        RecordedBy = null!;
    }

    public long Id { get; private set; }
    public int AgendaItemId { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public VoteChoice Choice { get; private set; }
    public VoteEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The account that sent the vote.</summary>
    public string RecordedBy { get; private set; }

    /// <summary>The secretary recorded the vote for the member from a show of hands (no account, or no device in the room).</summary>
    public bool ByShowOfHands { get; private set; }

    /// <summary>Why a vote was set aside.</summary>
    public string? Reason { get; private set; }
}
