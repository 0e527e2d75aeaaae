namespace KentMedwayCommissioning.Web.Domain.Programme;

public enum Rag
{
    Done,
    OnTrack,
    AtRisk,
    Late,

    /// <summary>The forecast date has passed and the milestone is not recorded as done.</summary>
    Overdue,
}

/// <summary>A step of a programme: its baseline is fixed, its forecast moves, and every move is kept with who, when and why.</summary>
public sealed class Milestone
{
    private readonly List<ForecastChange> _forecastChanges = [];
    private readonly List<MilestoneDependency> _dependencies = [];
    private readonly List<MilestoneChange> _changes = [];

    private Milestone()
    {
        Title = null!;
        Owner = null!;
        Baseline = null!;
        Forecast = null!;
    }

    public Milestone(int programmeId, string title, string owner, ReportedDate baseline, int? proposalId = null, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ProgrammeId = programmeId;
        Title = title.Trim();
        Owner = owner.Trim();
        Baseline = baseline;
        Forecast = baseline;
        ProposalId = proposalId;
        Source = source;
    }

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public string Title { get; private set; }
    public string Owner { get; private set; }
    public ReportedDate Baseline { get; private set; }
    public ReportedDate Forecast { get; private set; }
    public bool IsDone { get; private set; }

    /// <summary>When it was done; null when done on a date the source does not give.</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The proposal whose decision the milestone depends on.</summary>
    public int? ProposalId { get; private set; }

    public string? Source { get; private set; }
    public IReadOnlyList<ForecastChange> ForecastChanges => _forecastChanges;
    public IReadOnlyList<MilestoneDependency> Dependencies => _dependencies;

    /// <summary>Changes of owner and dependencies, each with the day it took effect and why.</summary>
    public IReadOnlyList<MilestoneChange> Changes => _changes;

    /// <summary>Days the forecast lies beyond the baseline (negative when ahead).</summary>
    public int SlippageDays => Forecast.Date.DayNumber - Baseline.Date.DayNumber;

    public ForecastChange Reforecast(ReportedDate forecast, string reason, string changedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (IsDone)
        {
            throw new GovernanceException("The milestone is done: its forecast no longer changes.");
        }

        if (forecast == Forecast)
        {
            throw new GovernanceException("That is already the forecast.");
        }

        var change = new ForecastChange(this, Forecast, forecast, reason.Trim(), changedBy, at);
        _forecastChanges.Add(change);
        Forecast = forecast;
        return change;
    }

    public void Complete(DateOnly? on)
    {
        IsDone = true;
        CompletedOn = on;
    }

    public void DependOn(int milestoneId)
    {
        if (milestoneId == Id && Id != 0)
        {
            throw new GovernanceException("A milestone cannot depend on itself.");
        }

        if (_dependencies.All(existing => existing.DependsOnId != milestoneId))
        {
            _dependencies.Add(new MilestoneDependency(this, milestoneId));
        }
    }

    /// <summary>
    /// Hands the milestone to another owner or changes what it depends on, keeping the change. <paramref name="change"/>
    /// says in words what changed (the caller knows the other milestones' titles); a dependency that would close a cycle
    /// is refused before this (see <see cref="MilestoneDependencies"/>).
    /// </summary>
    public MilestoneChange Reassign(string owner, IReadOnlyCollection<int> dependsOn, string change, DateOnly effectiveOn, string reason, string changedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        owner = owner.Trim();
        if (owner == Owner && dependsOn.ToHashSet().SetEquals(_dependencies.Select(dependency => dependency.DependsOnId)))
        {
            throw new GovernanceException("Nothing has changed: the milestone already has this owner and these dependencies.");
        }

        _dependencies.RemoveAll(dependency => !dependsOn.Contains(dependency.DependsOnId));
        foreach (var milestoneId in dependsOn)
        {
            DependOn(milestoneId);
        }

        Owner = owner;
        var recorded = new MilestoneChange(this, change, effectiveOn, reason.Trim(), changedBy, at);
        _changes.Add(recorded);
        return recorded;
    }

    /// <summary>Days since the forecast date passed without the milestone being done; null when it is not overdue.</summary>
    public int? DaysOverdueOn(DateOnly today) =>
        !IsDone && Forecast.Date < today ? today.DayNumber - Forecast.Date.DayNumber : null;

    /// <summary>
    /// Done once done; overdue when the forecast date has passed; late when the forecast has slipped beyond the margin;
    /// at risk when it has slipped within the margin or falls due within the margin; otherwise on track.
    /// </summary>
    public Rag RagOn(DateOnly today, int marginDays)
    {
        if (IsDone)
        {
            return Rag.Done;
        }

        if (DaysOverdueOn(today) is not null)
        {
            return Rag.Overdue;
        }

        var daysToForecast = Forecast.Date.DayNumber - today.DayNumber;
        if (SlippageDays > marginDays)
        {
            return Rag.Late;
        }

        return SlippageDays > 0 || daysToForecast <= marginDays ? Rag.AtRisk : Rag.OnTrack;
    }
}

/// <summary>One move of a milestone's forecast. Kept for good: the history explains slippage to the boards.</summary>
public sealed class ForecastChange
{
    private ForecastChange()
    {
        Previous = null!;
        Forecast = null!;
        Reason = null!;
        ChangedBy = null!;
    }

