namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>One proposal sent to several bodies, each deciding it at its own meeting.</summary>
public sealed class Proposal
{
    private readonly List<ProposalBody> _bodies = [];

    private Proposal()
    {
        Title = null!;
        Slug = null!;
    }

    public Proposal(string title, string? description, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        Slug = Domain.Slug.From(title);
        Description = description;
        Source = source;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string Slug { get; private set; }
    public string? Description { get; private set; }
    public string? Source { get; private set; }
    public IReadOnlyList<ProposalBody> Bodies => _bodies;

    public void SendTo(int bodyId)
    {
        if (_bodies.All(existing => existing.BodyId != bodyId))
        {
            _bodies.Add(new ProposalBody(this, bodyId));
        }
    }
}

public sealed class ProposalBody
{
    private ProposalBody()
    {
    }

    internal ProposalBody(Proposal proposal, int bodyId)
    {
        ProposalId = proposal.Id;
        BodyId = bodyId;
    }

    public int ProposalId { get; private set; }
    public int BodyId { get; private set; }
    public Body? Body { get; private set; }
}

/// <summary>Where a proposal stands across the bodies it was sent to, in words: "6 of 8 agreed, 1 deferred, 1 declined".</summary>
public static class ProposalSummary
{
    public static string Describe(IReadOnlyCollection<Outcome?> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return "Not yet sent to any body";
        }

        var agreed = outcomes.Count(outcome => outcome == Outcome.Carried);
        var parts = new List<string> { $"{agreed} of {outcomes.Count} agreed" };
        AddCount(Outcome.NotCarried, "did not agree");
        AddCount(Outcome.Deferred, "deferred");
        AddCount(Outcome.Declined, "declined");
        AddCount(Outcome.Inquorate, "inquorate");
        AddCount(Outcome.Noted, "noted");
        var pending = outcomes.Count(outcome => outcome is null);
        if (pending > 0)
        {
            parts.Add($"{pending} yet to decide");
        }

        return string.Join(", ", parts);

        void AddCount(Outcome outcome, string words)
        {
            var count = outcomes.Count(candidate => candidate == outcome);
            if (count > 0)
            {
                parts.Add($"{count} {words}");
            }
        }
    }
}
