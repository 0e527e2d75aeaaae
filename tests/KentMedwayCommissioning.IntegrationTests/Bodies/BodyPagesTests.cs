using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

/// <summary>The public pages of bodies: the list, a body, a joint committee.</summary>
[Collection(nameof(SharedApp))]
public sealed class BodyPagesTests(TestApp app)
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

        Assert.Contains("10 bodies are members of this committee today.", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Bexley CCG", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("High Weald Lewes Havens CCG", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Terms of reference The decision-making body for the Kent and Medway stroke review", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_strategic_commissioner_s_joint_committee_meets_in_public()
    {
        var page = await _browser.GetPageAsync("/bodies/kent-and-medway-strategic-commissioner-joint-committee");

        Assert.Contains("Meets in public Yes", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("8 bodies are members of this committee today.", page.MainText(), StringComparison.Ordinal);
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
}
