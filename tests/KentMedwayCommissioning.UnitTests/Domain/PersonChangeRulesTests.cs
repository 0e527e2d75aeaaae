using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class PersonChangeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_change_that_has_not_happened_yet_is_refused()
    {
        Assert.StartsWith("The change must take effect today (29 November 2026) or earlier", PersonChangeRules.WhyNotOn(Today.AddDays(1), Today, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_before_the_latest_recorded_change_is_refused()
    {
        Assert.StartsWith("The change cannot take effect before the latest change already recorded (1 June 2026)", PersonChangeRules.WhyNotOn(new DateOnly(2026, 5, 31), Today, new DateOnly(2026, 6, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_today_or_on_the_day_of_the_latest_change_is_allowed()
    {
        Assert.Null(PersonChangeRules.WhyNotOn(Today, Today, null));
        Assert.Null(PersonChangeRules.WhyNotOn(new DateOnly(2026, 6, 1), Today, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void A_renamed_person_keeps_their_address()
    {
        var person = new Person("Jane Smith");

        person.Rename("Jane Jones");

        Assert.Equal(("Jane Jones", "jane-smith"), (person.FullName, person.Slug));
    }
}
