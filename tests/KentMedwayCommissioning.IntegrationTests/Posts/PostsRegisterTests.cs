using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Posts;

/// <summary>The register of posts: holders and vacancies.</summary>
[Collection(nameof(SharedApp))]
public sealed class PostsRegisterTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Fact]
    public async Task The_register_of_posts_shows_holders_and_vacancies()
    {
        var page = await _browser.GetPageAsync("/posts");

        var text = page.MainText();
        Assert.Contains("Director of Nursing and Quality", text, StringComparison.Ordinal);
        Assert.Contains("Vacant", text, StringComparison.Ordinal);
        Assert.Contains("Caroline Selkirk Transitional role", text, StringComparison.Ordinal);
        Assert.Contains("Substantive posts: Accountable Officer, Ashford CCG; Accountable Officer, Canterbury and Coastal CCG", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_can_show_vacancies_only()
    {
        var page = await _browser.GetPageAsync("/posts?vacantOnly=true");

        var rows = page.QuerySelectorAll("main tbody tr").OfType<AngleSharp.Html.Dom.IHtmlTableRowElement>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Matches("Vacant|No substantive holder", row.TextContent));
        Assert.Contains(rows, row => row.TextContent.Contains("Director of Nursing and Quality", StringComparison.Ordinal) && row.TextContent.Contains("Vacant", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.TextContent.Contains("East Kent Managing Director", StringComparison.Ordinal) && row.TextContent.Contains("No substantive holder", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Cells[0].CellText() == "Accountable Officer" && row.Cells[1].CellText() == "West Kent CCG");
    }
}
