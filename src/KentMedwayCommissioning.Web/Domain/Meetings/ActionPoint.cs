namespace KentMedwayCommissioning.Web.Domain.Meetings;

public enum ActionStatus
{
    Open,
    Done,
    CarriedForward,
}

/// <summary>
/// An action arising from an agenda item: who is to do what, and by when. Later meetings review it: done, or carried
/// forward to a new date. It is overdue while not done after its due day.
/// </summary>
public sealed class ActionPoint
{
    private ActionPoint()
    {
        Description = null!;
        Owner = null!;
    }

    public ActionPoint(AgendaItem item, string description, string owner, DateOnly dueOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        AgendaItemId = item.Id;
        Description = description.Trim();
        Owner = owner.Trim();
        DueOn = dueOn;
        Status = ActionStatus.Open;
    }

    public int Id { get; private set; }
    public int AgendaItemId { get; private set; }
    public AgendaItem? AgendaItem { get; private set; }
    public string Description { get; private set; }

    /// <summary>Who is to do it, as the meeting named them: a member, an officer or a team.</summary>
    public string Owner { get; private set; }

    public DateOnly DueOn { get; private set; }
    public ActionStatus Status { get; private set; }

    /// <summary>What the last review said: done how, or why it was carried forward.</summary>
    public string? ReviewNote { get; private set; }

    public DateOnly? ReviewedOn { get; private set; }

    public bool IsOverdue(DateOnly today) => IsOverdue(Status, DueOn, today);

    public static bool IsOverdue(ActionStatus status, DateOnly dueOn, DateOnly today) => status != ActionStatus.Done && dueOn < today;

    /// <summary>Records a review: done, or carried forward to a new due day (which must be later than the old one).</summary>
    public void Review(ActionStatus status, DateOnly? newDueOn, string? note, DateOnly today)
    {
        if (Status == ActionStatus.Done)
        {
            throw new GovernanceException("This action is done: it is no longer reviewed.");
        }

        switch (status)
        {
            case ActionStatus.CarriedForward when newDueOn is null || newDueOn <= DueOn:
                throw new GovernanceException("An action carried forward needs a new due date, later than the one it had.");
            case ActionStatus.CarriedForward:
                DueOn = newDueOn.Value;
                break;
            case ActionStatus.Open:
                throw new GovernanceException("Record the action as done or carried forward.");
        }

        Status = status;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedOn = today;
    }
}

public static class ActionNames
{
    public static string DisplayName(this ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.Done => "Done",
        ActionStatus.CarriedForward => "Carried forward",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string DisplayName(this MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "Draft, not published",
        MinutesStatus.Approved => "Approved and published",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
