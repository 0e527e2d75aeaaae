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

    /// <summary>When the person last declared an interest or confirmed their register is complete: due again after a year.</summary>
    public DateOnly? InterestsDeclaredOn { get; private set; }

    public void DeclareInterests(DateOnly on)
    {
        if (InterestsDeclaredOn is null || InterestsDeclaredOn < on)
        {
            InterestsDeclaredOn = on;
        }
    }
}
