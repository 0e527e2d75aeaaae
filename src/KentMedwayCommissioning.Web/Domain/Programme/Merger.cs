namespace KentMedwayCommissioning.Web.Domain.Programme;

/// <summary>An application to merge CCGs, the regulator's decision, and the conditions attached to its approval.</summary>
public sealed class Merger
{
    private readonly List<MergerCondition> _conditions = [];

    private Merger()
    {
        Title = null!;
        Slug = null!;
    }

    public Merger(string title, int formsBodyId, int approverBodyId, DateOnly? liveOn, int? practiceBallotId, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        Slug = Domain.Slug.From(title);
        FormsBodyId = formsBodyId;
        ApproverBodyId = approverBodyId;
        LiveOn = liveOn;
        PracticeBallotId = practiceBallotId;
        Source = source;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string Slug { get; private set; }

    /// <summary>The body the merger creates.</summary>
    public int FormsBodyId { get; private set; }

    /// <summary>The regulator that approves (NHS England).</summary>
    public int ApproverBodyId { get; private set; }

    public bool IsApproved { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateOnly? LiveOn { get; private set; }
    public int? PracticeBallotId { get; private set; }
    public string? Source { get; private set; }
    public IReadOnlyList<MergerCondition> Conditions => _conditions;

    public void Approve(DateOnly? on)
    {
        if (IsApproved)
        {
            throw new GovernanceException("This merger's approval is already recorded.");
        }

        IsApproved = true;
        ApprovedOn = on;
    }

    public MergerCondition AddCondition(string description, string owner, DateOnly? dueOn)
    {
        var condition = new MergerCondition(this, description, owner, dueOn);
        _conditions.Add(condition);
        return condition;
    }

    /// <summary>Conditional while any condition is unmet; unconditional, from the day the last was met, once all are.</summary>
    public ApprovalStanding Standing()
    {
        if (!IsApproved)
        {
            return new ApprovalStanding(ApprovalState.NotApproved, null);
        }

        if (_conditions.Count == 0)
        {
            return new ApprovalStanding(ApprovalState.Unconditional, ApprovedOn);
        }

        return _conditions.All(condition => condition.MetOn is not null)
            ? new ApprovalStanding(ApprovalState.Unconditional, _conditions.Max(condition => condition.MetOn))
            : new ApprovalStanding(ApprovalState.Conditional, null);
    }
}

public enum ApprovalState
{
    NotApproved,
    Conditional,
    Unconditional,
}

public sealed record ApprovalStanding(ApprovalState State, DateOnly? Since);

public sealed class MergerCondition
{
    private MergerCondition()
    {
        Description = null!;
        Owner = null!;
    }

    internal MergerCondition(Merger merger, string description, string owner, DateOnly? dueOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        MergerId = merger.Id;
        Description = description.Trim();
        Owner = owner.Trim();
        DueOn = dueOn;
    }

    public int Id { get; private set; }
    public int MergerId { get; private set; }
    public string Description { get; private set; }
    public string Owner { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public string? Evidence { get; private set; }
    public DateOnly? MetOn { get; private set; }

    public bool IsMet => MetOn is not null;

    public void MarkMet(DateOnly on, string evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        if (IsMet)
        {
            throw new GovernanceException("This condition is already met.");
        }

        MetOn = on;
        Evidence = evidence.Trim();
    }
}