    internal ForecastChange(Milestone milestone, ReportedDate previous, ReportedDate forecast, string reason, string changedBy, DateTimeOffset at)
    {
        MilestoneId = milestone.Id;
        Previous = previous;
        Forecast = forecast;
        Reason = reason;
        ChangedBy = changedBy;
        ChangedAt = at;
    }

    public long Id { get; private set; }
    public int MilestoneId { get; private set; }
    public ReportedDate Previous { get; private set; }
    public ReportedDate Forecast { get; private set; }
    public string Reason { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}

/// <summary>A change of a milestone's owner or dependencies. Kept for good, like its forecasts.</summary>
public sealed class MilestoneChange
{
    private MilestoneChange()
    {
        Change = null!;
        Reason = null!;
        ChangedBy = null!;
    }

    internal MilestoneChange(Milestone milestone, string change, DateOnly effectiveOn, string reason, string changedBy, DateTimeOffset at)
    {
        MilestoneId = milestone.Id;
        Change = change;
        EffectiveOn = effectiveOn;
        Reason = reason;
        ChangedBy = changedBy;
        RecordedAt = at;
    }

    public long Id { get; private set; }
    public int MilestoneId { get; private set; }

    /// <summary>What changed, from what to what, in words.</summary>
    public string Change { get; private set; }

    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The order milestones must come in: a milestone cannot wait, directly or through others, on itself.</summary>
public static class MilestoneDependencies
{
    /// <summary>
    /// True when <paramref name="milestoneId"/> depending on <paramref name="dependsOn"/> would make it wait on itself,
    /// given what every milestone of the programme depends on now (<paramref name="dependenciesOf"/>).
    /// </summary>
    public static bool WouldCycle(int milestoneId, IEnumerable<int> dependsOn, IReadOnlyDictionary<int, IReadOnlyList<int>> dependenciesOf)
    {
        var seen = new HashSet<int>();
        var waiting = new Stack<int>(dependsOn);
        while (waiting.TryPop(out var next))
        {
            if (next == milestoneId)
            {
                return true;
            }

            if (seen.Add(next) && dependenciesOf.TryGetValue(next, out var further))
            {
                foreach (var dependency in further)
                {
                    waiting.Push(dependency);
                }
            }
        }

        return false;
    }
}

public sealed class MilestoneDependency
{
    private MilestoneDependency()
    {
    }

    internal MilestoneDependency(Milestone milestone, int dependsOnId)
    {
        MilestoneId = milestone.Id;
        DependsOnId = dependsOnId;
    }

    public int MilestoneId { get; private set; }
    public int DependsOnId { get; private set; }
}

/// <summary>
/// A programme of change: the body it establishes, the date it aims for, and how much slippage it tolerates before a
/// milestone is late. A change to any of these is kept in <see cref="Changes"/> with its effective date and reason.
/// </summary>
public sealed class ProgrammePlan
{
    private readonly List<ProgrammeChange> _changes = [];

    private ProgrammePlan()
    {
        Name = null!;
        Slug = null!;
    }

    public ProgrammePlan(string name, string? description, int marginDays = 30, int? establishesBodyId = null, DateOnly? targetDate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(marginDays);
        Name = name;
        Slug = Domain.Slug.From(name);
        Description = description;
        MarginDays = marginDays;
        EstablishesBodyId = establishesBodyId;
        TargetDate = targetDate;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Fixed when the programme is recorded, so a renamed programme keeps its links.</summary>
    public string Slug { get; private set; }

    public string? Description { get; private set; }

    /// <summary>How many days of slippage, or of time left, make a milestone at risk rather than on track.</summary>
    public int MarginDays { get; private set; }

    /// <summary>The body the programme brings into being (the single CCG); null until that body is recorded.</summary>
    public int? EstablishesBodyId { get; private set; }

    /// <summary>The day the programme aims to be done (go-live).</summary>
    public DateOnly? TargetDate { get; private set; }

    public IReadOnlyList<ProgrammeChange> Changes => _changes;

    /// <summary>
    /// Changes the programme's terms and keeps the change. <paramref name="change"/> says in words what changed (the
    /// caller knows the bodies' names); the new terms must differ from the current ones.
    /// </summary>
    public ProgrammeChange Revise(string name, string? description, int marginDays, int? establishesBodyId, DateOnly? targetDate, string change, DateOnly effectiveOn, string reason, string changedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfNegative(marginDays);
        if (name == Name && description == Description && marginDays == MarginDays && establishesBodyId == EstablishesBodyId && targetDate == TargetDate)
        {
            throw new GovernanceException("Nothing has changed: the programme already has these details.");
        }

        Name = name;
        Description = description;
        MarginDays = marginDays;
        EstablishesBodyId = establishesBodyId;
        TargetDate = targetDate;
        var recorded = new ProgrammeChange(this, change, effectiveOn, reason.Trim(), changedBy, at);
        _changes.Add(recorded);
        return recorded;
    }
}

/// <summary>One change to a programme's terms, kept for good beside it.</summary>
public sealed class ProgrammeChange
{
    private ProgrammeChange()
    {
        Change = null!;
        Reason = null!;
        ChangedBy = null!;
    }

    internal ProgrammeChange(ProgrammePlan programme, string change, DateOnly effectiveOn, string reason, string changedBy, DateTimeOffset at)
    {
        ProgrammeId = programme.Id;
        Change = change;
        EffectiveOn = effectiveOn;
        Reason = reason;
        ChangedBy = changedBy;
        RecordedAt = at;
    }

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }

    /// <summary>What changed, from what to what, in words.</summary>
    public string Change { get; private set; }

    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
