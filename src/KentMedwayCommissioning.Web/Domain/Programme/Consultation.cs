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
        Options = [];
    }

    /// <param name="options">The options put to the public; none where the source does not list them.</param>
    public Consultation(string title, DateOnly opens, DateOnly closes, string subject, int decidingBodyId, ReportedDate decisionExpected, int? proposalId, string? source, IReadOnlyList<string>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (closes < opens)
        {
            throw new ArgumentException("A consultation cannot close before it opens.", nameof(closes));
        }

        var listed = (options ?? []).Select(option => option.Trim()).Where(option => option.Length > 0).ToArray();
        if (RepeatedOption(listed) is { } repeated)
        {
            throw new GovernanceException($"{repeated} is listed twice: list each option once.");
        }

        Title = title;
        Slug = Domain.Slug.From(title);
        Options = listed;
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

    /// <summary>The options put to the public, in the order given.</summary>
    public string[] Options { get; private set; }

    public int LengthInWeeks => (Closes.DayNumber - Opens.DayNumber + 1) / 7;

    public bool IsOpenOn(DateOnly day) => Opens <= day && day <= Closes;

    /// <summary>The first option given again (ignoring case and spaces around it); null when each is given once.</summary>
    public static string? RepeatedOption(IEnumerable<string> options) =>
        options.Select(option => option.Trim()).GroupBy(option => option, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1)?.Key;

    /// <summary>Records the outcome: the proposal the deciding body decided after the consultation. Set once.</summary>
    public void LinkDecision(int proposalId)
    {
        if (ProposalId is not null)
        {
            throw new GovernanceException("The decision this consultation led to is already recorded.");
        }

        ProposalId = proposalId;
    }
}
