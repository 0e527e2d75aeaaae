using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("West Kent CCG", "west-kent-ccg")]
    [InlineData("Dartford, Gravesham and Swanley CCG", "dartford-gravesham-and-swanley-ccg")]
    [InlineData("Simon Perks", "simon-perks")]
    [InlineData("  NHS   England  ", "nhs-england")]
    [InlineData("St John's Surgery", "st-johns-surgery")]
    [InlineData("Zoë Brontë", "zoe-bronte")]
    public void Is_the_lower_case_name_with_hyphens(string name, string expected) =>
        Assert.Equal(expected, Slug.From(name));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    public void Refuses_a_name_without_letters_or_digits(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => Slug.From(name));
}
