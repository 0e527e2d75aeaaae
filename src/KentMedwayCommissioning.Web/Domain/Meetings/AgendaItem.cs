namespace KentMedwayCommissioning.Web.Domain.Meetings;

/// <summary>An item on a meeting's agenda; an item for decision carries a question that members vote on.</summary>
public sealed class AgendaItem
{
    private readonly List<Paper> _papers = [];
    private readonly List<Declaration> _declarations = [];

    private AgendaItem()
    {
        Title = null!;
        Meeting = null!;
    }

    internal AgendaItem(Meeting meeting, int number, string title, AgendaItemKind kind, MeetingPart part, string? question, int? proposalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (kind == AgendaItemKind.ForDecision && string.IsNullOrWhiteSpace(question))
        {
            throw new GovernanceException("An item for decision needs the question members will vote on.");
        }

        Meeting = meeting;
        Number = number;
        Title = title;
        Kind = kind;
        Part = part;
        Question = question;
        ProposalId = proposalId;
        VoteState = VoteState.NotOpened;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public Meeting Meeting { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; }
    public AgendaItemKind Kind { get; private set; }
    public MeetingPart Part { get; private set; }
    public string? Question { get; private set; }
    public int? ProposalId { get; private set; }
    public VoteState VoteState { get; private set; }
    public DateTimeOffset? VoteOpenedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Outcome? Outcome { get; private set; }

    /// <summary>The outcome in plain words from the stored facts, for the minutes and the published decision.</summary>
    public string? OutcomeExplanation { get; private set; }

    /// <summary>Why the secretary recorded deferred, declined or noted instead of a vote.</summary>
    public string? OutcomeReason { get; private set; }

    public int? VotesFor { get; private set; }
    public int? VotesAgainst { get; private set; }
    public int? Abstentions { get; private set; }
    public VoteChoice? CastingVote { get; private set; }
    public int? CastingVoteByPersonId { get; private set; }

    /// <summary>The day the secretary recorded that a private-part item may be made public; null while it stays confidential.</summary>
    public DateOnly? MadePublicOn { get; private set; }

    /// <summary>Why the private-part item may now be made public.</summary>
    public string? MadePublicReason { get; private set; }

    /// <summary>
    /// Whether the public may see the item's detail: the public part always; the private part only once the secretary
    /// has recorded that it may be made public.
    /// </summary>
    public bool IsPublic => Part == MeetingPart.Public || MadePublicOn is not null;

    public IReadOnlyList<Paper> Papers => _papers;
    public IReadOnlyList<Declaration> Declarations => _declarations;

    public bool IsDecided => Outcome is not null;

    /// <summary>Closed with a tie and waiting for the chair's casting vote.</summary>
    public bool AwaitsCastingVote => VoteState == VoteState.Closed && Outcome is null;

    public Paper AttachPaper(string title, string? url, string? text)
    {
        var paper = new Paper(this, title, url, text);
        _papers.Add(paper);
        return paper;
    }

    /// <summary>Attaches an uploaded document, whose format has been told from its content (<see cref="PaperFormat.Identify"/>).</summary>
    public Paper AttachDocument(string title, string fileName, PaperFormat format, byte[] content, DateTimeOffset at)
    {
        var paper = new Paper(this, title, fileName, format, content, at);
        _papers.Add(paper);
        return paper;
    }

    public Declaration Declare(int personId, string interest, DeclarationAction action, DateTimeOffset at, string recordedBy)
    {
        if (Meeting.Status == MeetingStatus.Closed)
        {
            throw new GovernanceException("The meeting is closed: declarations can no longer be recorded.");
        }

        // While the vote is open a member may still declare (the register tells them to declare at the meeting): the
        // handler then sets aside any vote they cast. Once the vote has closed, or the item is decided, it is too late.
        if (VoteState == VoteState.Closed || IsDecided)
        {
            throw new GovernanceException("The vote on this item has closed: interests in it can no longer be declared.");
        }

        if (_declarations.Any(declaration => declaration.PersonId == personId))
        {
            throw new GovernanceException("An interest in this item is already declared for this member.");
        }

        var declaration = new Declaration(this, personId, interest, action, at, recordedBy);
        _declarations.Add(declaration);
        return declaration;
    }

    public bool IsWithdrawn(int personId) => _declarations.Any(declaration => declaration.PersonId == personId);

    public void OpenVote(QuorumAssessment quorum, DateTimeOffset at)
    {
        if (Meeting.Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("A vote can only be opened while the meeting is in progress.");
        }

        if (Kind != AgendaItemKind.ForDecision)
        {
            throw new GovernanceException("Only an item for decision is voted on.");
        }

        if (VoteState != VoteState.NotOpened || IsDecided)
        {
            throw new GovernanceException("The vote on this item has already been opened.");
        }

        if (!quorum.IsQuorate)
        {
            throw new GovernanceException($"{quorum.Summary}. The item can only be recorded as inquorate or deferred.");
        }

        VoteState = VoteState.Open;
        VoteOpenedAt = at;
    }

    /// <summary>Closes the vote and applies the body's rule; a tie leaves the outcome waiting for the casting vote.</summary>
    public DecisionResult CloseVote(GovernanceRule rule, Tally tally, QuorumAssessment quorum, DateTimeOffset at)
    {
        if (VoteState != VoteState.Open)
        {
            throw new GovernanceException("The vote on this item is not open.");
        }

        VoteState = VoteState.Closed;
        VotesFor = tally.For;
        VotesAgainst = tally.Against;
        Abstentions = tally.Abstain;
        var result = Decision.Decide(rule, tally, quorum, _declarations.Count);
        Decide(result, at);
        return result;
    }

    public DecisionResult RecordCastingVote(GovernanceRule rule, VoteChoice choice, int chairPersonId, QuorumAssessment quorum, DateTimeOffset at)
    {
        if (!AwaitsCastingVote)
        {
            throw new GovernanceException("This item is not waiting for a casting vote.");
        }

        var result = Decision.Decide(rule, new Tally(VotesFor!.Value, VotesAgainst!.Value, Abstentions!.Value), quorum, _declarations.Count, choice);
        CastingVote = choice;
        CastingVoteByPersonId = chairPersonId;
        Decide(result, at);
        return result;
    }

    /// <summary>
    /// Records an outcome without a vote: deferred, declined or noted with a reason; an inquorate item only as inquorate
    /// or deferred.
    /// </summary>
    public void RecordOutcome(Outcome outcome, string reason, QuorumAssessment quorum, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Meeting.Status != MeetingStatus.InProgress)
        {
            throw new GovernanceException("Outcomes are recorded while the meeting is in progress.");
        }

        if (IsDecided)
        {
            throw new GovernanceException($"This item is already decided: {Outcome!.Value.DisplayName().ToLowerInvariant()}.");
        }

        if (VoteState == VoteState.Open)
        {
            throw new GovernanceException("The vote on this item is open: close it, or wait for it to close, first.");
        }

        if (outcome is Meetings.Outcome.Carried or Meetings.Outcome.NotCarried)
        {
            throw new GovernanceException("Carried and not carried come only from a vote.");
        }

        if (!OutcomesWithoutAVote(Kind, quorum).Contains(outcome))
        {
            throw new GovernanceException(
                Kind != AgendaItemKind.ForDecision ? "An item for noting or information is noted or deferred."
                : !quorum.IsQuorate ? $"The item is inquorate ({string.Join("; ", quorum.Reasons)}): it can only be recorded as inquorate or deferred."
                : "The item is quorate, so it cannot be recorded as inquorate.");
        }

        OutcomeReason = reason.Trim();
        Decide(new DecisionResult(outcome, false, $"{outcome.DisplayName()}: {OutcomeReason}"), at);
    }

