namespace KentMedwayCommissioning.Web.Domain;

public enum PracticeAnswerChoice
{
    Support,
    Oppose,
    Abstain,
}

/// <summary>A question a CCG puts to its GP member practices (such as merging into one CCG), asked by one or more CCGs.</summary>
public sealed class PracticeBallot
{
    private readonly List<PracticeBallotBody> _bodies = [];
    private readonly List<PracticeAnswer> _answers = [];

    private PracticeBallot()
    {
        Question = null!;
        Slug = null!;
    }

    public PracticeBallot(string question, string? reportedFinding, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        Question = question;
        Slug = Domain.Slug.From(question);
        ReportedFinding = reportedFinding;
        Source = source;
    }

    public int Id { get; private set; }
    public string Question { get; private set; }
    public string Slug { get; private set; }

    /// <summary>What a source reports of the result when the practices' answers themselves are not recorded.</summary>
    public string? ReportedFinding { get; private set; }

    public string? Source { get; private set; }
    public IReadOnlyList<PracticeBallotBody> Bodies => _bodies;
    public IReadOnlyList<PracticeAnswer> Answers => _answers;

    public void AskIn(int ccgBodyId)
    {
        if (_bodies.All(existing => existing.BodyId != ccgBodyId))
        {
            _bodies.Add(new PracticeBallotBody(this, ccgBodyId));
        }
    }

    /// <summary>Records a practice's answer; a second answer from the same practice replaces the first.</summary>
    public void RecordAnswer(int ccgBodyId, string practiceName, PracticeAnswerChoice answer, DateTimeOffset at, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceName);
        if (_bodies.All(body => body.BodyId != ccgBodyId))
        {
            throw new GovernanceException("This CCG was not asked this question.");
        }

        var name = practiceName.Trim();
        var existing = _answers.SingleOrDefault(candidate => candidate.BodyId == ccgBodyId && string.Equals(candidate.PracticeName, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            _answers.Add(new PracticeAnswer(this, ccgBodyId, name, answer, at, recordedBy));
        }
        else
        {
            existing.Change(answer, at, recordedBy);
        }
    }
}

public sealed class PracticeBallotBody
{
    private PracticeBallotBody()
    {
    }

    internal PracticeBallotBody(PracticeBallot ballot, int bodyId)
    {
        BallotId = ballot.Id;
        BodyId = bodyId;
    }

    public int BallotId { get; private set; }
    public int BodyId { get; private set; }
    public Body? Body { get; private set; }
}

public sealed class PracticeAnswer
{
    private PracticeAnswer()
    {
        PracticeName = null!;
        RecordedBy = null!;
    }

    internal PracticeAnswer(PracticeBallot ballot, int bodyId, string practiceName, PracticeAnswerChoice answer, DateTimeOffset at, string recordedBy)
    {
        BallotId = ballot.Id;
        BodyId = bodyId;
        PracticeName = practiceName;
        Answer = answer;
        RecordedAt = at;
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int BallotId { get; private set; }
    public int BodyId { get; private set; }
    public string PracticeName { get; private set; }
    public PracticeAnswerChoice Answer { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    internal void Change(PracticeAnswerChoice answer, DateTimeOffset at, string recordedBy)
    {
        Answer = answer;
        RecordedAt = at;
        RecordedBy = recordedBy;
    }
}

/// <summary>One CCG's practices' answers: the share in support is of the practices that answered.</summary>
public sealed record CcgSupport(int Support, int Oppose, int Abstain)
{
    public int Answered => Support + Oppose + Abstain;

    public decimal? Share => Answered == 0 ? null : (decimal)Support / Answered;

    /// <summary>The average of the CCGs' shares (each CCG counts once, whatever its size), over CCGs with answers.</summary>
    public static decimal? AverageShare(IEnumerable<CcgSupport> ccgs)
    {
        var shares = ccgs.Select(ccg => ccg.Share).OfType<decimal>().ToList();
        return shares.Count == 0 ? null : shares.Average();
    }
}
