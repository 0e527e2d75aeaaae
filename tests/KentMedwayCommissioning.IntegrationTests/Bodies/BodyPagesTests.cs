using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;

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
    }

    [Fact]
    public async Task The_bodies_page_counts_a_joint_committee_s_members_of_today()
    {
        var page = await _browser.GetPageAsync("/bodies");

        // The eight CCGs left both committees when they ended on 31 March 2020; Bexley and High Weald Lewes Havens remain on the JCCCG.
        Assert.Contains("(2 member bodies)", ItemOf(page, "joint-committee-of-clinical-commissioning-groups"), StringComparison.Ordinal);
        Assert.DoesNotContain("member bodies", ItemOf(page, "kent-and-medway-strategic-commissioner-joint-committee"), StringComparison.Ordinal);
        Assert.DoesNotContain("(10 member bodies)", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_joint_committee_page_lists_its_two_member_bodies_of_today_and_the_eight_ccgs_until_they_ended()
    {
        var page = await _browser.GetPageAsync("/bodies/joint-committee-of-clinical-commissioning-groups");

        Assert.Contains("2 bodies are members of this committee today.", page.MainText(), StringComparison.Ordinal);
        var today = page.QuerySelector("table")!.TextContent;
        Assert.Contains("Bexley CCG", today, StringComparison.Ordinal);
        Assert.Contains("High Weald Lewes Havens CCG", today, StringComparison.Ordinal);
        Assert.DoesNotContain("West Kent CCG", today, StringComparison.Ordinal);
        var past = PastMembers(page);
        Assert.Equal(8, past.Count);
        Assert.All(past, row => Assert.Contains("Until 31 March 2020", row, StringComparison.Ordinal));
        Assert.Contains("Terms of reference The decision-making body for the Kent and Medway stroke review", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_strategic_commissioner_s_joint_committee_meets_in_public()
    {
        var page = await _browser.GetPageAsync("/bodies/kent-and-medway-strategic-commissioner-joint-committee");

        Assert.Contains("Meets in public Yes", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("0 bodies are members of this committee today.", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(8, PastMembers(page).Count);
    }

    [Fact]
    public async Task West_Kent_shows_Ian_Ayres_as_accountable_officer_with_his_transitional_role()
    {
        var page = await _browser.GetPageAsync("/bodies/west-kent-ccg");

        var text = page.MainText();
        Assert.Contains("Ian Ayres Accountable officer", text, StringComparison.Ordinal);
        Assert.Contains("Also holds the transitional role Medway, North and West Kent Managing Director", text, StringComparison.Ordinal);
        Assert.Contains("5 of 9 voting members", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sits_on_the_joint_committees_of_today_and_lists_those_it_left_apart_with_their_dates()
    {
        var westKent = await _browser.GetPageAsync("/bodies/west-kent-ccg");
        var bexley = await _browser.GetPageAsync("/bodies/bexley-ccg");

        Assert.DoesNotContain("Joint committees it sits on", Headings(westKent));
        Assert.Contains("Joint committees it sat on, or will sit on", Headings(westKent));
        Assert.Contains("Joint Committee of Clinical Commissioning Groups (Until 31 March 2020)", westKent.MainText(), StringComparison.Ordinal);
        Assert.Contains("Kent and Medway Strategic Commissioner Joint Committee (Until 31 March 2020)", westKent.MainText(), StringComparison.Ordinal);
        Assert.Contains("Joint committees it sits on", Headings(bexley));
        Assert.DoesNotContain("Joint committees it sat on, or will sit on", Headings(bexley));
        Assert.NotNull(bexley.QuerySelector("main a[href='/bodies/joint-committee-of-clinical-commissioning-groups']"));
    }

    [Fact]
    public async Task A_secretary_is_offered_the_seats_and_description_of_their_own_body_only()
    {
        var secretary = new Browsing(app);
        await secretary.SignInAsync(DemoAccounts.BoardSecretary.Email, DemoAccounts.Password);

        var own = await secretary.GetPageAsync("/bodies/kent-and-medway-ccg");
        var other = await secretary.GetPageAsync("/bodies/west-kent-ccg");

        Assert.NotNull(own.QuerySelector("main a[href='/bodies/kent-and-medway-ccg/seats']"));
        Assert.NotNull(own.QuerySelector("main a[href='/bodies/kent-and-medway-ccg/change']"));
        Assert.Null(other.QuerySelector("main a[href='/bodies/west-kent-ccg/seats']"));
        Assert.Null(other.QuerySelector("main a[href='/bodies/west-kent-ccg/change']"));
    }

    private static string ItemOf(AngleSharp.Dom.IDocument page, string slug) =>
        page.QuerySelector($"main a[href='/bodies/{slug}']")!.ParentElement!.TextContent;

    private static List<string> PastMembers(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table").Single(table => table.QuerySelector("caption")!.TextContent == "Past and future member bodies")
            .QuerySelectorAll("tbody tr").Select(row => row.TextContent).ToList();

    private static List<string> Headings(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("main h2").Select(heading => heading.TextContent.Trim()).ToList();
}