    /// <summary>Every outcome the secretary may record without a vote, on some item.</summary>
    public static IReadOnlyList<Outcome> AnyOutcomeWithoutAVote { get; } = [Meetings.Outcome.Deferred, Meetings.Outcome.Declined, Meetings.Outcome.Noted, Meetings.Outcome.Inquorate];

    /// <summary>
    /// The outcomes an item may have without a vote. The quorum governs decisions: a quorate item for decision is
    /// deferred, declined or noted, an inquorate one inquorate or deferred; an item for noting or information is simply
    /// noted or deferred.
    /// </summary>
    public static IReadOnlyList<Outcome> OutcomesWithoutAVote(AgendaItemKind kind, QuorumAssessment quorum) =>
        kind != AgendaItemKind.ForDecision ? [Meetings.Outcome.Noted, Meetings.Outcome.Deferred]
        : quorum.IsQuorate ? [Meetings.Outcome.Deferred, Meetings.Outcome.Declined, Meetings.Outcome.Noted]
        : [Meetings.Outcome.Inquorate, Meetings.Outcome.Deferred];

    /// <summary>An outcome taken from a body's published minutes, for the record of decisions made before this product.</summary>
    public void RecordOutcomeFromMinutes(Outcome outcome, string explanation, DateTimeOffset at)
    {
        if (IsDecided)
        {
            return;
        }

        OutcomeReason = explanation;
        Decide(new DecisionResult(outcome, false, explanation), at);
    }

