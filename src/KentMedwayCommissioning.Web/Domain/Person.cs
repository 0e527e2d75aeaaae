namespace KentMedwayCommissioning.Web.Domain;

public sealed class Person
{
    public Person(string fullName, bool isFictional = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        FullName = fullName;
        Slug = Domain.Slug.From(fullName);
        IsFictional = isFictional;
    }

    public int Id { get; private set; }
    public string FullName { get; private set; }
    public string Slug { get; private set; }

    /// <summary>Invented for the demo (to make governing bodies quorate), not named in the source papers.</summary>
    public bool IsFictional { get; private set; }

    /// <summary>
    /// Listed on the public people pages and in the open data. A person who is not public is still named where the
    /// append-only register already published them.
    /// </summary>
    public bool IsPublic { get; private set; } = true;

    /// <summary>When the person last declared an interest or confirmed their register is complete: due again after a year.</summary>
    public DateOnly? InterestsDeclaredOn { get; private set; }

    /// <summary>The slug stays as it was, so every address already published still leads to the person.</summary>
    public void Rename(string newName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        FullName = newName;
    }

    public void ShowInPublic(bool isPublic) => IsPublic = isPublic;

    public void DeclareInterests(DateOnly on)
    {
        if (InterestsDeclaredOn is null || InterestsDeclaredOn < on)
        {
            InterestsDeclaredOn = on;
        }
    }
}

/// <summary>
/// A change to a person's record (a new name, being shown in public or not), with the day it took effect and the
/// reason, kept beside the person so the record's past reads as it happened.
/// </summary>
public sealed class PersonChange
{
    private PersonChange()
    {
        Person = null!;
        Change = "";
        Reason = "";
    }

    public PersonChange(Person person, string change, string? formerName, DateOnly effectiveOn, string reason, DateTimeOffset recordedAt)
    {
        Person = person;
        Change = change;
        FormerName = formerName;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; }
    public string Change { get; private set; }

    /// <summary>For a change of name: the name used until the day before <see cref="EffectiveOn"/>.</summary>
    public string? FormerName { get; private set; }

    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>When a change to a person's record may take effect.</summary>
public static class PersonChangeRules
{
    /// <summary>
    /// A change is recorded once it has happened (today or earlier), and never before the latest change already recorded,
    /// so the history reads in order and a former name always has the day it stopped being used.
    /// </summary>
    public static string? WhyNotOn(DateOnly effectiveOn, DateOnly today, DateOnly? latestChangeOn)
    {
        if (today < effectiveOn)
        {
            return $"The change must take effect today ({Display(today)}) or earlier: record it once it has happened";
        }

        if (latestChangeOn is { } latest && effectiveOn < latest)
        {
            return $"The change cannot take effect before the latest change already recorded ({Display(latest)})";
        }

        return null;
    }

    private static string Display(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
