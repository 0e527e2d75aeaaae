namespace KentMedwayCommissioning.Web.Domain;

/// <summary>A position in a body, held by people through <see cref="Appointment"/>s; vacant when nobody holds it substantively.</summary>
public sealed class Post
{
    private readonly List<Appointment> _appointments = [];

    private Post()
    {
        Title = null!;
        Body = null!;
    }

    public Post(Body body, string title, DateOnly? establishedOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Body = body;
        Title = title;
        EstablishedOn = establishedOn;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body Body { get; private set; }
    public string Title { get; private set; }

    /// <summary>When the post was created, if known: the start of a vacancy that nobody has yet filled.</summary>
    public DateOnly? EstablishedOn { get; private set; }

    /// <summary>Where the post is named: the paper it comes from.</summary>
    public string? Source { get; private set; }

    public IReadOnlyCollection<Appointment> Appointments => _appointments;

    public void CiteSource(string? source) => Source = source;

    public Appointment Appoint(Person person, AppointmentKind kind, DateOnly? from, DateOnly? to = null, string? source = null, DatePrecision fromPrecision = DatePrecision.Day)
    {
        var appointment = new Appointment(this, person, kind, from, to, source) { FromPrecision = fromPrecision };
        _appointments.Add(appointment);
        return appointment;
    }
}

/// <summary>How much of a date a source gives.</summary>
public enum DatePrecision
{
    Day,
    Month,
}

public enum AppointmentKind
{
    Substantive,

    /// <summary>Held for a period of change, usually alongside the holder's substantive post.</summary>
    Transitional,
}

/// <summary>A person holding a post for a period; ended appointments stay as history.</summary>
public sealed class Appointment : IDated
{
    private Appointment()
    {
        Post = null!;
        Person = null!;
    }

    internal Appointment(Post post, Person person, AppointmentKind kind, DateOnly? from, DateOnly? to, string? source)
    {
        if (from is not null && to is not null && to < from)
        {
            throw new ArgumentException("An appointment cannot end before it starts.", nameof(to));
        }

        Post = post;
        Person = person;
        Kind = kind;
        From = from;
        To = to;
        Source = source;
    }

    public int Id { get; private set; }
    public int PostId { get; private set; }
    public Post Post { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; }
    public AppointmentKind Kind { get; private set; }

    /// <summary>Null when the papers do not say when it began.</summary>
    public DateOnly? From { get; private set; }

    /// <summary>How much of <see cref="From"/> the papers give: "from February 2018" is the month, not its first day.</summary>
    public DatePrecision FromPrecision { get; internal init; }

    public DateOnly? To { get; private set; }
    public string? Source { get; private set; }

    public bool IsHeldOn(DateOnly day) => Dated.Covers(From, To, day);

    /// <summary>Ends the appointment after <paramref name="lastDay"/>; <see cref="AppointmentRules.WhyNotEnd"/> says whether it may.</summary>
    public void End(DateOnly lastDay)
    {
        if ((From is not null && lastDay < From) || (To is not null && To < lastDay))
        {
            throw new ArgumentException("An appointment ends on or after its start, and ending it never lengthens it.", nameof(lastDay));
        }

        To = lastDay;
    }
}

/// <summary>
/// A change made to an appointment, with the day it takes effect and the reason given, kept beside the appointment so
/// the post's history reads as it happened (as <see cref="SeatChange"/> does for seats).
/// </summary>
public sealed class AppointmentChange
{
    private AppointmentChange()
    {
        Appointment = null!;
        Change = "";
        Reason = "";
    }

    public AppointmentChange(Appointment appointment, string change, DateOnly effectiveOn, string reason, DateTimeOffset recordedAt)
    {
        Appointment = appointment;
        Change = change;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int AppointmentId { get; private set; }
    public Appointment Appointment { get; private set; }
    public string Change { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
