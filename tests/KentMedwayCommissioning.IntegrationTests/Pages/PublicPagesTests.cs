using System.Net;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Pages;

[Collection(nameof(SharedApp))]
public sealed class PublicPagesTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Fact]
    public async Task The_bodies_page_lists_every_body_in_the_papers_grouped_by_kind()
    {
        var page = await _browser.GetPageAsync("/bodies");

        var links = page.QuerySelectorAll("main a").Select(link => link.TextContent.Trim()).ToList();
        Assert.Superset(
            new HashSet<string>
            {
                "Ashford CCG", "Canterbury and Coastal CCG", "South Kent Coast CCG", "Thanet CCG",
                "Dartford, Gravesham and Swanley CCG", "Swale CCG", "Medway CCG", "West Kent CCG",
                "Joint Committee of Clinical Commissioning Groups", "Kent and Medway Strategic Commissioner",
                "Kent and Medway STP Programme Board", "Medway Council Health Scrutiny Committee",
                "NHS England",
            },
            links.ToHashSet());
        var headings = page.QuerySelectorAll("main h2, main h3").Select(heading => heading.TextContent.Trim()).ToList();
        Assert.Equal(["Clinical commissioning groups", "East Kent", "North Kent", "West Kent", "Medway"], headings.Take(5));
        Assert.Contains("(10 member bodies)", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_joint_committee_page_lists_its_ten_member_bodies()
    {
        var page = await _browser.GetPageAsync("/bodies/joint-committee-of-clinical-commissioning-groups");

        Assert.Contains("10 bodies are members of this committee.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Bexley CCG", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("High Weald Lewes Havens CCG", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Terms of reference The decision-making body for the Kent and Medway stroke review", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_strategic_commissioner_s_joint_committee_meets_in_public()
    {
        var page = await _browser.GetPageAsync("/bodies/kent-and-medway-strategic-commissioner-joint-committee");

        Assert.Contains("Meets in public Yes", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("8 bodies are members of this committee.", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task West_Kent_shows_Ian_Ayres_as_accountable_officer_with_his_transitional_role()
    {
        var page = await _browser.GetPageAsync("/bodies/west-kent-ccg");

        var text = page.MainText();
        Assert.Contains("Ian Ayres Accountable officer", text, StringComparison.Ordinal);
        Assert.Contains("Also holds the transitional role Medway, North and West Kent Managing Director", text, StringComparison.Ordinal);
        Assert.Contains("Joint Committee of Clinical Commissioning Groups", text, StringComparison.Ordinal);
        Assert.Contains("5 of 9 voting members", text, StringComparison.Ordinal);
    }

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

    [Theory]
    [InlineData("/bodies/no-such-body")]
    [InlineData("/people/no-such-person")]
    [InlineData("/bodies/no-such-body/rule")]
    [InlineData("/nowhere")]
    public async Task An_unknown_address_gets_the_not_found_page(string path)
    {
        var page = await _browser.GetPageAsync(path, path.EndsWith("/rule", StringComparison.Ordinal) ? HttpStatusCode.Redirect : HttpStatusCode.NotFound);

        if (!path.EndsWith("/rule", StringComparison.Ordinal))
        {
            Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bodies")]
    [InlineData("/people")]
    [InlineData("/posts")]
    [InlineData("/account/sign-in")]
    public async Task Public_pages_open_without_signing_in(string path) =>
        await _browser.GetPageAsync(path);
}
