namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>A meeting of a body: its agenda, who attended, and the state it is in.</summary>
public sealed class Meeting
{
    private readonly List<AgendaItem> _items = [];
    private readonly List<Attendance> _attendances = [];

    private Meeting()
    {
        Title = null!;
        Place = null!;
    }

    public Meeting(
        int bodyId, string title, DateTimeOffset startsAt, string place, string? dateAsReported = null, bool isFictional = false, string? source = null,
        MeetingDatePrecision datePrecision = MeetingDatePrecision.Time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        BodyId = bodyId;
        Title = title;
        StartsAt = startsAt.ToUniversalTime();
        Place = place;
        DateAsReported = dateAsReported;
        DatePrecision = datePrecision;
        IsFictional = isFictional;
        Source = source;
        Status = MeetingStatus.Planned;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body? Body { get; private set; }
    public string Title { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public string Place { get; private set; }

    /// <summary>
    /// When the papers give only part of the date ("January or February 2018"), their words, shown instead of
    /// <see cref="StartsAt"/>, which then only places the meeting in order.
    /// </summary>
    public string? DateAsReported { get; private set; }

    /// <summary>How much of <see cref="StartsAt"/> the papers give: a historical meeting may be known only to its month or year.</summary>
    public MeetingDatePrecision DatePrecision { get; private set; }

    /// <summary>A demo meeting, invented so the product can be tried.</summary>
    public bool IsFictional { get; private set; }

    public string? Source { get; private set; }
    public MeetingStatus Status { get; private set; }
    public IReadOnlyList<AgendaItem> Items => _items;
    public IReadOnlyList<Attendance> Attendances => _attendances;

    public void Start()
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new GovernanceException($"The meeting is {Status.DisplayName().ToLowerInvariant()}, so it cannot be started.");
        }

        Status = MeetingStatus.InProgress;
    }

    public void Close()
    {
        if (Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("Only a meeting in progress can be closed.");
        }

        var open = _items.FirstOrDefault(item => item.VoteState == VoteState.Open || item.AwaitsCastingVote);
        if (open is not null)
        {
            throw new GovernanceException(open.AwaitsCastingVote
                ? $"Item {open.Number} is tied and waits for the chair's casting vote: record it, or the outcome, before closing the meeting."
                : $"The vote on item {open.Number} is still open: close it before closing the meeting.");
        }

        Status = MeetingStatus.Closed;
    }

    public AgendaItem AddItem(string title, AgendaItemKind kind, MeetingPart part, string? question, int? proposalId = null)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new GovernanceException("The meeting is closed: its agenda can no longer change.");
        }

        var item = new AgendaItem(this, _items.Count == 0 ? 1 : _items.Max(existing => existing.Number) + 1, title, kind, part, question, proposalId);
        _items.Add(item);
        return item;
    }

    /// <summary>
    /// Records whether a member is present, sent apologies or is absent. A member is recorded as arriving late only
    /// when the secretary says so: the roll is often taken after the start, and that is not lateness.
    /// </summary>
    public Attendance RecordAttendance(int personId, AttendanceStatus status, DateTimeOffset at, bool arrivedLate = false)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new GovernanceException("The meeting is closed: attendance can no longer change.");
        }

        if (arrivedLate && status != AttendanceStatus.Present)
        {
            throw new GovernanceException("Only a member recorded as present can have arrived late.");
        }

        if (arrivedLate && Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("Late arrival is recorded once the meeting has started.");
        }

        var attendance = _attendances.SingleOrDefault(existing => existing.PersonId == personId);
        if (attendance is null)
        {
            attendance = new Attendance(this, personId);
            _attendances.Add(attendance);
        }

        attendance.Record(status, arrivedLate ? at : null);
        return attendance;
    }

    public void RecordDeparture(int personId, DateTimeOffset at)
    {
        if (Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("Departures are recorded while the meeting is in progress.");
        }

        var attendance = _attendances.SingleOrDefault(existing => existing.PersonId == personId && existing.IsPresent)
            ?? throw new GovernanceException("Only a member who is present can leave.");
        attendance.Leave(at);
    }

    public bool IsPresent(int personId) => _attendances.Any(attendance => attendance.PersonId == personId && attendance.IsPresent);
}

/// <summary>One member's attendance at a meeting; arrival and departure times show who was there for which item.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    internal Attendance(Meeting meeting, int personId)
    {
        MeetingId = meeting.Id;
        PersonId = personId;
        Status = AttendanceStatus.Absent;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public AttendanceStatus Status { get; private set; }

    /// <summary>Set when the secretary records that the member arrived after the meeting had started.</summary>
    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsPresent => Status == AttendanceStatus.Present && LeftAt is null;

    internal void Record(AttendanceStatus status, DateTimeOffset? arrivedLateAt)
    {
        if (status == AttendanceStatus.Present && (Status != AttendanceStatus.Present || LeftAt is not null))
        {
            LeftAt = null;
        }

        // Saving the roll again keeps the time a late arrival was first recorded.
        ArrivedAt = arrivedLateAt is null ? null : ArrivedAt ?? arrivedLateAt;
        Status = status;
    }

    internal void Leave(DateTimeOffset at) => LeftAt = at;
}
