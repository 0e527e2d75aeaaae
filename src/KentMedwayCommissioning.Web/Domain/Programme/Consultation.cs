namespace KentMedwayCommissioning.Web.Domain.Programme;

/// <summary>A public consultation: when it runs, what it asks about, which body decides after it, and when.</summary>
public sealed class Consultation
{
    private Consultation()
    {
        Title = null!;
        Slug = null!;
        Subject = null!;
        DecisionExpected = null!;
    }

    public Consultation(string title, DateOnly opens, DateOnly closes, string subject, int decidingBodyId, ReportedDate decisionExpected, int? proposalId, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (closes < opens)
        {
            throw new ArgumentException("A consultation cannot close before it opens.", nameof(closes));
        }

        Title = title;
        Slug = Domain.Slug.From(title);
        Opens = opens;
        Closes = closes;
        Subject = subject;
        DecidingBodyId = decidingBodyId;
        DecisionExpected = decisionExpected;
        ProposalId = proposalId;
        Source = source;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string Slug { get; private set; }
    public DateOnly Opens { get; private set; }

    /// <summary>The last day: responses are taken until midnight at its end.</summary>
    public DateOnly Closes { get; private set; }

    /// <summary>What is consulted on, in the source's words (the options themselves where the papers name them).</summary>
    public string Subject { get; private set; }

    public int DecidingBodyId { get; private set; }
    public ReportedDate DecisionExpected { get; private set; }

    /// <summary>The proposal the deciding body decides, whose outcome is the decision the consultation led to.</summary>
    public int? ProposalId { get; private set; }

    public string? Source { get; private set; }

    public int LengthInWeeks => (Closes.DayNumber - Opens.DayNumber + 1) / 7;

    public bool IsOpenOn(DateOnly day) => Opens <= day && day <= Closes;
}
