namespace KentMedwayCommissioning.Web.Domain.Programme;

/// <summary>A level at which commissioning can sit, from the strategic commissioner down to the GP federation or PCN.</summary>
public sealed class CommissioningLevel
{
    private CommissioningLevel()
    {
        Name = null!;
    }

    public CommissioningLevel(string name, int order, string? description, int? populationFrom, int? populationTo, string? source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (populationFrom is not null && populationTo is not null && populationTo < populationFrom)
        {
            throw new ArgumentException("A population range cannot end below its start.", nameof(populationTo));
        }

        Name = name;
        Order = order;
        Description = description;
        PopulationFrom = populationFrom;
        PopulationTo = populationTo;
        Source = source;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Position from the widest level (strategic) to the most local.</summary>
    public int Order { get; private set; }

    public string? Description { get; private set; }
    public int? PopulationFrom { get; private set; }
    public int? PopulationTo { get; private set; }
    public string? Source { get; private set; }
}

/// <summary>Where one commissioning function sits, and the co-design workshop or survey that decided it.</summary>
public sealed class FunctionAllocation
{
    private FunctionAllocation()
    {
        Function = null!;
        DecidedBy = null!;
    }

    public FunctionAllocation(string function, int levelId, string decidedBy, DateOnly? decidedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        Function = function.Trim();
        AllocateTo(levelId, decidedBy, decidedOn);
    }

    public int Id { get; private set; }
    public string Function { get; private set; }
    public int LevelId { get; private set; }

    /// <summary>The workshop or survey that decided it.</summary>
    public string DecidedBy { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Each function sits at one level: a later decision moves it.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(DecidedBy))]
    public void AllocateTo(int levelId, string decidedBy, DateOnly? decidedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        LevelId = levelId;
        DecidedBy = decidedBy.Trim();
        DecidedOn = decidedOn;
    }
}
