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
    private readonly List<BallotPractice> _practices = [];

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

    /// <summary>
    /// A ballot run here: the practices taking part, the days it is open and the share in support it needs. Ballots
    /// recorded from the papers have none of these, and take answers from any practice.
    /// </summary>
    public static PracticeBallot Open(string question, int bodyId, IReadOnlyList<PracticeEntry> practices, DateOnly opensOn, DateOnly closesOn, decimal majorityThreshold)
    {
        ArgumentNullException.ThrowIfNull(practices);
        if (practices.Count == 0)
        {
            throw new GovernanceException("List the practices taking part.");
        }

        var repeated = practices.GroupBy(practice => practice.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1)
            ?? practices.Where(practice => practice.OdsCode is not null).GroupBy(practice => practice.OdsCode!, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new GovernanceException($"{repeated.Key} is listed twice: list each practice once.");
        }

        if (closesOn < opensOn)
        {
            throw new GovernanceException("The ballot must close on or after the day it opens.");
        }

        if (majorityThreshold is < 0.5m or >= 1m)
        {
            throw new GovernanceException("The share in support needed must be at least half and less than all.");
        }

        var ballot = new PracticeBallot(question, null, null)
        {
            OpensOn = opensOn,
            ClosesOn = closesOn,
            MajorityThreshold = majorityThreshold,
        };
        ballot.AskIn(bodyId);
        ballot._practices.AddRange(practices.Select(practice => new BallotPractice(ballot, bodyId, practice.Name.Trim(), practice.OdsCode?.ToUpperInvariant(), practice.ListSize)));
        return ballot;
    }

    public int Id { get; private set; }
    public string Question { get; private set; }

    /// <summary>The first day answers are taken (null for a ballot recorded from the papers).</summary>
    public DateOnly? OpensOn { get; private set; }

    /// <summary>The last day answers are taken.</summary>
    public DateOnly? ClosesOn { get; private set; }

    /// <summary>The share of answering practices in support that the question must exceed to be supported (0.5: more than half).</summary>
    public decimal? MajorityThreshold { get; private set; }

    /// <summary>The day its secretary closed it: the result stands from then and no answer changes it.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<BallotPractice> Practices => _practices;
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

    public bool IsClosed => ClosedOn is not null;

    /// <summary>Records a practice's answer while the ballot is open; a second answer from the same practice replaces the first.</summary>
    public void RecordAnswer(int ccgBodyId, string practiceName, PracticeAnswerChoice answer, DateTimeOffset at, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(practiceName);
        if (_bodies.All(body => body.BodyId != ccgBodyId))
        {
            throw new GovernanceException("This CCG was not asked this question.");
        }

        var day = UkCalendar.DayOf(at);
        if (ClosedOn is not null || day > ClosesOn)
        {
            throw new GovernanceException($"The ballot closed on {(ClosedOn ?? ClosesOn)!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: answers can no longer be recorded.");
        }

        if (day < OpensOn)
        {
            throw new GovernanceException($"The ballot opens on {OpensOn.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: answers are recorded from then.");
        }

        var name = practiceName.Trim();
        var listed = _practices.Where(practice => practice.BodyId == ccgBodyId).ToList();
        if (listed.Count > 0 && listed.All(practice => !string.Equals(practice.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new GovernanceException($"{name} is not among the practices taking part.");
        }

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

    /// <summary>Closes the ballot on <paramref name="today"/>, early if its secretary decides; its result then stands.</summary>
    public void Close(DateOnly today)
    {
        if (OpensOn is null)
        {
            throw new GovernanceException("This ballot is recorded from the papers: there is nothing to close.");
        }

        if (ClosedOn is not null)
        {
            throw new GovernanceException("The ballot is already closed.");
        }

        if (today < OpensOn)
        {
            throw new GovernanceException("The ballot has not opened yet.");
        }

        ClosedOn = today;
    }

    /// <summary>
    /// Whether the question is supported: the average of the CCGs' shares in support (see <see cref="CcgSupport"/>) must
    /// exceed the share needed. Null while the ballot is open, or when no practice answered.
    /// </summary>
    public bool? IsSupported(IEnumerable<CcgSupport> ccgs) =>
        ClosedOn is null || MajorityThreshold is null || CcgSupport.AverageShare(ccgs) is not { } share ? null : share > MajorityThreshold.Value;
}

/// <summary>A practice as listed when a ballot is opened: its name, and its ODS code and registered list size where known.</summary>
public sealed record PracticeEntry(string Name, string? OdsCode, int? ListSize);

/// <summary>A GP member practice taking part in a ballot, in one CCG.</summary>
public sealed class BallotPractice
{
    private BallotPractice()
    {
        Name = null!;
    }

    internal BallotPractice(PracticeBallot ballot, int bodyId, string name, string? odsCode, int? listSize)
    {
        BallotId = ballot.Id;
        BodyId = bodyId;
        Name = name;
        OdsCode = odsCode;
        ListSize = listSize;
    }

    public int Id { get; private set; }
    public int BallotId { get; private set; }
    public int BodyId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The practice's Organisation Data Service code, such as G82001.</summary>
    public string? OdsCode { get; private set; }

    /// <summary>Patients registered with the practice.</summary>
    public int? ListSize { get; private set; }
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