    /// <summary>Records that a decided private-part item may now be made public, on a day and for a reason.</summary>
    public void MakePublic(DateOnly on, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Part != MeetingPart.Private)
        {
            throw new GovernanceException("This item was taken in the public part of the meeting: it is already public.");
        }

        if (MadePublicOn is not null)
        {
            throw new GovernanceException($"This item was already made public on {MadePublicOn.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.");
        }

        if (!IsDecided)
        {
            throw new GovernanceException("Only a decided item is made public.");
        }

        MadePublicOn = on;
        MadePublicReason = reason.Trim();
    }

    private void Decide(DecisionResult result, DateTimeOffset at)
    {
        OutcomeExplanation = result.Explanation;
        if (result.Outcome is not null)
        {
            Outcome = result.Outcome;
            DecidedAt = at;
        }
    }
}

/// <summary>
/// A paper for an item: a link to it, its text (Markdown, rendered sanitised), or an uploaded document kept in the
/// database with the content type its content was identified as.
/// </summary>
public sealed class Paper
{
    private Paper()
    {
        Title = null!;
    }

    internal Paper(AgendaItem item, string title, string? url, string? text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (string.IsNullOrWhiteSpace(url) && string.IsNullOrWhiteSpace(text))
        {
            throw new GovernanceException("A paper needs its text or a link to it.");
        }

        AgendaItemId = item.Id;
        Title = title;
        Url = url;
        Text = text;
    }

    internal Paper(AgendaItem item, string title, string fileName, PaperFormat format, byte[] content, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (content.Length == 0)
        {
            throw new GovernanceException("The file is empty.");
        }

        AgendaItemId = item.Id;
        Title = title;
        FileName = fileName;
        ContentType = format.ContentType;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedAt = at;
    }

    public int Id { get; private set; }
    public int AgendaItemId { get; private set; }
    public string Title { get; private set; }
    public string? Url { get; private set; }

    /// <summary>The paper written as Markdown.</summary>
    public string? Text { get; private set; }

    /// <summary>The uploaded file's own name, offered back when it is downloaded.</summary>
    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>The uploaded document. Left out of the audit log (which keeps its size and hash) so a 20 MB upload is not logged twice.</summary>
    [Audit.AuditRedacted]
    public byte[]? Content { get; private set; }

    public int? Size { get; private set; }
    public string? Sha256 { get; private set; }
    public DateTimeOffset? UploadedAt { get; private set; }

    public bool IsDocument => Content is not null;
}

/// <summary>An interest declared in an item at the meeting: the member takes no part in its vote or, by default, its quorum.</summary>
public sealed class Declaration
{
    private Declaration()
    {
        Interest = null!;
        RecordedBy = null!;
    }

    internal Declaration(AgendaItem item, int personId, string interest, DeclarationAction action, DateTimeOffset at, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interest);
        AgendaItemId = item.Id;
        PersonId = personId;
        Interest = interest.Trim();
        Action = action;
        DeclaredAt = at;
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }
    public int AgendaItemId { get; private set; }
    public int PersonId { get; private set; }
    public Person? Person { get; private set; }
    public string Interest { get; private set; }
    public DeclarationAction Action { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
    public string RecordedBy { get; private set; }
}
