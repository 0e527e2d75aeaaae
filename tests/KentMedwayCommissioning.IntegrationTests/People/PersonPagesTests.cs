using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.People;

/// <summary>The public pages of people.</summary>
[Collection(nameof(SharedApp))]
public sealed class PersonPagesTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Fact]
    public async Task Simon_Perks_is_accountable_officer_of_both_Ashford_and_Canterbury_and_Coastal()
    {
        var page = await _browser.GetPageAsync("/people/simon-perks");

        var rows = page.QuerySelectorAll("main table:first-of-type tbody tr")
            .Select(row => string.Join(" | ", row.QuerySelectorAll("td").Select(cell => cell.CellText())))
            .ToList();
        Assert.Contains(rows, row => row.StartsWith("Accountable Officer | Ashford CCG", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.StartsWith("Accountable Officer | Canterbury and Coastal CCG", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains("Medway, North and West Kent Deputy Managing Director", StringComparison.Ordinal)
                                     && row.Contains("Transitional role", StringComparison.Ordinal)
                                     && row.Contains("From February 2018", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fictional_person_is_marked_as_invented()
    {
        var westKent = await _browser.GetPageAsync("/bodies/west-kent-ccg");
        var fictionalLink = westKent.QuerySelectorAll("main td a").First(link => link.ParentElement!.TextContent.Contains("Fictional", StringComparison.Ordinal));

        var person = await _browser.GetPageAsync(fictionalLink.GetAttribute("href")!);

        Assert.Contains("This person is invented for the demo", person.MainText(), StringComparison.Ordinal);
    }
}
