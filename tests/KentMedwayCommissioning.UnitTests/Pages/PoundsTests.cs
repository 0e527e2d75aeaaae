using KentMedwayCommissioning.Web.Pages.Shared;

namespace KentMedwayCommissioning.UnitTests.Pages;

public sealed class PoundsTests
{
    [Theory]
    [InlineData("40", 40)]
    [InlineData("£40", 40)]
    [InlineData(" £ 40.5 ", 40.5)]
    [InlineData("£1,250.50", 1250.50)]
    [InlineData("1,200,000", 1200000)]
    [InlineData("0", 0)]
    public void An_amount_is_read_as_people_type_it(string text, decimal expected)
    {
        Assert.True(Pounds.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("forty")]
    [InlineData("£")]
    [InlineData("12,34")]
    [InlineData("£40.999")]
    [InlineData("-40")]
    [InlineData("$40")]
    [InlineData("4 0")]
    [InlineData("")]
    public void Anything_else_is_not_an_amount(string text) =>
        Assert.False(Pounds.TryParse(text, out _));
}
