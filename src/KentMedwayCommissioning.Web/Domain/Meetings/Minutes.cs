using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain.Meetings;

public enum MinutesStatus
{
    Draft,
    Approved,
}

/// <summary>
/// The minutes of a closed meeting. What was recorded (attendance, declarations, outcomes, named votes) is read from the
/// meeting itself, which no longer changes once closed; the minutes hold the secretary's words for each item. They stay
/// a draft, seen only by whoever runs the body's meetings, until a later meeting of the same body approves them as a
/// true record (with any amendments); only then are they published, with the day they were approved.
/// </summary>
public sealed class Minutes
{
    private readonly List<MinuteNote> _notes = [];

    private Minutes()
    {
        DraftedBy = null!;
    }

    public Minutes(Meeting meeting, DateTimeOffset at, string draftedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draftedBy);
        if (meeting.Status != MeetingStatus.Closed)
        {
            throw new GovernanceException("Minutes are drafted once the meeting is closed.");
        }

        MeetingId = meeting.Id;
        Status = MinutesStatus.Draft;
        DraftedAt = at;
        DraftedBy = draftedBy;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public MinutesStatus Status { get; private set; }
    public DateTimeOffset DraftedAt { get; private set; }
    public string DraftedBy { get; private set; }
    public IReadOnlyList<MinuteNote> Notes => _notes;

    /// <summary>The day of the meeting that approved them.</summary>
    public DateOnly? ApprovedOn { get; private set; }

    public int? ApprovedAtMeetingId { get; private set; }

    /// <summary>The amendments the approving meeting made, if any; published with the minutes.</summary>
    public string? Amendments { get; private set; }

    public bool IsPublished => Status == MinutesStatus.Approved;

    /// <summary>Sets (or, with no text, removes) the secretary's words for one item of the minuted meeting.</summary>
    public void Write(int agendaItemId, string? text)
    {
        RequireDraft();
        var note = _notes.SingleOrDefault(existing => existing.AgendaItemId == agendaItemId);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (note is not null)
            {
                _notes.Remove(note);
            }

            return;
        }

        if (note is null)
        {
            _notes.Add(new MinuteNote(this, agendaItemId, text.Trim()));
        }
        else
        {
            note.Change(text.Trim());
        }
    }

    /// <summary>
    /// A later meeting of the same body, while it sits, approves the minutes as a true record. It minutes that as an item
    /// of its own, noted, so its minutes in turn say so.
    /// </summary>
    public AgendaItem Approve(Meeting minuted, Meeting approving, QuorumAssessment quorum, string? amendments, DateTimeOffset at)
    {
        RequireDraft();
        if (minuted.Id != MeetingId)
        {
            throw new InvalidOperationException("These are the minutes of another meeting.");
        }

        if (approving.BodyId != minuted.BodyId || approving.StartsAt <= minuted.StartsAt)
        {
            throw new GovernanceException("Minutes are approved by a later meeting of the same body.");
        }

        if (approving.Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("The approving meeting must be in progress: minutes are approved while it sits.");
        }

        Amendments = string.IsNullOrWhiteSpace(amendments) ? null : amendments.Trim();
        var day = UkCalendar.DayOf(approving.StartsAt);
        var minutedDay = minuted.DateAsReported ?? UkCalendar.DayOf(minuted.StartsAt).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var item = approving.AddItem($"Minutes of the meeting of {minutedDay}", AgendaItemKind.ForNoting, MeetingPart.Public, null);
        item.RecordOutcome(Outcome.Noted, ApprovalWords(Amendments), quorum, at);
        Status = MinutesStatus.Approved;
        ApprovedOn = day;
        ApprovedAtMeetingId = approving.Id;
        return item;
    }

    public static string ApprovalWords(string? amendments) =>
        amendments is null
            ? "The minutes of the previous meeting were approved as a true record."
            : $"The minutes of the previous meeting were approved as a true record, with these amendments: {amendments}";

    private void RequireDraft()
    {
        if (Status != MinutesStatus.Draft)
        {
            throw new GovernanceException("These minutes are approved and published: they can no longer change.");
        }
    }
}

/// <summary>The secretary's words in the minutes for one item.</summary>
public sealed class MinuteNote
{
    private MinuteNote()
    {
        Text = null!;
    }

    internal MinuteNote(Minutes minutes, int agendaItemId, string text)
    {
        MinutesId = minutes.Id;
        AgendaItemId = agendaItemId;
        Text = text;
    }

    public int Id { get; private set; }
    public int MinutesId { get; private set; }
    public int AgendaItemId { get; private set; }
    public string Text { get; private set; }

    internal void Change(string text) => Text = text;
}
